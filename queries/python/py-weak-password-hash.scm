; A fast general-purpose hash (MD5, SHA-1, SHA-2, SHA-3, BLAKE2) applied to a password.
; Not reported: hashlib.pbkdf2_hmac/scrypt, bcrypt, argon2, passlib (other callees);
; usedforsecurity=False; test code; the Have I Been Pwned range API, which needs SHA-1.

; The hashed value names a password: hashlib.sha256(password.encode()), md5(salt + pwd).
((call
  function: (_) @callee
  arguments: (argument_list . (_) @arg)) @match
  (#resolves-to? @callee "hashlib.md5" "hashlib.sha1" "hashlib.sha224" "hashlib.sha256" "hashlib.sha384" "hashlib.sha512" "hashlib.sha3_*" "hashlib.blake2b" "hashlib.blake2s" "Crypto.Hash.MD5.new" "Crypto.Hash.SHA*.new" "Cryptodome.Hash.MD5.new" "Cryptodome.Hash.SHA*.new")
  (#match? @arg "(?i)passw|passphrase|(^|[^a-z])(pwd|pw)([^a-z]|$)")
  (#not-match? @arg "(?i)token|hash|digest")
  (#not-constant? @arg)
  (#no-kwarg? @match "usedforsecurity" "False")
  (#no-scope-mentions? @match "(?i)pwnedpasswords|haveibeenpwned")
  (#not-test? @match))

; hashlib.new("md5", password)
((call
  function: (_) @callee
  arguments: (argument_list . (string) @algorithm . (_) @arg)) @match
  (#resolves-to? @callee "hashlib.new")
  (#match? @algorithm "(?i)md5|sha|blake")
  (#match? @arg "(?i)passw|passphrase|(^|[^a-z])(pwd|pw)([^a-z]|$)")
  (#not-match? @arg "(?i)token|hash|digest")
  (#not-constant? @arg)
  (#no-kwarg? @match "usedforsecurity" "False")
  (#not-test? @match))

; Inside a function that hashes or checks passwords: def hash_password(raw): ...
((call
  function: (_) @callee
  arguments: (argument_list) @args) @match
  (#resolves-to? @callee "hashlib.md5" "hashlib.sha1" "hashlib.sha224" "hashlib.sha256" "hashlib.sha384" "hashlib.sha512" "hashlib.sha3_*" "hashlib.blake2b" "hashlib.blake2s" "hashlib.new" "Crypto.Hash.MD5.new" "Crypto.Hash.SHA*.new" "Cryptodome.Hash.MD5.new" "Cryptodome.Hash.SHA*.new")
  (#in-function? @match "(?i)(hash|encrypt|encode|digest|set|make|create|store|save|check|verify|validate|compare|match)_?(user_?)?(password|passwd|pwd|pw|passphrase)|(password|passwd|pwd|passphrase)_?(hash|digest|matches|valid|check|verify|compare)")
  (#not-match? @args "(?i)token|urandom")
  (#no-kwarg? @match "usedforsecurity" "False")
  (#no-scope-mentions? @match "(?i)pwnedpasswords|haveibeenpwned")
  (#not-test? @match))

; The digest is stored under a password name: user.password_hash = hashlib.md5(raw).hexdigest()
((call
  function: (_) @callee
  arguments: (argument_list) @args) @match
  (#resolves-to? @callee "hashlib.md5" "hashlib.sha1" "hashlib.sha224" "hashlib.sha256" "hashlib.sha384" "hashlib.sha512" "hashlib.sha3_*" "hashlib.blake2b" "hashlib.blake2s" "hashlib.new" "Crypto.Hash.MD5.new" "Crypto.Hash.SHA*.new" "Cryptodome.Hash.MD5.new" "Cryptodome.Hash.SHA*.new")
  (#assigned-to? @match "(?i)passw|passphrase|(^|[^a-z])(pwd|pw)([^a-z]|$)")
  (#not-assigned-to? @match "(?i)token|reset|cache")
  (#not-match? @args "(?i)token|urandom")
  (#no-kwarg? @match "usedforsecurity" "False")
  (#no-scope-mentions? @match "(?i)pwnedpasswords|haveibeenpwned")
  (#not-test? @match))

; h = hashlib.sha256(); h.update(password.encode())
((call
  function: (attribute attribute: (identifier) @method) @callee
  arguments: (argument_list . [(identifier) (attribute) (call) (binary_operator) (subscript)] @arg .)) @match
  (#eq? @method "update")
  (#match? @arg "(?i)passw|passphrase|(^|[^a-z])(pwd|pw)([^a-z]|$)")
  (#not-match? @arg "(?i)token|hash|digest")
  (#not-constant? @arg)
  (#scope-mentions? @match "hashlib\\.(md5|sha1|sha224|sha256|sha384|sha512|sha3_\\w+|blake2[bs]|new)\\(|\\b(md5|sha1|sha256|sha512)\\(|(MD5|SHA1|SHA256|SHA512)\\.new\\(|hashes\\.Hash\\(")
  (#no-scope-mentions? @match "(?i)pwnedpasswords|haveibeenpwned|hmac\\.new|pbkdf2|scrypt")
  (#not-test? @match))
