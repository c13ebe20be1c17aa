; A fast digest (MD5, SHA-1, SHA-2/3, BLAKE) used on passwords: applied to a value named like a
; password, or anywhere in a function named like hash_password / verify_password. Functions that
; also use argon2, bcrypt, scrypt or pbkdf2 (which wrap these digests legitimately) are skipped.

; Sha256::digest(password), md5::compute(&password), Md5::new_with_prefix(pw), sha256::digest(pw)
((call_expression
  function: [(identifier) (scoped_identifier) (generic_function)] @callee
  arguments: (arguments (_) @value)) @match
  (#resolves-to? @callee "md5::compute" "md5::*" "sha1::*" "sha2::*" "sha3::*" "sha1_smol::*" "sha256::*" "blake2::*" "blake3::hash" "blake3::*" "*Md5::*" "*Md4::*" "*Sha1::*" "*Sha224::*" "*Sha256::*" "*Sha384::*" "*Sha512::*" "*Sha3_*" "*Keccak*" "*Blake2*" "*ring::digest::digest" "digest::digest" "openssl::sha::*" "openssl::hash::hash" "crypto::md5::*" "crypto::sha1::*" "crypto::sha2::*")
  (#not-resolves-to? @callee "*pbkdf2*" "*hmac*" "*Hmac*")
  (#match? @value "(?i)(^|[^a-z])(pass(word|wd|phrase)?|pwd|pw)([^a-z]|$)")
  (#not-match? @value "(?i)token|reset|bypass")
  (#no-scope-mentions? @value "(?i)argon2|bcrypt|scrypt|pbkdf2|pwned")
  (#not-test? @value))

; hasher.update(password) / .chain_update(password) in a function that creates a fast digest.
((call_expression
  function: (field_expression field: (field_identifier) @callee)
  arguments: (arguments . (_) @value)) @match
  (#any-of? @callee "update" "chain_update" "chain" "input" "input_str")
  (#match? @value "(?i)(^|[^a-z])(pass(word|wd|phrase)?|pwd|pw)([^a-z]|$)")
  (#not-match? @value "(?i)token|reset|bypass")
  (#not-in-function? @value "(?i)(hash|verify|check|compare|store|encrypt|digest|validate|set|update|save|create)_?(user_?)?(pass(word|wd)?|pwd|pw|credentials?)(_|$)|(^|_)(pass(word|wd)?|pwd)_?(hash|digest|verify|check|matches|encrypt)")
  (#scope-mentions? @value "Md5|md5::|Sha1|Sha224|Sha256|Sha384|Sha512|Sha3_|Keccak|Blake2|blake3|MessageDigest::|Hasher::new|Context::new\\(&")
  (#no-scope-mentions? @value "(?i)argon2|bcrypt|scrypt|pbkdf2|pwned|\\bhmac|Mac::")
  (#not-test? @value))

; Any fast digest constructor or one-shot call inside a password-hashing function.
((call_expression
  function: [(scoped_identifier) (generic_function)] @callee) @match
  (#resolves-to? @callee "md5::compute" "*Md5::new*" "*Md5::digest" "*Md4::new" "*Sha1::new*" "*Sha1::digest" "*Sha1::from" "*Sha224::new*" "*Sha224::digest" "*Sha256::new*" "*Sha256::digest" "*Sha384::new*" "*Sha384::digest" "*Sha512::new*" "*Sha512::digest" "*Sha3_*::new*" "*Sha3_*::digest" "*Keccak*::new*" "*Keccak*::digest" "*Blake2*::new*" "*Blake2*::digest" "blake3::hash" "*blake3::Hasher::new" "sha256::digest" "*MessageDigest::md5" "*MessageDigest::sha1" "*MessageDigest::sha256" "*MessageDigest::sha512" "*MessageDigest::sha3_*")
  (#in-function? @callee "(?i)(hash|verify|check|compare|store|encrypt|digest|validate|set|update|save|create)_?(user_?)?(pass(word|wd)?|pwd|pw|credentials?)(_|$)|(^|_)(pass(word|wd)?|pwd)_?(hash|digest|verify|check|matches|encrypt)")
  (#no-scope-mentions? @callee "(?i)argon2|bcrypt|scrypt|pbkdf2|pwned")
  (#not-test? @callee))
