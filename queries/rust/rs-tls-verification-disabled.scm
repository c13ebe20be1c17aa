; Certificate or hostname verification switched off in a TLS client.

; reqwest / native-tls / tokio-native-tls / hyper-tls builders, ureq 3, curl, isahc-style flags:
; .danger_accept_invalid_certs(true), .danger_accept_invalid_hostnames(true), .ssl_verify_peer(false)
((call_expression
  function: (field_expression field: (field_identifier) @method)
  arguments: (arguments . (boolean_literal) @value .)) @match
  (#any-of? @method "danger_accept_invalid_certs" "danger_accept_invalid_hostnames" "disable_verification" "accept_invalid_certs" "accept_invalid_hostnames")
  (#eq? @value "true")
  (#not-test? @match))

((call_expression
  function: (field_expression field: (field_identifier) @method)
  arguments: (arguments . (boolean_literal) @value .)) @match
  (#any-of? @method "ssl_verify_peer" "ssl_verify_host" "verify_hostname" "set_verify_hostname" "tls_verify" "verify_certificates" "https_only_verify")
  (#eq? @value "false")
  (#not-test? @match))

; openssl: builder.set_verify(SslVerifyMode::NONE) on a client connector (on an SslAcceptor,
; NONE only means "no client certificate" and is the default).
((call_expression
  function: (field_expression field: (field_identifier) @method)
  arguments: (arguments . (scoped_identifier name: (identifier) @mode) @value)) @match
  (#any-of? @method "set_verify" "set_verify_callback")
  (#eq? @mode "NONE")
  (#no-scope-mentions? @match "SslAcceptor|Acceptor::|accept\\(")
  (#not-test? @match))

; isahc: SslOption::DANGER_ACCEPT_INVALID_CERTS / _HOSTS
((scoped_identifier name: (identifier) @method) @match
  (#any-of? @method "DANGER_ACCEPT_INVALID_CERTS" "DANGER_ACCEPT_INVALID_HOSTS")
  (#not-test? @match))

; rustls: a ServerCertVerifier whose verify_server_cert accepts every certificate.
((impl_item
  trait: (_) @trait
  body: (declaration_list
    (function_item
      name: (identifier) @method
      body: (block) @body) @match))
  (#match? @trait "(^|::)(ServerCertVerifier|ClientCertVerifier)$")
  (#any-of? @method "verify_server_cert" "verify_client_cert")
  (#returns-only? @body "Ok\\(\\s*([a-z_]+::)*(ServerCertVerified|ClientCertVerified)::assertion\\(\\)\\s*\\)")
  (#not-test? @match))

; rustls: .dangerous().set_certificate_verifier(..) / .with_custom_certificate_verifier(..) with a
; verifier named like an accept-all one, when this file does not implement the verifier itself
; (the implementation is checked by the pattern above).
((call_expression
  function: (field_expression field: (field_identifier) @method)
  arguments: (arguments . (_) @value)) @match
  (#any-of? @method "set_certificate_verifier" "with_custom_certificate_verifier")
  (#match? @value "(?i)no_?(cert(ificate)?_?)?verif|noop|accept_?(all|any|invalid)|insecure|danger|skip_?(verif|server|cert)|trust_?(all|any)|dummy|null_?verif|fake|permissive|unsafe|disabled?_?verif")
  (#no-file-mentions? "fn\\s+verify_server_cert")
  (#not-test? @match))
