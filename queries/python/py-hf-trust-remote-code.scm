; trust_remote_code=True: transformers from_pretrained/pipeline, datasets.load_dataset,
; sentence-transformers and others run Python files from the model repository.
(call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (true)) @flag @match)
  (#eq? @kw "trust_remote_code"))
