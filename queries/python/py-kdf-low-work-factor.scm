; Password hashing / key derivation with a work factor far below current guidance:
; PBKDF2 under 100,000 iterations, scrypt with n under 2**14, bcrypt under 10 rounds.

; hashlib.pbkdf2_hmac("sha256", pw, salt, 1000) / iterations=1000
((call
  function: (_) @callee
  arguments: (argument_list . (_) . (_) . (_) . (integer) @value)) @match
  (#resolves-to? @callee "hashlib.pbkdf2_hmac")
  (#number-below? @value "100000"))

((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (integer) @value))) @match
  (#any-of? @kw "iterations" "count" "rounds")
  (#resolves-to? @callee "hashlib.pbkdf2_hmac" "cryptography.hazmat.primitives.kdf.pbkdf2.PBKDF2HMAC" "Crypto.Protocol.KDF.PBKDF2" "Cryptodome.Protocol.KDF.PBKDF2" "passlib.hash.pbkdf2_sha*.using" "passlib.hash.pbkdf2_sha*.hash")
  (#number-below? @value "100000"))

; PyCryptodome PBKDF2(password, salt, dkLen, count): count defaults to 1000.
((call
  function: (_) @callee
  arguments: (argument_list . (_) . (_) . (integer) . (integer) @value)) @match
  (#resolves-to? @callee "Crypto.Protocol.KDF.PBKDF2" "Cryptodome.Protocol.KDF.PBKDF2")
  (#number-below? @value "100000"))

((call
  function: (_) @callee
  arguments: (argument_list . (_) . (_) @value .)) @match
  (#resolves-to? @callee "Crypto.Protocol.KDF.PBKDF2" "Cryptodome.Protocol.KDF.PBKDF2")
  (#no-kwarg? @match "count"))

((call
  function: (_) @callee
  arguments: (argument_list . (_) . (_) @value . (keyword_argument))) @match
  (#resolves-to? @callee "Crypto.Protocol.KDF.PBKDF2" "Cryptodome.Protocol.KDF.PBKDF2")
  (#no-kwarg? @match "count"))

((call
  function: (_) @callee
  arguments: (argument_list . (_) . (_) . (_) @value .)) @match
  (#resolves-to? @callee "Crypto.Protocol.KDF.PBKDF2" "Cryptodome.Protocol.KDF.PBKDF2")
  (#no-kwarg? @match "count"))

((call
  function: (_) @callee
  arguments: (argument_list . (_) . (_) . (_) @value . (keyword_argument))) @match
  (#resolves-to? @callee "Crypto.Protocol.KDF.PBKDF2" "Cryptodome.Protocol.KDF.PBKDF2")
  (#no-kwarg? @match "count"))

; scrypt with a small cost parameter n (hashlib, cryptography, PyCryptodome N)
((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (integer) @value))) @match
  (#any-of? @kw "n" "N")
  (#resolves-to? @callee "hashlib.scrypt" "cryptography.hazmat.primitives.kdf.scrypt.Scrypt" "Crypto.Protocol.KDF.scrypt" "Cryptodome.Protocol.KDF.scrypt")
  (#number-below? @value "16384"))

; bcrypt.gensalt(rounds=8) / gensalt(8)
((call
  function: (_) @callee
  arguments: (argument_list . [(integer) (keyword_argument name: (identifier) value: (integer))] @value)) @match
  (#resolves-to? @callee "bcrypt.gensalt")
  (#match? @value "^(rounds\\s*=\\s*)?\\d+$")
  (#number-below? @value "10"))
