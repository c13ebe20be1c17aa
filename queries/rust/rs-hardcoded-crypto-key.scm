; A cryptographic key that is constant data (a byte or string literal, `[0u8; 32]`, a `const` or
; `static`, or a name bound only to those) passed as the key of a JWT signer, an HMAC, a
; RustCrypto cipher or AEAD, ring or openssl. Whatever its entropy. A literal argument is also
; captured as @secret, so every output masks it. Test code is not reported.

; jsonwebtoken: EncodingKey::from_secret(b"..."), DecodingKey::from_secret(...), from_base64_secret
; RustCrypto: Hmac::<Sha256>::new_from_slice(b"..."), Aes256Gcm::new_from_slice(..),
; Key::<Aes256Gcm>::from_slice(..), ChaCha20Poly1305::new(Key::from_slice(..)) ...
((call_expression
  function: [(scoped_identifier) (generic_function)] @callee
  arguments: (arguments . [(string_literal) (raw_string_literal)] @key @secret @match))
  (#resolves-to? @callee "*EncodingKey::from_secret" "*DecodingKey::from_secret" "*EncodingKey::from_base64_secret" "*DecodingKey::from_base64_secret" "*::new_from_slice" "*::new_varkey" "*Key::from_slice" "*Key::<*>::from_slice" "*::hmac::Key::new" "*PKey::hmac" "PKey::hmac")
  (#not-test? @key))

((call_expression
  function: [(scoped_identifier) (generic_function)] @callee
  arguments: (arguments . [(reference_expression) (array_expression) (identifier) (scoped_identifier) (call_expression)] @key @match))
  (#resolves-to? @callee "*EncodingKey::from_secret" "*DecodingKey::from_secret" "*EncodingKey::from_base64_secret" "*DecodingKey::from_base64_secret" "*::new_from_slice" "*::new_varkey" "*Key::from_slice" "*Key::<*>::from_slice" "*PKey::hmac" "PKey::hmac")
  (#constant? @key)
  (#not-test? @key))

; ring: hmac::Key::new(hmac::HMAC_SHA256, b"..."), aead::UnboundKey::new(&aead::AES_256_GCM, b"...")
((call_expression
  function: (scoped_identifier) @callee
  arguments: (arguments . (_) . [(string_literal) (raw_string_literal)] @key @secret @match))
  (#resolves-to? @callee "*hmac::Key::new" "*UnboundKey::new" "hmac::Key::new" "aead::UnboundKey::new" "UnboundKey::new")
  (#not-test? @key))

((call_expression
  function: (scoped_identifier) @callee
  arguments: (arguments . (_) . [(reference_expression) (array_expression) (identifier) (scoped_identifier)] @key @match))
  (#resolves-to? @callee "*hmac::Key::new" "*UnboundKey::new" "hmac::Key::new" "aead::UnboundKey::new" "UnboundKey::new")
  (#constant? @key)
  (#not-test? @key))

; openssl: symm::encrypt(Cipher::aes_256_cbc(), b"key", Some(iv), data), Crypter::new(cipher, mode, b"key", iv)
((call_expression
  function: [(identifier) (scoped_identifier)] @callee
  arguments: (arguments . (_) . [(string_literal) (raw_string_literal)] @key @secret @match))
  (#resolves-to? @callee "openssl::symm::encrypt" "openssl::symm::decrypt" "symm::encrypt" "symm::decrypt")
  (#not-test? @key))
