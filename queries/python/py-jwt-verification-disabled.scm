; JWT decoded without verifying the signature (PyJWT, python-jose).

; options={"verify_signature": False}, inline or through a variable; not reported when the same
; function decodes the token a second time or looks up a signing key (`kid`, JWKS): peeking at
; `iss`/`kid` to choose the key for the verified decode.
((pair
  key: (string) @key
  value: (false)) @match
  (#match? @key "^[\"']verify_signature[\"']$")
  (#no-scope-mentions? @match "(?s)decode\\(.*decode\\(")
  (#no-scope-mentions? @match "(?i)[\"']kid[\"']|jwks|signing_key")
  (#not-test? @match))

; PyJWT 1.x: jwt.decode(token, verify=False)
((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (false)) @match))
  (#eq? @kw "verify")
  (#resolves-to? @callee "jwt.decode" "jwt.api_jwt.decode" "jwt.PyJWT.decode" "jose.jwt.decode")
  (#no-scope-mentions? @match "(?s)decode\\(.*decode\\(")
  (#no-scope-mentions? @match "(?i)[\"']kid[\"']|jwks|signing_key")
  (#not-test? @match))

; algorithms=["none"], or algorithms taken from the token's own header.
((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @value) @match))
  (#eq? @kw "algorithms")
  (#match? @value "(?i)[\"']none[\"']|get_unverified_header|\\[\\s*[\"']alg[\"']\\s*\\]")
  (#resolves-to? @callee "jwt.decode" "jwt.api_jwt.decode" "jwt.PyJWT.decode" "jose.jwt.decode" "jose.jws.verify"))

; A key but no algorithms list: PyJWT 1.x and python-jose then accept whatever `alg` the token
; names (algorithm confusion). The third positional argument is `algorithms` in both.
((call
  function: (_) @callee
  arguments: (argument_list . (_) . [(identifier) (attribute) (call) (subscript) (string) (binary_operator)] .)) @match
  (#resolves-to? @callee "jwt.decode" "jose.jwt.decode")
  (#not-test? @match))

((call
  function: (_) @callee
  arguments: (argument_list . (_) . [(identifier) (attribute) (call) (subscript) (string) (binary_operator)] . (keyword_argument))) @match
  (#resolves-to? @callee "jwt.decode" "jose.jwt.decode")
  (#no-kwarg? @match "algorithms")
  (#no-kwarg? @match "options" "(?s).*verify_signature.*")
  (#no-kwarg? @match "verify" "False")
  (#not-test? @match))

((call
  function: (_) @callee
  arguments: (argument_list . (_) . (keyword_argument))) @match
  (#resolves-to? @callee "jwt.decode" "jose.jwt.decode")
  (#kwarg? @match "key")
  (#no-kwarg? @match "algorithms")
  (#no-kwarg? @match "options" "(?s).*verify_signature.*")
  (#no-kwarg? @match "verify" "False")
  (#not-test? @match))

; python-jose: claims read without verification, in a function that never verifies the token.
((call function: (_) @callee) @match
  (#resolves-to? @callee "jose.jwt.get_unverified_claims" "jose.jws.get_unverified_claims")
  (#no-scope-mentions? @match "\\.(decode|verify)\\(|(?i)[\"']kid[\"']|jwks|signing_key")
  (#not-test? @match))
