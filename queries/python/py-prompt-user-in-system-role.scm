; Request data (see _dataflow.toml) placed in the system role or the instructions of an LLM call.
; User text belongs in user-role messages.

; {"role": "system", "content": f"... {user_text}"}
(dictionary
  (pair key: (string) @rk value: (string) @role)
  (pair key: (string) @ck value: (_) @content)
  (#match? @rk "^['\"]role['\"]$")
  (#match? @role "^['\"](system|developer)['\"]$")
  (#match? @ck "^['\"]content['\"]$")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain\\w*|llama_index|google\\.genai|google\\.generativeai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|huggingface_hub|transformers|autogen|crewai|smolagents|dspy|from agents import)\\b")
  (#tainted? @content "prompt")) @match

; client.messages.create(system=...), GenerativeModel(system_instruction=...), Agent(instructions=...)
(call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @content))
  (#any-of? @kw "system" "system_instruction" "system_prompt" "instructions" "system_message")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain\\w*|llama_index|google\\.genai|google\\.generativeai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|huggingface_hub|transformers|autogen|crewai|smolagents|dspy|from agents import)\\b")
  (#tainted? @content "prompt")) @match

; SystemMessage(content=...), SystemMessage(f"..."), SystemMessagePromptTemplate.from_template(...)
(call
  function: (_) @callee
  arguments: (argument_list . (_) @content)
  (#resolves-to? @callee "*.SystemMessage" "SystemMessage" "*.SystemMessagePromptTemplate.from_template" "SystemMessagePromptTemplate.from_template")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain\\w*|llama_index|google\\.genai|google\\.generativeai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|huggingface_hub|transformers|autogen|crewai|smolagents|dspy|from agents import)\\b")
  (#tainted? @content "prompt")) @match

; ChatPromptTemplate.from_messages([("system", f"... {user_text}"), ...])
(tuple
  . (string) @role
  . (_) @content
  (#match? @role "^['\"](system|developer)['\"]$")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain\\w*|llama_index|google\\.genai|google\\.generativeai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|huggingface_hub|transformers|autogen|crewai|smolagents|dspy|from agents import)\\b")
  (#tainted? @content "prompt")) @match
