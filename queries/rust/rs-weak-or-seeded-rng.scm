; Non-cryptographic or predictably seeded random generators producing secrets. A generator counts
; as producing a secret when the enclosing function is named like one (generate_token,
; new_session, make_api_key, random_password, ...) or binds a secret-like name with `let`
; (`let token`, `let api_key`, `let nonce`, ...). `thread_rng()`, `OsRng` and `rand::random()`
; are cryptographically secure and never flagged; seeded generators in tests and simulations
; (no secret-like names) are not flagged either.

; weak generator type, secret context by fn
((call_expression
  function: (scoped_identifier path: (_) @rng name: (identifier) @ctor)) @match
  (#match? @rng "(^|::)(SmallRng|Xoshiro\\w+|Xoroshiro\\w+|XorShiftRng|Pcg\\w*|Lcg\\w+|Mcg\\w+|WyRand|Rand32|Rand64|StepRng|SplitMix64|IsaacRng|Isaac64Rng|Hc128Rng)(<.*>)?$")
  (#in-function? @match "(?i)(^|_)(tokens?|secrets?|nonces?|passwords?|passwd|passphrase|salts?|otp|totp|hotp|csrf|xsrf|session_?ids?|sessions?|api_?keys?|keys?|keypair|iv|credentials?|invite_?codes?|reset_?codes?|verification_?codes?|auth_?codes?|code_?verifier|pkce|pin|mnemonic|cookie|jwt)(_|$)")
  (#not-test? @match))

; CSPRNG seeded with a 64-bit number, secret context by fn
((call_expression
  function: (scoped_identifier path: (_) @rng name: (identifier) @ctor)) @match
  (#eq? @ctor "seed_from_u64")
  (#in-function? @match "(?i)(^|_)(tokens?|secrets?|nonces?|passwords?|passwd|passphrase|salts?|otp|totp|hotp|csrf|xsrf|session_?ids?|sessions?|api_?keys?|keys?|keypair|iv|credentials?|invite_?codes?|reset_?codes?|verification_?codes?|auth_?codes?|code_?verifier|pkce|pin|mnemonic|cookie|jwt)(_|$)")
  (#not-test? @match))

; from_seed(<constant>), secret context by fn
((call_expression
  function: (scoped_identifier path: (_) @rng name: (identifier) @ctor)
  arguments: (arguments . (_) @seed .)) @match
  (#eq? @ctor "from_seed")
  (#constant? @seed)
  (#in-function? @match "(?i)(^|_)(tokens?|secrets?|nonces?|passwords?|passwd|passphrase|salts?|otp|totp|hotp|csrf|xsrf|session_?ids?|sessions?|api_?keys?|keys?|keypair|iv|credentials?|invite_?codes?|reset_?codes?|verification_?codes?|auth_?codes?|code_?verifier|pkce|pin|mnemonic|cookie|jwt)(_|$)")
  (#not-test? @match))

; fastrand / nanorand / oorandom, secret context by fn
((call_expression
  function: [(scoped_identifier) (identifier)] @rng) @match
  (#resolves-to? @rng "fastrand::*" "nanorand::*" "oorandom::*" "turborand::*")
  (#in-function? @match "(?i)(^|_)(tokens?|secrets?|nonces?|passwords?|passwd|passphrase|salts?|otp|totp|hotp|csrf|xsrf|session_?ids?|sessions?|api_?keys?|keys?|keypair|iv|credentials?|invite_?codes?|reset_?codes?|verification_?codes?|auth_?codes?|code_?verifier|pkce|pin|mnemonic|cookie|jwt)(_|$)")
  (#not-test? @match))

; weak generator type, secret context by let
((call_expression
  function: (scoped_identifier path: (_) @rng name: (identifier) @ctor)) @match
  (#match? @rng "(^|::)(SmallRng|Xoshiro\\w+|Xoroshiro\\w+|XorShiftRng|Pcg\\w*|Lcg\\w+|Mcg\\w+|WyRand|Rand32|Rand64|StepRng|SplitMix64|IsaacRng|Isaac64Rng|Hc128Rng)(<.*>)?$")
  (#scope-mentions? @match "let\\s+(mut\\s+)?([a-z0-9_]*_)?(token|secret|nonce|password|passwd|passphrase|salt|otp|csrf|xsrf|session_id|sid|api_key|apikey|secret_key|private_key|signing_key|encryption_key|enc_key|aes_key|hmac_key|master_key|session_key|access_key|auth_key|jwt_key|iv|invite_code|reset_code|verification_code|auth_code|pin|cookie)s?(_(bytes|str|string|hex|b64|base64|value|raw))?\\s*[:=]")
  (#not-test? @match))

; CSPRNG seeded with a 64-bit number, secret context by let
((call_expression
  function: (scoped_identifier path: (_) @rng name: (identifier) @ctor)) @match
  (#eq? @ctor "seed_from_u64")
  (#scope-mentions? @match "let\\s+(mut\\s+)?([a-z0-9_]*_)?(token|secret|nonce|password|passwd|passphrase|salt|otp|csrf|xsrf|session_id|sid|api_key|apikey|secret_key|private_key|signing_key|encryption_key|enc_key|aes_key|hmac_key|master_key|session_key|access_key|auth_key|jwt_key|iv|invite_code|reset_code|verification_code|auth_code|pin|cookie)s?(_(bytes|str|string|hex|b64|base64|value|raw))?\\s*[:=]")
  (#not-test? @match))

; from_seed(<constant>), secret context by let
((call_expression
  function: (scoped_identifier path: (_) @rng name: (identifier) @ctor)
  arguments: (arguments . (_) @seed .)) @match
  (#eq? @ctor "from_seed")
  (#constant? @seed)
  (#scope-mentions? @match "let\\s+(mut\\s+)?([a-z0-9_]*_)?(token|secret|nonce|password|passwd|passphrase|salt|otp|csrf|xsrf|session_id|sid|api_key|apikey|secret_key|private_key|signing_key|encryption_key|enc_key|aes_key|hmac_key|master_key|session_key|access_key|auth_key|jwt_key|iv|invite_code|reset_code|verification_code|auth_code|pin|cookie)s?(_(bytes|str|string|hex|b64|base64|value|raw))?\\s*[:=]")
  (#not-test? @match))

; fastrand / nanorand / oorandom, secret context by let
((call_expression
  function: [(scoped_identifier) (identifier)] @rng) @match
  (#resolves-to? @rng "fastrand::*" "nanorand::*" "oorandom::*" "turborand::*")
  (#scope-mentions? @match "let\\s+(mut\\s+)?([a-z0-9_]*_)?(token|secret|nonce|password|passwd|passphrase|salt|otp|csrf|xsrf|session_id|sid|api_key|apikey|secret_key|private_key|signing_key|encryption_key|enc_key|aes_key|hmac_key|master_key|session_key|access_key|auth_key|jwt_key|iv|invite_code|reset_code|verification_code|auth_code|pin|cookie)s?(_(bytes|str|string|hex|b64|base64|value|raw))?\\s*[:=]")
  (#not-test? @match))

; fastrand::alphanumeric passed as a generator function, secret context by fn
((arguments (scoped_identifier) @match)
  (#resolves-to? @match "fastrand::*" "nanorand::*" "oorandom::*" "turborand::*")
  (#in-function? @match "(?i)(^|_)(tokens?|secrets?|nonces?|passwords?|passwd|passphrase|salts?|otp|totp|hotp|csrf|xsrf|session_?ids?|sessions?|api_?keys?|keys?|keypair|iv|credentials?|invite_?codes?|reset_?codes?|verification_?codes?|auth_?codes?|code_?verifier|pkce|pin|mnemonic|cookie|jwt)(_|$)")
  (#not-test? @match))

; fastrand::alphanumeric passed as a generator function, secret context by let
((arguments (scoped_identifier) @match)
  (#resolves-to? @match "fastrand::*" "nanorand::*" "oorandom::*" "turborand::*")
  (#scope-mentions? @match "let\\s+(mut\\s+)?([a-z0-9_]*_)?(token|secret|nonce|password|passwd|passphrase|salt|otp|csrf|xsrf|session_id|sid|api_key|apikey|secret_key|private_key|signing_key|encryption_key|enc_key|aes_key|hmac_key|master_key|session_key|access_key|auth_key|jwt_key|iv|invite_code|reset_code|verification_code|auth_code|pin|cookie)s?(_(bytes|str|string|hex|b64|base64|value|raw))?\\s*[:=]")
  (#not-test? @match))
