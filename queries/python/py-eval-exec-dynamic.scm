; eval/exec/compile on anything that is not constant text. ast.literal_eval, model.eval() and
; re.compile() resolve to other names and never match.
(call
  function: (_) @callee
  arguments: (argument_list . (_) @code)
  (#resolves-to? @callee "eval" "exec" "compile" "builtins.eval" "builtins.exec" "builtins.compile")
  (#not-constant? @code)) @match
