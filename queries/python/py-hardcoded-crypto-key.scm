; A cryptographic key that is constant data: a literal, `b"\x00" * 16`, or a name bound only to
; constants, passed as the key of a cipher, AEAD, Fernet, HMAC, JWT or itsdangerous signer.
; Whatever its entropy: a key in the code is known to everyone who has the code. A literal
; argument is also captured as @secret, so every output masks it. Test code is not reported.

; PyCryptodome: AES.new(b"0123456789abcdef", AES.MODE_GCM), DES3.new(key=...), ChaCha20.new(key=...)
((call
  function: (_) @callee
  arguments: (argument_list . (string) @key @secret @match))
  (#resolves-to? @callee "Crypto.Cipher.*.new" "Cryptodome.Cipher.*.new" "Crypto.Hash.HMAC.new" "Cryptodome.Hash.HMAC.new")
  (#not-test? @key))

((call
  function: (_) @callee
  arguments: (argument_list . [(identifier) (binary_operator) (call)] @key @match))
  (#resolves-to? @callee "Crypto.Cipher.*.new" "Cryptodome.Cipher.*.new" "Crypto.Hash.HMAC.new" "Cryptodome.Hash.HMAC.new")
  (#constant? @key)
  (#not-test? @key))

((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @key @match)))
  (#any-of? @kw "key" "secret")
  (#resolves-to? @callee "Crypto.Cipher.*.new" "Cryptodome.Cipher.*.new" "Crypto.Hash.HMAC.new" "Cryptodome.Hash.HMAC.new")
  (#constant? @key)
  (#not-match? @key "^None$")
  (#not-test? @key))

; cryptography: algorithms.AES(key), AESGCM(key), ChaCha20Poly1305(key), Fernet(key), hmac.HMAC(key, ...)
((call
  function: (_) @callee
  arguments: (argument_list . (string) @key @secret @match))
  (#resolves-to? @callee "cryptography.hazmat.primitives.ciphers.algorithms.AES" "cryptography.hazmat.primitives.ciphers.algorithms.AES128" "cryptography.hazmat.primitives.ciphers.algorithms.AES256" "cryptography.hazmat.primitives.ciphers.algorithms.ChaCha20" "cryptography.hazmat.primitives.ciphers.algorithms.Camellia" "cryptography.hazmat.primitives.ciphers.algorithms.TripleDES" "cryptography.hazmat.primitives.ciphers.algorithms.SM4" "cryptography.hazmat.primitives.ciphers.algorithms.Blowfish" "cryptography.hazmat.primitives.ciphers.algorithms.CAST5" "cryptography.hazmat.primitives.ciphers.algorithms.ARC4" "cryptography.hazmat.primitives.ciphers.algorithms.IDEA" "cryptography.hazmat.primitives.ciphers.algorithms.SEED" "cryptography.hazmat.primitives.ciphers.aead.AESGCM" "cryptography.hazmat.primitives.ciphers.aead.AESCCM" "cryptography.hazmat.primitives.ciphers.aead.AESOCB3" "cryptography.hazmat.primitives.ciphers.aead.AESSIV" "cryptography.hazmat.primitives.ciphers.aead.AESGCMSIV" "cryptography.hazmat.primitives.ciphers.aead.ChaCha20Poly1305" "cryptography.fernet.Fernet" "cryptography.hazmat.primitives.hmac.HMAC" "cryptography.hazmat.primitives.cmac.CMAC")
  (#not-test? @key))

((call
  function: (_) @callee
  arguments: (argument_list . [(identifier) (binary_operator) (call)] @key @match))
  (#resolves-to? @callee "cryptography.hazmat.primitives.ciphers.algorithms.AES" "cryptography.hazmat.primitives.ciphers.algorithms.AES128" "cryptography.hazmat.primitives.ciphers.algorithms.AES256" "cryptography.hazmat.primitives.ciphers.algorithms.ChaCha20" "cryptography.hazmat.primitives.ciphers.algorithms.Camellia" "cryptography.hazmat.primitives.ciphers.algorithms.TripleDES" "cryptography.hazmat.primitives.ciphers.algorithms.SM4" "cryptography.hazmat.primitives.ciphers.algorithms.Blowfish" "cryptography.hazmat.primitives.ciphers.algorithms.CAST5" "cryptography.hazmat.primitives.ciphers.algorithms.ARC4" "cryptography.hazmat.primitives.ciphers.algorithms.IDEA" "cryptography.hazmat.primitives.ciphers.algorithms.SEED" "cryptography.hazmat.primitives.ciphers.aead.AESGCM" "cryptography.hazmat.primitives.ciphers.aead.AESCCM" "cryptography.hazmat.primitives.ciphers.aead.AESOCB3" "cryptography.hazmat.primitives.ciphers.aead.AESSIV" "cryptography.hazmat.primitives.ciphers.aead.AESGCMSIV" "cryptography.hazmat.primitives.ciphers.aead.ChaCha20Poly1305" "cryptography.fernet.Fernet" "cryptography.hazmat.primitives.hmac.HMAC")
  (#constant? @key)
  (#not-test? @key))

; hmac.new(b"k", msg, hashlib.sha256), hmac.digest(b"k", msg, "sha256"), hmac.new(key=...)
((call
  function: (_) @callee
  arguments: (argument_list . (string) @key @secret @match))
  (#resolves-to? @callee "hmac.new" "hmac.digest" "hmac.HMAC")
  (#not-test? @key))

((call
  function: (_) @callee
  arguments: (argument_list . [(identifier) (binary_operator) (call)] @key @match))
  (#resolves-to? @callee "hmac.new" "hmac.digest" "hmac.HMAC")
  (#constant? @key)
  (#not-test? @key))

((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @key @match)))
  (#eq? @kw "key")
  (#resolves-to? @callee "hmac.new" "hmac.digest" "hmac.HMAC")
  (#constant? @key)
  (#not-test? @key))

; JWTs signed or verified with a literal secret: jwt.encode(payload, "secret", algorithm="HS256")
((call
  function: (_) @callee
  arguments: (argument_list . (_) . (string) @key @secret @match))
  (#resolves-to? @callee "jwt.encode" "jwt.decode" "jwt.api_jwt.encode" "jwt.api_jwt.decode" "jose.jwt.encode" "jose.jwt.decode" "jose.jws.sign" "jose.jws.verify" "authlib.jose.jwt.encode")
  (#not-test? @key))

((call
  function: (_) @callee
  arguments: (argument_list . (_) . [(identifier) (binary_operator)] @key @match))
  (#resolves-to? @callee "jwt.encode" "jwt.decode" "jwt.api_jwt.encode" "jwt.api_jwt.decode" "jose.jwt.encode" "jose.jwt.decode" "jose.jws.sign" "jose.jws.verify")
  (#constant? @key)
  (#not-test? @key))

((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @key @match)))
  (#eq? @kw "key")
  (#resolves-to? @callee "jwt.encode" "jwt.decode" "jwt.api_jwt.encode" "jwt.api_jwt.decode" "jose.jwt.encode" "jose.jwt.decode" "jose.jws.sign" "jose.jws.verify")
  (#constant? @key)
  (#not-match? @key "^None$")
  (#not-test? @key))

; itsdangerous signers: URLSafeTimedSerializer("secret"), TimestampSigner(b"secret")
((call
  function: (_) @callee
  arguments: (argument_list . (string) @key @secret @match))
  (#resolves-to? @callee "itsdangerous.*Serializer" "itsdangerous.*Signer")
  (#not-test? @key))
