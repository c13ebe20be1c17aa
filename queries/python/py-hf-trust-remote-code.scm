; trust_remote_code=True on any call: transformers from_pretrained/pipeline, datasets.load_dataset,
; sentence-transformers, vLLM and others run Python files from the model repository. Rooted at
; the keyword (not the call) so it costs little on code that never uses it.
((keyword_argument name: (identifier) @kw value: (true)) @flag @match @callee
  (#eq? @kw "trust_remote_code"))
