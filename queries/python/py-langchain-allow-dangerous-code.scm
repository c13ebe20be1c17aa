; allow_dangerous_code=True: the pandas/CSV/Spark agents and other code-executing helpers refuse to
; run model-written code without it.
(call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (true)) @flag @match)
  (#eq? @kw "allow_dangerous_code"))
