; `==` / `!=` on a MAC, signature, API key, secret or security token. Literal sides
; (`token == ""`, `token_type == "bearer"`), `is None`, lengths, lexer tokens (`token.type`),
; function signatures (`inspect.signature`) and checksums of files are not reported.

; The left side is an HMAC computed here or bound to one (expected = hmac.new(...).hexdigest()).
((comparison_operator
  [(identifier) (attribute) (subscript) (call) (binary_operator)] @left
  ["==" "!="] @op
  [(identifier) (attribute) (subscript) (call) (binary_operator)] @right) @match
  (#created-by? @left "hmac.new*" "hmac.digest*" "hmac.HMAC*" "Crypto.Hash.HMAC.new*" "Cryptodome.Hash.HMAC.new*")
  (#not-match? @right "^(len|type|int|float|bool|isinstance|hash|id)\\(|inspect\\.|signal\\.|typing\\.|__signature__|\\.(algorithm|alg|type|kind|name|version|method|format|scheme|size|length)$")
  (#not-in-function? @match "__eq__|__ne__|__hash__|equals|_eq$")
  (#not-match? @left "^(other|that|rhs)\\.")
  (#not-match? @right "^(other|that|rhs)\\.")
  (#not-test? @match))

; The right side is an HMAC computed here or bound to one (expected = hmac.new(...).hexdigest()).
((comparison_operator
  [(identifier) (attribute) (subscript) (call) (binary_operator)] @left
  ["==" "!="] @op
  [(identifier) (attribute) (subscript) (call) (binary_operator)] @right) @match
  (#created-by? @right "hmac.new*" "hmac.digest*" "hmac.HMAC*" "Crypto.Hash.HMAC.new*" "Cryptodome.Hash.HMAC.new*")
  (#not-match? @left "^(len|type|int|float|bool|isinstance|hash|id)\\(|inspect\\.|signal\\.|typing\\.|__signature__|\\.(algorithm|alg|type|kind|name|version|method|format|scheme|size|length)$")
  (#not-in-function? @match "__eq__|__ne__|__hash__|equals|_eq$")
  (#not-match? @left "^(other|that|rhs)\\.")
  (#not-match? @right "^(other|that|rhs)\\.")
  (#not-test? @match))

; The left side is named as a secret: signature, api_key, settings.SECRET_TOKEN, headers["X-Signature"].
((comparison_operator
  [(identifier) (attribute) (subscript) (call) (binary_operator)] @left
  ["==" "!="] @op
  [(identifier) (attribute) (subscript) (call) (binary_operator)] @right) @match
  (#match? @left "(?i)(^|[^a-z])(signature|sig|hmac|(expected|computed|calculated|received|provided|given|message|auth)_mac|mac_tag|api_?key|apikey|x-api-key|secret|secret_?key|client_?secret|webhook_?secret|(access|auth|api|bearer|csrf|xsrf|reset|refresh|session|verification|verify|confirm|confirmation|invite|invitation|activation|magic|login|unsubscribe|webhook|signing|secret|id|share|download|upload|otp|mfa|stored|saved|db|provided|received|supplied|submitted|request|header|cookie|user|account)_?token|otp|totp|otp_?code|verification_?code|reset_?code|auth_?code|x-signature|x-hub-signature(-256)?|stripe-signature)(_?(header|value|hex|b64|bytes|param|provided|received|given|expected|computed|calculated))?($|[\\\"'-][^.]*$)")
  (#not-match? @left "^(len|type|int|bool|isinstance|str\\(len)\\(")
  (#not-match? @right "^(len|type|int|float|bool|isinstance|hash|id)\\(|inspect\\.|signal\\.|typing\\.|__signature__|\\.(algorithm|alg|type|kind|name|version|method|format|scheme|size|length)$")
  (#not-in-function? @match "__eq__|__ne__|__hash__|equals|_eq$")
  (#not-match? @left "^(other|that|rhs)\\.")
  (#not-match? @right "^(other|that|rhs)\\.")
  (#scope-mentions? @match "(?i)hmac|hashlib|digest\\(|\\brequest\\b|headers|environ|getenv|settings\\.|\\bjwt\\b|webhook|authoriz|authenticat|def \\w*(verify|check|valid|auth|login|reset|confirm|sign|token|otp|csrf|api_?key|secret)")
  (#not-created-by? @left "inspect.signature" "inspect.Signature*")
  (#not-match? @left "(?i)verify_signature|digital_signature|signature_(algorithm|version|method|type)")
  (#not-test? @match))

; The right side is named as a secret: signature, api_key, settings.SECRET_TOKEN, headers["X-Signature"].
((comparison_operator
  [(identifier) (attribute) (subscript) (call) (binary_operator)] @left
  ["==" "!="] @op
  [(identifier) (attribute) (subscript) (call) (binary_operator)] @right) @match
  (#match? @right "(?i)(^|[^a-z])(signature|sig|hmac|(expected|computed|calculated|received|provided|given|message|auth)_mac|mac_tag|api_?key|apikey|x-api-key|secret|secret_?key|client_?secret|webhook_?secret|(access|auth|api|bearer|csrf|xsrf|reset|refresh|session|verification|verify|confirm|confirmation|invite|invitation|activation|magic|login|unsubscribe|webhook|signing|secret|id|share|download|upload|otp|mfa|stored|saved|db|provided|received|supplied|submitted|request|header|cookie|user|account)_?token|otp|totp|otp_?code|verification_?code|reset_?code|auth_?code|x-signature|x-hub-signature(-256)?|stripe-signature)(_?(header|value|hex|b64|bytes|param|provided|received|given|expected|computed|calculated))?($|[\\\"'-][^.]*$)")
  (#not-match? @right "^(len|type|int|bool|isinstance|str\\(len)\\(")
  (#not-match? @left "^(len|type|int|float|bool|isinstance|hash|id)\\(|inspect\\.|signal\\.|typing\\.|__signature__|\\.(algorithm|alg|type|kind|name|version|method|format|scheme|size|length)$")
  (#not-in-function? @match "__eq__|__ne__|__hash__|equals|_eq$")
  (#not-match? @left "^(other|that|rhs)\\.")
  (#not-match? @right "^(other|that|rhs)\\.")
  (#scope-mentions? @match "(?i)hmac|hashlib|digest\\(|\\brequest\\b|headers|environ|getenv|settings\\.|\\bjwt\\b|webhook|authoriz|authenticat|def \\w*(verify|check|valid|auth|login|reset|confirm|sign|token|otp|csrf|api_?key|secret)")
  (#not-created-by? @right "inspect.signature" "inspect.Signature*")
  (#not-match? @right "(?i)verify_signature|digital_signature|signature_(algorithm|version|method|type)")
  (#not-test? @match))
