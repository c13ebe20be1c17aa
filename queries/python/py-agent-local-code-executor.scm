; Agent frameworks executing model-written code on the host.

; AutoGen LocalCommandLineCodeExecutor(...), smolagents LocalPythonExecutor(...)
(call
  function: (_) @callee
  (#resolves-to? @callee "*.LocalCommandLineCodeExecutor" "LocalCommandLineCodeExecutor"
    "*.LocalPythonExecutor" "LocalPythonExecutor")) @match

; AutoGen code_execution_config={"use_docker": False}
(call
  function: (_) @callee
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @kw
      value: (dictionary (pair key: (string) @key value: (false))) @flag @match))
  (#eq? @kw "code_execution_config")
  (#match? @key "^['\"]use_docker['\"]$"))

; crewAI code_execution_mode="unsafe", CodeInterpreterTool(unsafe_mode=True)
(call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @value) @flag @match)
  (#any-of? @kw "code_execution_mode" "unsafe_mode")
  (#match? @value "^(True|['\"]unsafe['\"])$"))

; smolagents CodeAgent(additional_authorized_imports=["*"])
(call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (list (string) @value)) @flag @match)
  (#eq? @kw "additional_authorized_imports")
  (#match? @value "^['\"]\\*['\"]$"))

; Open Interpreter: interpreter.auto_run = True
(assignment
  left: (attribute attribute: (identifier) @attr) @callee
  right: (true)
  (#eq? @attr "auto_run")
  (#match? @callee "^interpreter\\.")) @match @flag
