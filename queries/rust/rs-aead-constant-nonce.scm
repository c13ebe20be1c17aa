; An AEAD encryption whose nonce is constant data: a literal (`Nonce::from_slice(b"unique nonce")`,
; `&[0u8; 12]`, `Nonce::default()`), a `const`/`static`, or a name bound only to those in the same
; function. A nonce filled by `OsRng.fill_bytes(&mut nonce)` or made by `generate_nonce` is not
; constant. Only files that use an AEAD crate are checked, so `encrypt(key, data)` of other APIs
; is not mistaken for a nonce. Nonce-misuse-resistant SIV modes are skipped.

; cipher.encrypt(nonce, ..), encrypt_in_place(nonce, ..), encrypt_in_place_detached(nonce, ..)
((call_expression
  function: (field_expression field: (field_identifier) @method)
  arguments: (arguments . (_) @nonce)) @match
  (#any-of? @method "encrypt" "encrypt_in_place" "encrypt_in_place_detached" "encrypt_to_vec" "seal")
  (#constant? @nonce)
  (#file-mentions? "aes_gcm|chacha20poly1305|aead|Aes(128|192|256)Gcm|ChaCha20Poly1305|XChaCha|crypto_box|xsalsa20poly1305|ascon_aead|aes_siv|deoxys|eax::|ccm::|ocb3")
  (#no-file-mentions? "GcmSiv|Aes(128|256)Siv|SivAead|aes_gcm_siv|aes_siv")
  (#not-test? @match))

; ring: Nonce::assume_unique_for_key(<constant>) / try_assume_unique_for_key(&[0; 12])
((call_expression
  function: (scoped_identifier) @method
  arguments: (arguments . (_) @nonce)) @match
  (#resolves-to? @method "*Nonce::assume_unique_for_key" "*Nonce::try_assume_unique_for_key")
  (#constant? @nonce)
  (#not-test? @match))

; openssl: symm::encrypt_aead(cipher, key, Some(<constant iv>), aad, data, &mut tag)
((call_expression
  function: [(identifier) (scoped_identifier)] @method
  arguments: (arguments . (_) . (_) . (call_expression function: (identifier) @some arguments: (arguments . (_) @nonce .)))) @match
  (#resolves-to? @method "openssl::symm::encrypt_aead" "symm::encrypt_aead" "encrypt_aead")
  (#eq? @some "Some")
  (#constant? @nonce)
  (#not-test? @match))
