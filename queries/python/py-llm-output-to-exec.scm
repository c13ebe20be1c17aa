; Model output (see `[kinds.model-output]` in _dataflow.toml) reaches eval/exec/compile or runpy.
; ast.literal_eval, model.eval() and re.compile() resolve to other names and never match.
(call
  function: (_) @callee
  arguments: (argument_list . (_) @code)
  (#resolves-to? @callee "eval" "exec" "compile" "builtins.eval" "builtins.exec" "builtins.compile" "runpy.run_path" "runpy.run_module")
  (#tainted? @code "code" "model-output")) @match
