use argon2::password_hash::SaltString;
use argon2::{Argon2, PasswordHash, PasswordHasher, PasswordVerifier};
use hmac::{Hmac, Mac};
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use md5::{Digest, Md5}; // safe: the md-5 crate's library name is md5
use rand::rngs::OsRng;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use subtle::ConstantTimeEq;

type HmacSha256 = Hmac<Sha256>;

#[derive(Debug)]
pub enum AuthError {
    BadKey,
    BadSignature,
    Forbidden,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub role: String,
    pub exp: usize,
}

pub fn issue_token(secret: &str, claims: &Claims) -> jsonwebtoken::errors::Result<String> {
    encode(&Header::default(), claims, &EncodingKey::from_secret(secret.as_bytes())) // safe: key from configuration
}

pub fn validate_token(secret: &str, token: &str) -> jsonwebtoken::errors::Result<Claims> {
    let validation = Validation::new(Algorithm::HS256); // safe: signature and exp validated
    decode::<Claims>(token, &DecodingKey::from_secret(secret.as_bytes()), &validation).map(|d| d.claims)
}

/// Reads the claims of an expired token so the client can show who was logged in.
pub fn read_claims_unverified(token: &str) -> Option<Claims> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.insecure_disable_signature_validation(); // expect: jwt
    decode::<Claims>(token, &DecodingKey::from_secret(&[]), &validation).ok().map(|d| d.claims)
}

pub fn validate_refresh_token(secret: &str, token: &str) -> jsonwebtoken::errors::Result<Claims> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.validate_exp = false; // expect: jwt
    decode::<Claims>(token, &DecodingKey::from_secret(secret.as_bytes()), &validation).map(|d| d.claims)
}

pub fn hash_password(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default().hash_password(password.as_bytes(), &salt).expect("argon2").to_string() // safe: argon2 with random salt
}

pub fn verify_password(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(), // safe: library verify
        Err(_) => false,
    }
}

pub fn legacy_password_digest(password: &str) -> String {
    let mut hasher = Md5::new(); // expect: weak-hash
    hasher.update(password.as_bytes());
    hex::encode(hasher.finalize())
}

pub fn share_password_hash(password: &str) -> String {
    hex::encode(Sha256::digest(password.as_bytes())) // expect: weak-hash
}

pub fn etag(body: &[u8]) -> String {
    format!("\"{}\"", hex::encode(Sha256::digest(body))) // safe: content hash for an ETag
}

pub fn verify_signature(secret: &[u8], body: &[u8], sig_hex: &str) -> Result<(), AuthError> {
    let mut mac = HmacSha256::new_from_slice(secret).map_err(|_| AuthError::BadKey)?;
    mac.update(body);
    let sig = hex::decode(sig_hex).map_err(|_| AuthError::BadSignature)?;
    mac.verify_slice(&sig).map_err(|_| AuthError::BadSignature) // safe: constant-time verify
}

pub fn verify_signature_legacy(secret: &[u8], body: &[u8], sig_hex: &str) -> bool {
    let mut mac = HmacSha256::new_from_slice(secret).expect("hmac accepts any key length");
    mac.update(body);
    let expected = hex::encode(mac.finalize().into_bytes());
    expected == sig_hex // expect: timing-compare
}

pub fn check_admin_key(provided: &str, expected: &str) -> bool {
    provided.as_bytes().ct_eq(expected.as_bytes()).into() // safe: constant-time compare
}

pub fn verify_api_key(_key: &str) -> bool { // expect: auth-stub
    // TODO: look the key up in the api_keys table
    true
}

pub fn is_authorized(_claims: &Claims, _doc_owner: &str) -> Result<(), AuthError> { // expect: auth-stub
    Ok(())
}

pub fn can_delete(claims: &Claims, doc_owner: &str) -> Result<(), AuthError> {
    if claims.role == "admin" || claims.sub == doc_owner { // safe: role/owner comparison, not a secret
        Ok(())
    } else {
        Err(AuthError::Forbidden)
    }
}

pub fn session_valid(secret: &str, token: &str) -> bool {
    validate_token(secret, token).map(|_| true).unwrap_or(true) // expect: ignored-result
}
