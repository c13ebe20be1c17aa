; RSA, DSA and DH keys or parameters below 2048 bits, and curves below 224 bits.

; cryptography: rsa/dsa.generate_private_key(key_size=1024), dh.generate_parameters(2, 1024)
((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @size))) @match
  (#eq? @kw "key_size")
  (#resolves-to? @callee "cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key" "cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key" "cryptography.hazmat.primitives.asymmetric.dsa.generate_parameters" "cryptography.hazmat.primitives.asymmetric.dh.generate_parameters")
  (#number-below? @size "2048"))

((call
  function: (_) @callee
  arguments: (argument_list . (_) . (integer) @size)) @match
  (#resolves-to? @callee "cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key" "cryptography.hazmat.primitives.asymmetric.dh.generate_parameters")
  (#number-below? @size "2048"))

((call
  function: (_) @callee
  arguments: (argument_list . (integer) @size)) @match
  (#resolves-to? @callee "cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key" "cryptography.hazmat.primitives.asymmetric.dsa.generate_parameters")
  (#number-below? @size "2048"))

; PyCryptodome RSA.generate(1024) / DSA.generate(1024) / ElGamal; python-rsa rsa.newkeys(512);
; M2Crypto RSA.gen_key(1024, e)
((call
  function: (_) @callee
  arguments: (argument_list . (integer) @size)) @match
  (#resolves-to? @callee "Crypto.PublicKey.RSA.generate" "Crypto.PublicKey.DSA.generate" "Crypto.PublicKey.ElGamal.generate" "Cryptodome.PublicKey.RSA.generate" "Cryptodome.PublicKey.DSA.generate" "Cryptodome.PublicKey.ElGamal.generate" "rsa.newkeys" "M2Crypto.RSA.gen_key")
  (#number-below? @size "2048"))

((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @size))) @match
  (#any-of? @kw "bits" "nbits")
  (#resolves-to? @callee "Crypto.PublicKey.RSA.generate" "Crypto.PublicKey.DSA.generate" "Crypto.PublicKey.ElGamal.generate" "Cryptodome.PublicKey.RSA.generate" "Cryptodome.PublicKey.DSA.generate" "Cryptodome.PublicKey.ElGamal.generate" "rsa.newkeys")
  (#number-below? @size "2048"))

; pyOpenSSL: key.generate_key(crypto.TYPE_RSA, 1024)
((call
  function: (attribute attribute: (identifier) @callee)
  arguments: (argument_list . (_) @kind . (integer) @size)) @match
  (#eq? @callee "generate_key")
  (#match? @kind "TYPE_(RSA|DSA)$")
  (#number-below? @size "2048"))

; Weak elliptic curves: P-192 and the 163-bit binary curves.
((call function: (_) @callee @size) @match
  (#resolves-to? @callee "cryptography.hazmat.primitives.asymmetric.ec.SECP192R1" "cryptography.hazmat.primitives.asymmetric.ec.SECT163K1" "cryptography.hazmat.primitives.asymmetric.ec.SECT163R2"))

((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (string) @size))) @match
  (#eq? @kw "curve")
  (#resolves-to? @callee "Crypto.PublicKey.ECC.generate" "Cryptodome.PublicKey.ECC.generate")
  (#match? @size "^[\"'](?i:p-?192|secp192r1|prime192v1|nistp192)[\"']$"))
