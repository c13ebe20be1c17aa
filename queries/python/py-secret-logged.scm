; A secret or sensitive value reaches a log, standard output or an exception message: a
; variable, attribute or key named like a credential or payment/personal datum (`api_key`,
; `password`, `token`, `card_number`, `cvv`, `ssn`), or an environment variable named like one
; (`os.environ["OPENAI_API_KEY"]`). As an argument, in an f-string, or formatted with `%`,
; `.format()` or `+`. Lengths, hashes, masked or redacted forms, names and types of values are
; not reported, nor is test code. In exceptions a `token` is usually a parser's token: only the
; other names count there.

; print(), logging.*(), sys.stdout.write(), click.echo(), warnings.warn()
((call
  function: (_) @sink
  arguments: (argument_list [(identifier) (attribute) (subscript) (call)] @value)) @match
  (#resolves-to? @sink "print" "pprint.pprint" "pprint.pp" "logging.debug" "logging.info" "logging.warning" "logging.warn" "logging.error" "logging.exception" "logging.critical" "logging.log" "sys.stdout.write" "sys.stderr.write" "click.echo" "click.secho" "warnings.warn" "rich.print" "typer.echo")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))

((call
  function: (_) @sink
  arguments: (argument_list (string (interpolation expression: (_) @value)))) @match
  (#resolves-to? @sink "print" "pprint.pprint" "pprint.pp" "logging.debug" "logging.info" "logging.warning" "logging.warn" "logging.error" "logging.exception" "logging.critical" "logging.log" "sys.stdout.write" "sys.stderr.write" "click.echo" "click.secho" "warnings.warn" "rich.print" "typer.echo")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))

((call
  function: (_) @sink
  arguments: (argument_list (binary_operator left: (string) right: (_) @value))) @match
  (#resolves-to? @sink "print" "pprint.pprint" "pprint.pp" "logging.debug" "logging.info" "logging.warning" "logging.warn" "logging.error" "logging.exception" "logging.critical" "logging.log" "sys.stdout.write" "sys.stderr.write" "click.echo" "click.secho" "warnings.warn" "rich.print" "typer.echo")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))

((call
  function: (_) @sink
  arguments: (argument_list (binary_operator left: (_) right: (_) @value))) @match
  (#resolves-to? @sink "print" "pprint.pprint" "pprint.pp" "logging.debug" "logging.info" "logging.warning" "logging.warn" "logging.error" "logging.exception" "logging.critical" "logging.log" "sys.stdout.write" "sys.stderr.write" "click.echo" "click.secho" "warnings.warn" "rich.print" "typer.echo")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))

((call
  function: (_) @sink
  arguments: (argument_list (call function: (attribute object: (string) attribute: (identifier) @fmt) arguments: (argument_list (_) @value)))) @match
  (#eq? @fmt "format")
  (#resolves-to? @sink "print" "pprint.pprint" "pprint.pp" "logging.debug" "logging.info" "logging.warning" "logging.warn" "logging.error" "logging.exception" "logging.critical" "logging.log" "sys.stdout.write" "sys.stderr.write" "click.echo" "click.secho" "warnings.warn" "rich.print" "typer.echo")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))

; logger.info(...), self.log.debug(...), app.logger.warning(...)
((call
  function: (attribute object: (_) @logger attribute: (identifier) @method) @sink
  arguments: (argument_list [(identifier) (attribute) (subscript) (call)] @value)) @match
  (#any-of? @method "debug" "info" "warning" "warn" "error" "exception" "critical" "fatal" "log" "msg")
  (#match? @logger "(?i)(^|[._])(log|logger|_log|_logger|logging|log_\\w+|\\w+_log|\\w+_logger|structlog)$")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))

((call
  function: (attribute object: (_) @logger attribute: (identifier) @method) @sink
  arguments: (argument_list (string (interpolation expression: (_) @value)))) @match
  (#any-of? @method "debug" "info" "warning" "warn" "error" "exception" "critical" "fatal" "log" "msg")
  (#match? @logger "(?i)(^|[._])(log|logger|_log|_logger|logging|log_\\w+|\\w+_log|\\w+_logger|structlog)$")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))

((call
  function: (attribute object: (_) @logger attribute: (identifier) @method) @sink
  arguments: (argument_list (binary_operator left: (string) right: (_) @value))) @match
  (#any-of? @method "debug" "info" "warning" "warn" "error" "exception" "critical" "fatal" "log" "msg")
  (#match? @logger "(?i)(^|[._])(log|logger|_log|_logger|logging|log_\\w+|\\w+_log|\\w+_logger|structlog)$")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))

((call
  function: (attribute object: (_) @logger attribute: (identifier) @method) @sink
  arguments: (argument_list (binary_operator left: (_) right: (_) @value))) @match
  (#any-of? @method "debug" "info" "warning" "warn" "error" "exception" "critical" "fatal" "log" "msg")
  (#match? @logger "(?i)(^|[._])(log|logger|_log|_logger|logging|log_\\w+|\\w+_log|\\w+_logger|structlog)$")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))

((call
  function: (attribute object: (_) @logger attribute: (identifier) @method) @sink
  arguments: (argument_list (call function: (attribute object: (string) attribute: (identifier) @fmt) arguments: (argument_list (_) @value)))) @match
  (#eq? @fmt "format")
  (#any-of? @method "debug" "info" "warning" "warn" "error" "exception" "critical" "fatal" "log" "msg")
  (#match? @logger "(?i)(^|[._])(log|logger|_log|_logger|logging|log_\\w+|\\w+_log|\\w+_logger|structlog)$")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))

; raise SomeError(f"bad key {api_key}"), raise ValueError("token: " + token)
((raise_statement
  (call
    function: (_) @sink
    arguments: (argument_list (string (interpolation expression: (_) @value))))) @match
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))

((raise_statement
  (call
    function: (_) @sink
    arguments: (argument_list (binary_operator left: (_) right: (_) @value)))) @match
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))

((raise_statement
  (call
    function: (_) @sink
    arguments: (argument_list [(identifier) (attribute) (subscript) (call)] @value))) @match
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|url|endpoint|policy|reset|expir|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|prompt|hint|\\.__class__|isinstance|^bool\\(|^int\\(|^repr\\(type|\\.(contents|lineno|kind|value|text|string|start|end|pos|position|source)\\b|messages?\\b|errors?\\b|msg|_incorrect|_mismatch|invalid|too_common|too_short|^_\\(|gettext")
  (#not-match? @value "^[\\w.]*\\(\\s*[rbfuRBFU]*[\"'][^\"']*\\s[^\"']*[\"']")
  (#not-test? @match))
