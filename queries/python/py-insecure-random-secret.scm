; The `random` module (Mersenne Twister) or numpy.random builds a secret: the value is assigned
; to a token/password/OTP/key/nonce/salt/session-id name, or computed inside a function that
; generates one. random.choice(colors) in a game, secrets.*, random.SystemRandom() and
; os.urandom are not reported, nor are lengths and counts (password_length = random.randint(...)).

((call
  function: (_) @callee) @match
  (#resolves-to? @callee "random.choice" "random.choices" "random.randint" "random.random" "random.getrandbits" "random.sample" "random.randrange" "random.shuffle" "random.randbytes" "numpy.random.randint" "numpy.random.choice" "numpy.random.bytes" "numpy.random.random" "numpy.random.rand" "uuid.uuid1")
  (#assigned-to? @match "(?i)(^|[^a-z])(token|password|passwd|pwd|pw|passphrase|secret|otp|totp|hotp|nonce|salt|iv|api_?key|apikey|secret_?key|private_?key|signing_?key|encryption_?key|access_?key|auth_?key|session_?id|session_?key|sessionid|sid|csrf|xsrf|verification_?code|verify_?code|reset_?code|auth_?code|confirm(ation)?_?code|activation_?code|invite_?code|otp_?code|pin_?code|2fa_?code|mfa_?code|one_?time_?(code|password|pin))([^a-z]|$)")
  (#not-assigned-to? @match "(?i)(^|[^a-z])(len|length|size|count|num|n|max|min|idx|index|type|delay|timeout|interval|sleep|jitter|retries|retry|backoff|attempts?|prob|probability|rate|ratio|weight|temperature|seed|pos|position|offset|shape|dim|width|height|color|colour)([^a-z]|$)|token_?ids?|tokens")
  (#no-scope-mentions? @match "(?i)vocab|tokeniz|logits|boundary")
  (#not-test? @match))

((call
  function: (_) @callee) @match
  (#resolves-to? @callee "random.choice" "random.choices" "random.randint" "random.random" "random.getrandbits" "random.sample" "random.randrange" "random.shuffle" "random.randbytes" "numpy.random.randint" "numpy.random.choice" "numpy.random.bytes" "numpy.random.random" "numpy.random.rand" "uuid.uuid1")
  (#in-function? @match "(?i)(^|_)(token|password|passwd|pwd|passphrase|secret|otp|totp|hotp|nonce|salt|api_?key|apikey|secret_?key|private_?key|signing_?key|encryption_?key|session_?id|session_?key|sessionid|csrf|xsrf|verification_?code|reset_?code|auth_?code|confirmation_?code|activation_?code|invite_?code|one_?time_?(code|password|pin)|pin_?code|2fa_?code|mfa_?code)(_|$)")
  (#not-in-function? @match "(?i)sampl|next_token|predict|decod|mask|tokeniz")
  (#not-assigned-to? @match "(?i)(^|[^a-z])(len|length|size|count|num|n|max|min|idx|index|type|delay|timeout|interval|sleep|jitter|retries|retry|backoff|attempts?|prob|probability|rate|ratio|weight|temperature|seed|pos|position|offset|shape|dim|width|height|color|colour)([^a-z]|$)|token_?ids?|tokens")
  (#no-scope-mentions? @match "(?i)vocab|tokeniz|logits|boundary")
  (#not-test? @match))
