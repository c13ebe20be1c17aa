; TLS certificate or hostname verification switched off. Test code is skipped: tests talking
; to local servers with throwaway certificates are not a production risk.

; requests / httpx / boto3 / hvac ...: verify=False. jwt.decode(verify=False) is a JWT rule.
(call
  function: (_) @callee
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @kw
      value: (false) @off) @setting @match)
  (#eq? @kw "verify")
  (#not-match? @callee "(^|\\.)decode$")
  (#not-resolves-to? @callee "jwt.*" "jose.*")
  (#not-test? @setting))

; verify=VERIFY_SSL where the name is bound only to constants in the function or module, one of
; them False (a value read from the environment or a config is not judged)
(call
  function: (_) @callee
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @kw
      value: (identifier) @v) @setting @match)
  (#eq? @kw "verify")
  (#constant? @v)
  (#value-matches? @v "False")
  (#not-match? @callee "(^|\\.)decode$")
  (#not-resolves-to? @callee "jwt.*" "jose.*")
  (#not-test? @setting))

; Other spellings: aiohttp verify_ssl, elasticsearch/opensearch verify_certs, urllib3
; assert_hostname, redis ssl_check_hostname, ansible-style validate_certs.
(keyword_argument
  name: (identifier) @kw
  value: (false)
  (#any-of? @kw "verify_ssl" "ssl_verify" "verify_certs" "verify_cert" "verify_tls" "tls_verify" "check_hostname" "ssl_check_hostname" "assert_hostname" "validate_certs")
  (#not-test? @kw)) @setting @match

; aiohttp: ssl=False on a request method or on the connector. In redis, asyncpg and others
; ssl=False means plain TCP, which is a different issue.
(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @kw
      value: (false)) @setting @match)
  (#eq? @kw "ssl")
  (#any-of? @method "get" "post" "put" "patch" "delete" "head" "options" "request" "ws_connect")
  (#not-test? @setting))

(call
  function: (_) @callee
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @kw
      value: (false)) @setting @match)
  (#eq? @kw "ssl")
  (#resolves-to? @callee "aiohttp.*")
  (#not-test? @setting))

; cert_reqs="CERT_NONE" (urllib3), ssl_cert_reqs="none" (redis)
(keyword_argument
  name: (identifier) @kw
  value: (string) @v
  (#any-of? @kw "cert_reqs" "ssl_cert_reqs")
  (#match? @v "^[rRuU]?['\"](CERT_NONE|none|NONE)['\"]$")
  (#not-test? @kw)) @setting @match

; ssl.CERT_NONE assigned or passed: ctx.verify_mode = ssl.CERT_NONE, cert_reqs=ssl.CERT_NONE
(keyword_argument
  value: [(attribute) (identifier)] @v
  (#match? @v "CERT_NONE$")
  (#resolves-to? @v "ssl.CERT_NONE")
  (#not-test? @v)) @setting @match

(assignment
  right: [(attribute) (identifier)] @v
  (#match? @v "CERT_NONE$")
  (#resolves-to? @v "ssl.CERT_NONE")
  (#not-test? @v)) @setting @match

(argument_list
  [(attribute) (identifier)] @v @setting @match
  (#match? @v "CERT_NONE$")
  (#resolves-to? @v "ssl.CERT_NONE")
  (#not-test? @v))

; session.verify = False, ctx.check_hostname = False, configuration.verify_ssl = False
(assignment
  left: (attribute attribute: (identifier) @attr)
  right: (false)
  (#any-of? @attr "verify" "check_hostname" "verify_ssl")
  (#not-test? @attr)) @setting @match

; ssl._create_unverified_context(), or installed as the default HTTPS context
(call
  function: [(attribute) (identifier)] @setting @match
  (#match? @setting "_create_unverified_context$")
  (#resolves-to? @setting "ssl._create_unverified_context")
  (#not-test? @setting))

(assignment
  right: [(attribute) (identifier)] @setting @match
  (#match? @setting "_create_unverified_context$")
  (#resolves-to? @setting "ssl._create_unverified_context")
  (#not-test? @setting))
