; CBC/CTR/CFB/OFB encryption in a file that computes no MAC (no HMAC, CMAC or Poly1305 anywhere):
; the ciphertext can be modified undetected, and CBC decryption becomes a padding oracle.
; ECB is py-weak-cipher-mode; AES-GCM, ChaCha20-Poly1305, EAX, CCM, SIV and Fernet are fine.
((call function: (_) @callee) @match
  (#resolves-to? @callee "cryptography.hazmat.*modes.CBC" "cryptography.hazmat.*modes.CTR" "cryptography.hazmat.*modes.CFB" "cryptography.hazmat.*modes.CFB8" "cryptography.hazmat.*modes.OFB")
  (#no-file-mentions? "(?i)hmac|cmac|poly1305|\\bmac\\b")
  (#not-test? @match))

(call
  function: (_) @callee
  arguments: (argument_list
    [(attribute attribute: (identifier) @mode)
     (keyword_argument value: (attribute attribute: (identifier) @mode))] @match)
  (#any-of? @mode "MODE_CBC" "MODE_CTR" "MODE_CFB" "MODE_OFB" "MODE_OPENPGP")
  (#resolves-to? @callee "Crypto.Cipher.*.new" "Cryptodome.Cipher.*.new")
  (#no-file-mentions? "(?i)hmac|cmac|poly1305|\\bmac\\b")
  (#not-test? @match))
