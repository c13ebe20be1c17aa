; SSLv2/SSLv3/TLS 1.0/TLS 1.1 selected, or the removed ssl.wrap_socket helper.
; Comparisons (`if ctx.protocol == ssl.PROTOCOL_TLSv1`) are not flagged: only values that are
; passed or assigned. Test code (which exercises old protocols on purpose) is skipped.

(argument_list
  [(attribute) (identifier)] @proto @match
  (#match? @proto "(PROTOCOL_(SSLv2|SSLv3|TLSv1|TLSv1_1)|SSLv2_METHOD|SSLv3_METHOD|TLSv1_METHOD|TLSv1_1_METHOD|TLSVersion\\.(SSLv3|TLSv1|TLSv1_1))$")
  (#resolves-to? @proto "ssl.PROTOCOL_SSLv2" "ssl.PROTOCOL_SSLv3" "ssl.PROTOCOL_TLSv1" "ssl.PROTOCOL_TLSv1_1" "OpenSSL.SSL.SSLv2_METHOD" "OpenSSL.SSL.SSLv3_METHOD" "OpenSSL.SSL.TLSv1_METHOD" "OpenSSL.SSL.TLSv1_1_METHOD" "ssl.TLSVersion.SSLv3" "ssl.TLSVersion.TLSv1" "ssl.TLSVersion.TLSv1_1")
  (#not-test? @proto))

(keyword_argument
  value: [(attribute) (identifier)] @proto @match
  (#match? @proto "(PROTOCOL_(SSLv2|SSLv3|TLSv1|TLSv1_1)|SSLv2_METHOD|SSLv3_METHOD|TLSv1_METHOD|TLSv1_1_METHOD|TLSVersion\\.(SSLv3|TLSv1|TLSv1_1))$")
  (#resolves-to? @proto "ssl.PROTOCOL_SSLv2" "ssl.PROTOCOL_SSLv3" "ssl.PROTOCOL_TLSv1" "ssl.PROTOCOL_TLSv1_1" "OpenSSL.SSL.SSLv2_METHOD" "OpenSSL.SSL.SSLv3_METHOD" "OpenSSL.SSL.TLSv1_METHOD" "OpenSSL.SSL.TLSv1_1_METHOD" "ssl.TLSVersion.SSLv3" "ssl.TLSVersion.TLSv1" "ssl.TLSVersion.TLSv1_1")
  (#not-test? @proto))

; ctx.minimum_version = ssl.TLSVersion.TLSv1, PROTOCOL = ssl.PROTOCOL_TLSv1
(assignment
  right: [(attribute) (identifier)] @proto @match
  (#match? @proto "(PROTOCOL_(SSLv2|SSLv3|TLSv1|TLSv1_1)|SSLv2_METHOD|SSLv3_METHOD|TLSv1_METHOD|TLSv1_1_METHOD|TLSVersion\\.(SSLv3|TLSv1|TLSv1_1))$")
  (#resolves-to? @proto "ssl.PROTOCOL_SSLv2" "ssl.PROTOCOL_SSLv3" "ssl.PROTOCOL_TLSv1" "ssl.PROTOCOL_TLSv1_1" "OpenSSL.SSL.SSLv2_METHOD" "OpenSSL.SSL.SSLv3_METHOD" "OpenSSL.SSL.TLSv1_METHOD" "OpenSSL.SSL.TLSv1_1_METHOD" "ssl.TLSVersion.SSLv3" "ssl.TLSVersion.TLSv1" "ssl.TLSVersion.TLSv1_1")
  (#not-test? @proto))

; ssl.wrap_socket: no hostname check, no certificate check by default; removed in Python 3.12.
(call
  function: (_) @proto @match
  (#match? @proto "wrap_socket$")
  (#resolves-to? @proto "ssl.wrap_socket")
  (#not-test? @proto))
