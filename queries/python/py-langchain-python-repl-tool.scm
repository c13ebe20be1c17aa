; An agent gets an in-process Python interpreter: LangChain's Python REPL tools, the Python agent
; and chains that run model-written Python (PALChain).
(call
  function: (_) @callee
  (#resolves-to? @callee "*.PythonREPLTool" "PythonREPLTool" "*.PythonAstREPLTool" "PythonAstREPLTool"
    "*.PythonREPL" "PythonREPL" "*.create_python_agent" "create_python_agent" "*.PALChain" "PALChain"
    "*.PALChain.from_math_prompt" "*.PALChain.from_colored_object_prompt" "PALChain.from_math_prompt")) @match

; load_tools(["python_repl", ...])
(call
  function: (_) @callee
  arguments: (argument_list . (list (string) @tool))
  (#resolves-to? @callee "*.load_tools" "load_tools")
  (#match? @tool "^[rbu]?['\"]python_repl['\"]$")) @match
