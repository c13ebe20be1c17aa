; yaml.load / load_all with nothing but the document: PyYAML < 5.1 uses the unsafe Loader, later
; versions warn (5.x) or refuse (6.x). Only the attribute form gets the safe_load fix.
(call
  function: (attribute attribute: (identifier) @method) @callee
  arguments: (argument_list . (_) @doc .)
  (#any-of? @method "load" "load_all")
  (#resolves-to? @callee "yaml.load" "yaml.load_all")
  (#not-match? @doc "^Loader\\s*=")) @match

(call
  function: (identifier) @callee
  arguments: (argument_list . (_) @doc .)
  (#resolves-to? @callee "yaml.load" "yaml.load_all")
  (#not-match? @doc "^Loader\\s*=")) @match

; An explicit loader that constructs arbitrary Python objects (keyword or positional).
(call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @loader))
  (#eq? @kw "Loader")
  (#resolves-to? @callee "yaml.load" "yaml.load_all")
  (#resolves-to? @loader "yaml.Loader" "yaml.UnsafeLoader" "yaml.CLoader" "yaml.CUnsafeLoader" "yaml.loader.Loader" "yaml.loader.UnsafeLoader" "yaml.cyaml.CLoader" "yaml.cyaml.CUnsafeLoader")) @match

(call
  function: (_) @callee
  arguments: (argument_list . (_) . [(attribute) (identifier)] @loader)
  (#resolves-to? @callee "yaml.load" "yaml.load_all")
  (#resolves-to? @loader "yaml.Loader" "yaml.UnsafeLoader" "yaml.CLoader" "yaml.CUnsafeLoader" "yaml.loader.Loader" "yaml.loader.UnsafeLoader" "yaml.cyaml.CLoader" "yaml.cyaml.CUnsafeLoader")) @match

; The explicitly unsafe entry points.
(call
  function: (_) @callee
  (#resolves-to? @callee "yaml.unsafe_load" "yaml.unsafe_load_all")) @match

; ruamel.yaml: YAML(typ="unsafe") constructs arbitrary Python objects.
(call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (string) @loader))
  (#eq? @kw "typ")
  (#match? @loader "^[\"']unsafe[\"']$")
  (#resolves-to? @callee "ruamel.yaml.YAML" "ruamel.yaml.main.YAML")) @match
