; Hugging Face Hub downloads of a repository id ("org/name", or a canonical model such as
; "gpt2") without `revision=` set to a 40-hex commit hash. Local paths ("./out", "/models/x",
; "checkpoints/run1") are not Hub downloads and are skipped; a revision read from configuration
; (not a constant) is trusted.

; AutoModel.from_pretrained("org/name"), hf_hub_download("org/name", ...), snapshot_download(...)
((call
    function: [(identifier) @method (attribute attribute: (identifier) @method)] @callee
    arguments: (argument_list . (_) @repo)
    (#any-of? @method "from_pretrained" "hf_hub_download" "snapshot_download")
    (#value-matches? @repo "[rbu]?['\"]([A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*|(gpt2|distilgpt2|bert-|distilbert-|roberta-|xlm-roberta-|t5-|albert-|bart-|facebook/)[A-Za-z0-9_.-]*)['\"]")
    (#not-value-matches? @repo "[rbu]?['\"](\\.|/|~|[A-Za-z]:|(outputs?|results?|models?|checkpoints?|ckpts?|saved(_models?)?|runs?|artifacts?|weights|exp|experiments?|tmp|data|logs?|local|finetuned|fine_tuned|trained)/).*['\"]")) @match
  (#no-kwarg? @match "revision"))

; ... with a constant revision that is a branch or tag ("main", "v1.0")
((call
    function: [(identifier) @method (attribute attribute: (identifier) @method)] @callee
    arguments: (argument_list . (_) @repo (keyword_argument name: (identifier) @kw value: (_) @revision))
    (#eq? @kw "revision")
    (#any-of? @method "from_pretrained" "hf_hub_download" "snapshot_download")
    (#value-matches? @repo "[rbu]?['\"]([A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*|(gpt2|distilgpt2|bert-|distilbert-|roberta-|xlm-roberta-|t5-|albert-|bart-|facebook/)[A-Za-z0-9_.-]*)['\"]")
    (#not-value-matches? @repo "[rbu]?['\"](\\.|/|~|[A-Za-z]:|(outputs?|results?|models?|checkpoints?|ckpts?|saved(_models?)?|runs?|artifacts?|weights|exp|experiments?|tmp|data|logs?|local|finetuned|fine_tuned|trained)/).*['\"]")
    (#constant? @revision)
    (#not-value-matches? @revision "[rbu]?['\"][0-9a-f]{40}['\"]")) @match)

; hf_hub_download(repo_id="org/name", ...), pipeline("task", model="org/name")
((call
    function: [(identifier) @method (attribute attribute: (identifier) @method)] @callee
    arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @repo))
    (#any-of? @kw "repo_id" "model" "pretrained_model_name_or_path")
    (#any-of? @method "from_pretrained" "hf_hub_download" "snapshot_download" "pipeline")
    (#value-matches? @repo "[rbu]?['\"]([A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9][A-Za-z0-9_.-]*|(gpt2|distilgpt2|bert-|distilbert-|roberta-|xlm-roberta-|t5-|albert-|bart-|facebook/)[A-Za-z0-9_.-]*)['\"]")
    (#not-value-matches? @repo "[rbu]?['\"](\\.|/|~|[A-Za-z]:|(outputs?|results?|models?|checkpoints?|ckpts?|saved(_models?)?|runs?|artifacts?|weights|exp|experiments?|tmp|data|logs?|local|finetuned|fine_tuned|trained)/).*['\"]")) @match
  (#no-kwarg? @match "revision"))
