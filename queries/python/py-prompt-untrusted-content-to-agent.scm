; Fetched or retrieved content (web pages, loaded documents, retriever results: the
; `fetched-content` kind in _dataflow.toml) is fed to an agent in a file that gives agents
; side-effecting tools (shell, code, file writes, e-mail, HTTP writes, database toolkits).
((call
    function: (attribute object: (_) @agent attribute: (identifier) @method) @callee
    arguments: (argument_list . (_) @content)
    (#any-of? @method "invoke" "ainvoke" "run" "arun" "stream" "astream" "kickoff" "chat" "initiate_chat")
    (#created-by? @agent "*AgentExecutor" "*.initialize_agent" "initialize_agent" "*create_react_agent" "*create_tool_calling_agent"
      "*create_openai_tools_agent" "*create_openai_functions_agent" "*create_structured_chat_agent" "*CodeAgent" "*ToolCallingAgent"
      "*AssistantAgent" "*UserProxyAgent" "*.Agent" "*.Crew" "Crew" "*AgentExecutor.from_agent_and_tools")
    (#tainted? @content "prompt" "fetched-content")) @match
  (#file-mentions? "ShellTool|PythonREPL|PythonAstREPL|WriteFileTool|DeleteFileTool|MoveFileTool|FileManagementToolkit|Gmail|SendMessage|Slack|RequestsToolkit|RequestsPostTool|RequestsPutTool|RequestsDeleteTool|SQLDatabaseToolkit|allow_dangerous|LocalCommandLineCodeExecutor|CodeInterpreter|def\\s+(send|delete|remove|write|execute|run_shell|run_command|transfer|pay|refund|drop|update|create)_?\\w*\\s*\\("))
