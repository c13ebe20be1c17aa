; An agent gets a shell: ShellTool, BashProcess, LLMBashChain, load_tools(["terminal"]).
(call
  function: (_) @callee
  (#resolves-to? @callee "*.ShellTool" "ShellTool" "*.BashProcess" "BashProcess" "*.LLMBashChain" "LLMBashChain"
    "*.LLMBashChain.from_llm" "LLMBashChain.from_llm")) @match

(call
  function: (_) @callee
  arguments: (argument_list . (list (string) @tool))
  (#resolves-to? @callee "*.load_tools" "load_tools")
  (#match? @tool "^[rbu]?['\"](terminal|shell|bash)['\"]$")) @match
