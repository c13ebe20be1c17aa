; allow_dangerous_code=True: the pandas/CSV/Spark agents and other code-executing helpers refuse
; to run model-written code without it.
((keyword_argument name: (identifier) @kw value: (true)) @flag @match @callee
(#eq? @kw "allow_dangerous_code"))
