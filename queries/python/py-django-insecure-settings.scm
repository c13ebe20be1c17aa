; Module-level DEBUG = True or ALLOWED_HOSTS = ["*"] in a settings module (settings.py,
; settings/*.py, *settings*.py), except development, local and test settings files. Values read
; from the environment (DEBUG = os.environ.get(...)) and conditional assignments are not flagged.
(module
  (expression_statement
    (assignment
      left: (identifier) @setting
      right: (true)) @match)
  (#eq? @setting "DEBUG")
  (#path-matches? "(?i)(^|/)settings/[^/]+\\.py$|(^|/)[^/]*settings[^/]*\\.py$")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting))

(module
  (expression_statement
    (assignment
      left: (identifier) @setting
      right: [(list (string) @host) (tuple (string) @host)]) @match)
  (#eq? @setting "ALLOWED_HOSTS")
  (#match? @host "^[rRuU]?['\"]\\*['\"]$")
  (#path-matches? "(?i)(^|/)settings/[^/]+\\.py$|(^|/)[^/]*settings[^/]*\\.py$")
  (#not-path-matches? "(?i)(^|/)([^/]*[_.-])?(dev|devel|develop|development|local|test|tests|testing|ci)([_.-][^/]*)?\\.py$")
  (#not-test? @setting))
