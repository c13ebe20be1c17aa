; Broken or obsolete ciphers (DES, 3DES, RC4, RC2, Blowfish, CAST5, IDEA) and the ECB mode.

; RustCrypto crates: Des::new(..), TdesEde3::new_from_slice(..), Rc4::new(..),
; Blowfish::new_from_slice(..), ecb::Encryptor::<Aes128>::new(..)
((call_expression
  function: [(scoped_identifier) (generic_function)] @callee) @match
  (#resolves-to? @callee "des::*" "rc4::*" "blowfish::*" "cast5::*" "idea::*" "rc2::*" "ecb::*" "block_modes::Ecb*" "Des::*" "*::Des::*" "TdesEde2::*" "TdesEde3::*" "TdesEee2::*" "TdesEee3::*" "*::TdesEde*" "Rc4::*" "*::Rc4::*" "Blowfish::*" "*::Blowfish::*" "Cast5::*" "Idea::*" "Rc2::*")
  (#not-test? @match))

; type Aes128Ecb = Ecb<Aes128, Pkcs7>; (block-modes) and ecb::Encryptor<Aes256> as a type
((generic_type type: [(type_identifier) (scoped_type_identifier)] @callee) @match
  (#resolves-to? @callee "ecb::Encryptor" "ecb::Decryptor" "block_modes::Ecb" "block_modes::ecb::Ecb" "Ecb")
  (#not-test? @match))

; openssl: Cipher::des_cbc(), Cipher::des_ede3_cbc(), Cipher::rc4(), Cipher::bf_cbc(),
; Cipher::aes_128_ecb(); also symm::Cipher::... and Nid-free forms.
((call_expression
  function: (scoped_identifier path: (_) @type name: (identifier) @callee)) @match
  (#match? @type "(^|::)Cipher$")
  (#match? @callee "^(des_\\w+|rc4|rc2_\\w+|bf_\\w+|cast5_\\w+|idea_\\w+|seed_\\w+|aes_(128|192|256)_ecb|sm4_ecb|camellia_(128|192|256)_ecb|des)$")
  (#not-test? @match))
