; Agent loops without a bound: AgentExecutor(max_iterations=None), smolagents max_steps=None,
; AutoGen max_turns=None / max_consecutive_auto_reply=None, and `while True:` around an LLM call
; with no way out.
((keyword_argument name: (identifier) @kw value: (none)) @flag @match @callee
  (#any-of? @kw "max_iterations" "max_steps" "max_turns" "max_consecutive_auto_reply" "max_execution_time" "max_iter" "max_rounds")
  (#file-mentions? "(?i)\\b(langchain\\w*|langgraph|llama_index|smolagents|autogen|crewai|openai|anthropic|from agents import)\\b"))

; while True: reply = client.chat.completions.create(...) ... with no break/return/raise
(while_statement
  condition: (true) @flag
  body: (block) @callee
  (#match? @callee "\\.(invoke|ainvoke|create|generate_content|complete|completion|chat|run|step)\\(")
  (#not-match? @callee "\\b(break|return|raise|sys\\.exit|exit)\\b")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain\\w*|llama_index|google\\.genai|google\\.generativeai|litellm|ollama|mistralai|smolagents|autogen|crewai)\\b")) @match
