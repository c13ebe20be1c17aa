; A broad except (bare, Exception, BaseException, or a tuple containing one of them) whose
; body does nothing: only `pass`, `continue` or `...`. Specific exceptions (`except KeyError:
; pass`) and handlers that log, re-raise, return or clean up are not flagged. A comment inside
; the handler does not count as handling. Test code is skipped.

; bare `except:`
(except_clause
  "except" @match
  .
  (comment)*
  .
  (block
    .
    (comment)*
    .
    [(pass_statement) (continue_statement) (expression_statement (ellipsis))] @body
    .
    (comment)*
    .)
  (#not-test? @body))

; except Exception / BaseException [as e], or a tuple that contains one of them
(except_clause
  "except" @match
  value: [(identifier) @type
          (attribute attribute: (identifier) @type)
          (as_pattern . [(identifier) @type (attribute attribute: (identifier) @type)])
          (tuple [(identifier) @type (attribute attribute: (identifier) @type)])
          (as_pattern . (tuple [(identifier) @type (attribute attribute: (identifier) @type)]))]
  (block
    .
    (comment)*
    .
    [(pass_statement) (continue_statement) (expression_statement (ellipsis))] @body
    .
    (comment)*
    .)
  (#any-of? @type "Exception" "BaseException")
  (#not-test? @body))
