; MD5 / SHA-1 where the digest is a security decision: an HMAC with MD5, a signature over a SHA-1
; or MD5 hash, or a token, signature or MAC computed with MD5/SHA-1. HMAC-SHA1 is not reported
; (it is still sound and many protocols require it), nor are checksums, ETags, cache keys,
; usedforsecurity=False, or digests of os.urandom/secrets output.

; hmac.new(key, msg, hashlib.md5) / hmac.digest(key, msg, "md5") / HMAC.new(key, msg, MD5), except
; for CRAM-MD5, which SMTP/IMAP define that way.
((call
  function: (_) @callee
  arguments: (argument_list . (_) . (_) . (_) @algorithm)) @match
  (#resolves-to? @callee "hmac.new" "hmac.digest" "hmac.HMAC" "Crypto.Hash.HMAC.new" "Cryptodome.Hash.HMAC.new")
  (#match? @algorithm "^(hashlib\\.md5|md5|MD5|[\"'](?i:md5)[\"'])$")
  (#no-scope-mentions? @match "(?i)cram")
  (#not-test? @match))

((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @algorithm))) @match
  (#eq? @kw "digestmod")
  (#resolves-to? @callee "hmac.new" "hmac.digest" "hmac.HMAC" "Crypto.Hash.HMAC.new" "Cryptodome.Hash.HMAC.new")
  (#match? @algorithm "^(hashlib\\.md5|md5|MD5|[\"'](?i:md5)[\"'])$")
  (#no-scope-mentions? @match "(?i)cram")
  (#not-test? @match))

; private_key.sign(data, padding.PKCS1v15(), hashes.SHA1()); ec.ECDSA(hashes.MD5())
((call
  function: (attribute attribute: (identifier) @method) @callee
  arguments: (argument_list (_) @algorithm)) @match
  (#eq? @method "sign")
  (#created-by? @algorithm "cryptography.hazmat.primitives.hashes.SHA1" "cryptography.hazmat.primitives.hashes.MD5"))

((call
  function: (_) @callee
  arguments: (argument_list . (_) @algorithm)) @match
  (#resolves-to? @callee "cryptography.hazmat.primitives.asymmetric.ec.ECDSA")
  (#created-by? @algorithm "cryptography.hazmat.primitives.hashes.SHA1" "cryptography.hazmat.primitives.hashes.MD5"))

; PyCryptodome: pkcs1_15.new(key).sign(SHA1.new(data)), also through variables.
((call
  function: (attribute object: (_) @signer attribute: (identifier) @method) @callee
  arguments: (argument_list . (_) @algorithm)) @match
  (#eq? @method "sign")
  (#created-by? @signer "Crypto.Signature.*" "Cryptodome.Signature.*")
  (#created-by? @algorithm "Crypto.Hash.SHA1.new" "Crypto.Hash.SHA.new" "Crypto.Hash.MD5.new" "Cryptodome.Hash.SHA1.new" "Cryptodome.Hash.SHA.new" "Cryptodome.Hash.MD5.new"))

; MD5/SHA-1 computing a token, signature or MAC: in a function named for it ...
((call
  function: (_) @callee @algorithm
  arguments: (argument_list) @args) @match
  (#resolves-to? @callee "hashlib.md5" "hashlib.sha1" "Crypto.Hash.MD5.new" "Crypto.Hash.SHA1.new" "Crypto.Hash.SHA.new" "Cryptodome.Hash.MD5.new" "Cryptodome.Hash.SHA1.new")
  (#in-function? @match "(?i:(^|_)(sign|signed|signer|signing|signature|signatures|sig|token|csrf|xsrf|nonce|otp|totp|hotp|hmac|api_?key|apikey|secret|session_?id|session_?key|reset_?code|verification_?code)(_|$)|(^|_)mac$)|[a-z](Sign|Signature|Token|Csrf|Nonce|Otp|Hmac|ApiKey|Secret|SessionId)([A-Z_]|$)|^(sign|token|csrf|hmac)[A-Z]")
  (#not-in-function? @match "(?i)cache|etag|checksum|fingerprint|dedup|integrity|file_?hash")
  (#not-assigned-to? @match "(?i)cache|etag|checksum|fingerprint|file_?hash|bucket|shard|partition")
  (#not-match? @args "urandom|secrets\\.|token_bytes|token_hex|token_urlsafe|uuid4|SystemRandom|usedforsecurity\\s*=\\s*False")
  (#not-test? @match))

; ... or stored under such a name: signature = hashlib.md5(secret + body).hexdigest()
((call
  function: (_) @callee @algorithm
  arguments: (argument_list) @args) @match
  (#resolves-to? @callee "hashlib.md5" "hashlib.sha1" "Crypto.Hash.MD5.new" "Crypto.Hash.SHA1.new" "Crypto.Hash.SHA.new" "Cryptodome.Hash.MD5.new" "Cryptodome.Hash.SHA1.new")
  (#assigned-to? @match "(?i:(^|[_.\"'])(sign|signed|signature|sig|token|csrf|xsrf|csrf_token|nonce|otp|totp|hmac|api_?key|apikey|secret|session_?id|session_?key|reset_?code|verification_?code|auth_?token|access_?token|mac)([_\"']|$))|[a-z](Signature|Token|Csrf|Nonce|Otp|Hmac|ApiKey|Secret|SessionId)([A-Z_]|$)")
  (#not-assigned-to? @match "(?i)cache|etag|checksum|fingerprint|file_?hash|bucket|shard|partition|tokens")
  (#not-match? @args "urandom|secrets\\.|token_bytes|token_hex|token_urlsafe|uuid4|SystemRandom|usedforsecurity\\s*=\\s*False")
  (#not-test? @match))
