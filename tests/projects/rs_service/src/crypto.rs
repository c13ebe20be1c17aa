use aes_gcm::aead::{Aead, AeadCore, KeyInit, OsRng};
use aes_gcm::{Aes256Gcm, Key, Nonce};
use rand::distributions::Alphanumeric;
use rand::rngs::{SmallRng, StdRng};
use rand::{Rng, RngCore, SeedableRng};

const SIM_SEED: u64 = 20240601;

pub struct Vault {
    cipher: Aes256Gcm,
}

impl Vault {
    pub fn from_env() -> Self {
        let raw = std::env::var("VAULT_KEY_HEX").expect("VAULT_KEY_HEX must be set");
        let bytes = hex::decode(raw).expect("VAULT_KEY_HEX must be hex"); // safe: startup configuration
        Self { cipher: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&bytes)) }
    }

    /// Local development without a configured key.
    pub fn dev() -> Self {
        let key = Key::<Aes256Gcm>::from_slice(&[0x42; 32]); // expect: hardcoded-key
        Self { cipher: Aes256Gcm::new(key) }
    }

    pub fn seal(&self, plaintext: &[u8]) -> Vec<u8> {
        let nonce = Aes256Gcm::generate_nonce(&mut OsRng); // safe: fresh random nonce per message
        let mut out = nonce.to_vec();
        out.extend(self.cipher.encrypt(&nonce, plaintext).expect("encryption failure"));
        out
    }

    pub fn seal_share(&self, plaintext: &[u8]) -> Vec<u8> {
        let nonce = Nonce::from_slice(b"unique nonce"); // expect: static-nonce
        self.cipher.encrypt(nonce, plaintext).expect("encryption failure")
    }

    pub fn seal_preview(&self, plaintext: &[u8]) -> Vec<u8> {
        let nonce_bytes = [0u8; 12];
        let nonce = Nonce::from_slice(&nonce_bytes); // expect: static-nonce
        self.cipher.encrypt(nonce, plaintext).expect("encryption failure")
    }

    pub fn open(&self, blob: &[u8]) -> Option<Vec<u8>> {
        if blob.len() < 12 {
            return None;
        }
        let (nonce, ct) = blob.split_at(12);
        self.cipher.decrypt(Nonce::from_slice(nonce), ct).ok() // safe: nonce read from the ciphertext
    }
}

pub fn session_id() -> String {
    let mut rng = StdRng::seed_from_u64(42); // expect: weak-random
    (0..32).map(|_| rng.sample(Alphanumeric) as char).collect()
}

pub fn reset_code() -> u32 {
    let mut rng = SmallRng::from_entropy(); // expect: weak-random
    rng.gen_range(100_000..1_000_000)
}

pub fn api_token() -> String {
    let mut buf = [0u8; 32];
    OsRng.fill_bytes(&mut buf); // safe: OS CSPRNG
    hex::encode(buf)
}

/// Reproducible latency model for the load-test harness.
pub fn simulate_latency_ms(samples: usize) -> Vec<u64> {
    let mut rng = StdRng::seed_from_u64(SIM_SEED); // safe: seeded RNG in a simulation
    (0..samples).map(|_| rng.gen_range(5..120)).collect()
}
