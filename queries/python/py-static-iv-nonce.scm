; An IV, nonce or salt that is constant data: a literal, b"\x00" * 16, bytes(12), or a name bound
; only to constants in the function or module. os.urandom, secrets.token_bytes and values read
; from the ciphertext are not constant. Test code (fixed test vectors) is not reported. Findings
; point at the constant argument.

; cryptography: modes.CBC(iv), modes.GCM(iv), modes.CTR(nonce), OFB/CFB/CFB8/XTS.
((call
  function: (_) @callee
  arguments: (argument_list . (_) @value @match))
  (#resolves-to? @callee "cryptography.hazmat.*modes.CBC" "cryptography.hazmat.*modes.GCM" "cryptography.hazmat.*modes.CTR" "cryptography.hazmat.*modes.OFB" "cryptography.hazmat.*modes.CFB" "cryptography.hazmat.*modes.CFB8" "cryptography.hazmat.*modes.XTS")
  (#constant? @value)
  (#not-test? @value))

((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @value @match)))
  (#any-of? @kw "initialization_vector" "nonce" "tweak")
  (#resolves-to? @callee "cryptography.hazmat.*modes.*")
  (#constant? @value)
  (#not-test? @value))

; PyCryptodome / PyCrypto: AES.new(key, AES.MODE_CBC, IV), AES.new(key, AES.MODE_GCM, nonce=...),
; ChaCha20.new(key=k, nonce=...).
((call
  function: (_) @callee
  arguments: (argument_list . (_) . (attribute attribute: (identifier) @mode) . (_) @value @match))
  (#match? @mode "^MODE_")
  (#resolves-to? @callee "Crypto.Cipher.*.new" "Cryptodome.Cipher.*.new")
  (#constant? @value)
  (#not-test? @value))

((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @value @match)))
  (#any-of? @kw "iv" "IV" "nonce")
  (#resolves-to? @callee "Crypto.Cipher.*.new" "Cryptodome.Cipher.*.new")
  (#constant? @value)
  (#not-match? @value "^None$")
  (#not-test? @value))

; CTR counter block that starts at the same value for every message.
((call
  function: (_) @callee
  arguments: (argument_list) @value) @match
  (#resolves-to? @callee "Crypto.Util.Counter.new" "Cryptodome.Util.Counter.new")
  (#match? @value "^\\(\\s*\\d+\\s*(,\\s*initial_value\\s*=\\s*\\d+\\s*)?,?\\s*\\)$")
  (#not-test? @match))

; AEAD objects: AESGCM(key).encrypt(NONCE, data, aad), also through a variable.
((call
  function: (attribute object: (_) @aead attribute: (identifier) @method) @callee
  arguments: (argument_list . (_) @value @match))
  (#eq? @method "encrypt")
  (#created-by? @aead "cryptography.hazmat.primitives.ciphers.aead.*")
  (#constant? @value)
  (#not-test? @value))

; PyNaCl: SecretBox(key).encrypt(message, NONCE)
((call
  function: (attribute object: (_) @aead attribute: (identifier) @method) @callee
  arguments: (argument_list . (_) . (_) @value @match))
  (#eq? @method "encrypt")
  (#created-by? @aead "nacl.secret.SecretBox" "nacl.secret.Aead" "nacl.public.Box")
  (#constant? @value)
  (#not-test? @value))

; Password-hash and KDF salts: pbkdf2_hmac(name, pw, SALT, n), scrypt(pw, salt=...),
; PBKDF2HMAC(salt=...), Scrypt(salt=...), PyCryptodome PBKDF2(pw, SALT).
((call
  function: (_) @callee
  arguments: (argument_list . (_) . (_) . (_) @value @match))
  (#resolves-to? @callee "hashlib.pbkdf2_hmac")
  (#constant? @value)
  (#not-test? @value))

((call
  function: (_) @callee
  arguments: (argument_list . (_) . (_) @value @match))
  (#resolves-to? @callee "Crypto.Protocol.KDF.PBKDF2" "Crypto.Protocol.KDF.scrypt" "Cryptodome.Protocol.KDF.PBKDF2" "Cryptodome.Protocol.KDF.scrypt" "argon2.low_level.hash_secret" "argon2.low_level.hash_secret_raw")
  (#constant? @value)
  (#not-test? @value))

((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @value @match)))
  (#eq? @kw "salt")
  (#resolves-to? @callee "hashlib.pbkdf2_hmac" "hashlib.scrypt" "cryptography.hazmat.primitives.kdf.pbkdf2.PBKDF2HMAC" "cryptography.hazmat.primitives.kdf.scrypt.Scrypt" "cryptography.hazmat.primitives.kdf.argon2.*" "Crypto.Protocol.KDF.*" "Cryptodome.Protocol.KDF.*" "bcrypt.kdf" "argon2.low_level.hash_secret" "argon2.low_level.hash_secret_raw")
  (#not-resolves-to? @callee "Crypto.Protocol.KDF.HKDF" "Cryptodome.Protocol.KDF.HKDF")
  (#constant? @value)
  (#not-match? @value "^None$")
  (#not-test? @value))
