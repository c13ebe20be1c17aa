; random.seed / numpy.random.seed with a constant or clock-derived seed, in a file that also
; builds tokens, passwords, OTPs, keys, salts or nonces with `random`. Seeding for reproducible
; experiments, simulations and ML (no secrets generated in the file, or a file that imports an ML
; framework) is not reported.
((call
  function: (_) @callee
  arguments: (argument_list . (_) @seed)) @match
  (#resolves-to? @callee "random.seed" "numpy.random.seed")
  (#constant? @seed)
  (#file-mentions? "(?i)(token|password|passwd|pwd|secret|otp|nonce|salt|api_?key|session_?id|csrf|verification_?code|reset_?code|auth_?code)\\w*\\s*(\\+?=|:)[^\\n]*\\brandom\\.(choice|choices|randint|getrandbits|sample|randrange|random|randbytes|shuffle)\\(|def \\w*(generate|gen|make|create|new|random|rand|issue|build)_?\\w*(token|password|passwd|secret|otp|nonce|salt|api_?key|session_?id|csrf|code|pin)(_\\w*)?\\([^\\n]*\\n([^\\n]*\\n){0,15}?[^\\n]*\\brandom\\.(choice|choices|randint|getrandbits|sample|randrange|random|randbytes|shuffle)\\(")
  (#no-file-mentions? "(?im)^\\s*(import|from) (torch|tensorflow|keras|jax|sklearn|transformers)\\b|vocab|logits|tokeniz")
  (#not-test? @match))

((call
  function: (_) @callee
  arguments: (argument_list . (_) @seed)) @match
  (#resolves-to? @callee "random.seed" "numpy.random.seed")
  (#match? @seed "^(int\\()?\\s*(time\\.time(_ns)?\\(\\)|time\\(\\)|datetime(\\.datetime)?\\.now\\(\\)[^,]*|os\\.getpid\\(\\))")
  (#file-mentions? "(?i)(token|password|passwd|pwd|secret|otp|nonce|salt|api_?key|session_?id|csrf|verification_?code|reset_?code|auth_?code)\\w*\\s*(\\+?=|:)[^\\n]*\\brandom\\.(choice|choices|randint|getrandbits|sample|randrange|random|randbytes|shuffle)\\(|def \\w*(generate|gen|make|create|new|random|rand|issue|build)_?\\w*(token|password|passwd|secret|otp|nonce|salt|api_?key|session_?id|csrf|code|pin)(_\\w*)?\\([^\\n]*\\n([^\\n]*\\n){0,15}?[^\\n]*\\brandom\\.(choice|choices|randint|getrandbits|sample|randrange|random|randbytes|shuffle)\\(")
  (#no-file-mentions? "(?im)^\\s*(import|from) (torch|tensorflow|keras|jax|sklearn|transformers)\\b|vocab|logits|tokeniz")
  (#not-test? @match))
