; A secret or sensitive value is put into a prompt sent to an LLM API: in the `content` of a
; chat message, a `prompt=`/`input=`/`contents=`/`system=` argument, or the first argument of
; `invoke`/`generate_content`/`predict`/…, directly, in an f-string or concatenated. Only files
; that use an LLM SDK are checked. Test code is not reported.

; messages=[{"role": "user", "content": …}]
((call
  function: (attribute attribute: (identifier) @method) @sink
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (list (dictionary (pair key: (string) @ck value: (string (interpolation expression: (_) @value)))))))) @match
  (#eq? @kw "messages")
  (#match? @ck "^[\"']content[\"']$")
  (#any-of? @method "create" "acreate" "stream" "parse" "generate" "agenerate" "generate_content" "generate_content_async" "invoke" "ainvoke" "complete" "acomplete" "completion" "acompletion" "chat" "achat" "send_message" "predict" "run" "arun" "query" "text_generation" "chat_completion")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|connection_?string|database_?url|db_?url|dsn|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|policy|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|hint|^bool\\(")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain|langchain_\\w+|llama_index|google\\.generativeai|google\\.genai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|together|replicate|huggingface_hub|transformers|instructor|dspy|semantic_kernel|boto3)\\b")
  (#not-test? @match))

; prompt=…, input=…, contents=…, system=…
((call
  function: (attribute attribute: (identifier) @method) @sink
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (string (interpolation expression: (_) @value))))) @match
  (#any-of? @kw "prompt" "input" "contents" "content" "system" "instructions" "query" "question" "text" "message" "messages" "system_instruction")
  (#any-of? @method "create" "acreate" "stream" "parse" "generate" "agenerate" "generate_content" "generate_content_async" "invoke" "ainvoke" "complete" "acomplete" "completion" "acompletion" "chat" "achat" "send_message" "predict" "run" "arun" "query" "text_generation" "chat_completion")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|connection_?string|database_?url|db_?url|dsn|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|policy|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|hint|^bool\\(")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain|langchain_\\w+|llama_index|google\\.generativeai|google\\.genai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|together|replicate|huggingface_hub|transformers|instructor|dspy|semantic_kernel|boto3)\\b")
  (#not-test? @match))

; llm.invoke(…), model.generate_content(…), chain.run(…)
((call
  function: (attribute attribute: (identifier) @method) @sink
  arguments: (argument_list . (string (interpolation expression: (_) @value)))) @match
  (#any-of? @method "invoke" "ainvoke" "generate_content" "generate_content_async" "predict" "complete" "acomplete" "chat" "achat" "send_message" "stream" "astream" "run" "arun" "generate" "query")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|connection_?string|database_?url|db_?url|dsn|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|policy|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|hint|^bool\\(")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain|langchain_\\w+|llama_index|google\\.generativeai|google\\.genai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|together|replicate|huggingface_hub|transformers|instructor|dspy|semantic_kernel|boto3)\\b")
  (#not-test? @match))

; messages=[{"role": "user", "content": …}]
((call
  function: (attribute attribute: (identifier) @method) @sink
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (list (dictionary (pair key: (string) @ck value: (binary_operator right: (_) @value))))))) @match
  (#eq? @kw "messages")
  (#match? @ck "^[\"']content[\"']$")
  (#any-of? @method "create" "acreate" "stream" "parse" "generate" "agenerate" "generate_content" "generate_content_async" "invoke" "ainvoke" "complete" "acomplete" "completion" "acompletion" "chat" "achat" "send_message" "predict" "run" "arun" "query" "text_generation" "chat_completion")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|connection_?string|database_?url|db_?url|dsn|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|policy|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|hint|^bool\\(")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain|langchain_\\w+|llama_index|google\\.generativeai|google\\.genai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|together|replicate|huggingface_hub|transformers|instructor|dspy|semantic_kernel|boto3)\\b")
  (#not-test? @match))

; prompt=…, input=…, contents=…, system=…
((call
  function: (attribute attribute: (identifier) @method) @sink
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (binary_operator right: (_) @value)))) @match
  (#any-of? @kw "prompt" "input" "contents" "content" "system" "instructions" "query" "question" "text" "message" "messages" "system_instruction")
  (#any-of? @method "create" "acreate" "stream" "parse" "generate" "agenerate" "generate_content" "generate_content_async" "invoke" "ainvoke" "complete" "acomplete" "completion" "acompletion" "chat" "achat" "send_message" "predict" "run" "arun" "query" "text_generation" "chat_completion")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|connection_?string|database_?url|db_?url|dsn|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|policy|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|hint|^bool\\(")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain|langchain_\\w+|llama_index|google\\.generativeai|google\\.genai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|together|replicate|huggingface_hub|transformers|instructor|dspy|semantic_kernel|boto3)\\b")
  (#not-test? @match))

; llm.invoke(…), model.generate_content(…), chain.run(…)
((call
  function: (attribute attribute: (identifier) @method) @sink
  arguments: (argument_list . (binary_operator right: (_) @value))) @match
  (#any-of? @method "invoke" "ainvoke" "generate_content" "generate_content_async" "predict" "complete" "acomplete" "chat" "achat" "send_message" "stream" "astream" "run" "arun" "generate" "query")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|connection_?string|database_?url|db_?url|dsn|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|policy|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|hint|^bool\\(")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain|langchain_\\w+|llama_index|google\\.generativeai|google\\.genai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|together|replicate|huggingface_hub|transformers|instructor|dspy|semantic_kernel|boto3)\\b")
  (#not-test? @match))

; messages=[{"role": "user", "content": …}]
((call
  function: (attribute attribute: (identifier) @method) @sink
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (list (dictionary (pair key: (string) @ck value: [(identifier) (attribute) (subscript)] @value)))))) @match
  (#eq? @kw "messages")
  (#match? @ck "^[\"']content[\"']$")
  (#any-of? @method "create" "acreate" "stream" "parse" "generate" "agenerate" "generate_content" "generate_content_async" "invoke" "ainvoke" "complete" "acomplete" "completion" "acompletion" "chat" "achat" "send_message" "predict" "run" "arun" "query" "text_generation" "chat_completion")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|connection_?string|database_?url|db_?url|dsn|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|policy|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|hint|^bool\\(")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain|langchain_\\w+|llama_index|google\\.generativeai|google\\.genai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|together|replicate|huggingface_hub|transformers|instructor|dspy|semantic_kernel|boto3)\\b")
  (#not-test? @match))

; prompt=…, input=…, contents=…, system=…
((call
  function: (attribute attribute: (identifier) @method) @sink
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: [(identifier) (attribute) (subscript)] @value))) @match
  (#any-of? @kw "prompt" "input" "contents" "content" "system" "instructions" "query" "question" "text" "message" "messages" "system_instruction")
  (#any-of? @method "create" "acreate" "stream" "parse" "generate" "agenerate" "generate_content" "generate_content_async" "invoke" "ainvoke" "complete" "acomplete" "completion" "acompletion" "chat" "achat" "send_message" "predict" "run" "arun" "query" "text_generation" "chat_completion")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|connection_?string|database_?url|db_?url|dsn|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|policy|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|hint|^bool\\(")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain|langchain_\\w+|llama_index|google\\.generativeai|google\\.genai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|together|replicate|huggingface_hub|transformers|instructor|dspy|semantic_kernel|boto3)\\b")
  (#not-test? @match))

; llm.invoke(…), model.generate_content(…), chain.run(…)
((call
  function: (attribute attribute: (identifier) @method) @sink
  arguments: (argument_list . [(identifier) (attribute) (subscript)] @value)) @match
  (#any-of? @method "invoke" "ainvoke" "generate_content" "generate_content_async" "predict" "complete" "acomplete" "chat" "achat" "send_message" "stream" "astream" "run" "arun" "generate" "query")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|pwd|passphrase|secret|token|api_?key|apikey|access_?key|private_?key|secret_?key|client_?secret|credentials?|auth_?header|authorization|bearer|session_?key|connection_?string|database_?url|db_?url|dsn|card_?number|card_?no|cc_?number|credit_?card|cvv|cvc|ssn|social_?security)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|len\\(|length|_id\\b|_type|type\\b|name|policy|count|max_|min_|tokenizer|masked|redact|mask|\\bis_|has_|valid|required|field|label|_tokens|csrf|last4|last_four|hint|^bool\\(")
  (#file-mentions? "(?i)\\b(openai|anthropic|langchain|langchain_\\w+|llama_index|google\\.generativeai|google\\.genai|from google import genai|vertexai|litellm|ollama|cohere|mistralai|groq|together|replicate|huggingface_hub|transformers|instructor|dspy|semantic_kernel|boto3)\\b")
  (#not-test? @match))
