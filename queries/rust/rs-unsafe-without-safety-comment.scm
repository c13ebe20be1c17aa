; unsafe blocks: the finding points at the `unsafe` keyword. A `// SAFETY:` comment may stand
; above the block or above the statement containing it, trail it, or open the block.
((unsafe_block "unsafe" @match) @block
  (#not-commented? @block "(?i)(^|[^\\w-])safety([^\\w-]|$)")
  (#not-test? @block))

; unsafe fn without a `# Safety` doc section or SAFETY comment: free functions, functions in
; modules, traits and inherent impls. Methods of trait impls are documented on the trait.
([
  (source_file (function_item (function_modifiers "unsafe") name: (identifier) @match) @item)
  (mod_item body: (declaration_list (function_item (function_modifiers "unsafe") name: (identifier) @match) @item))
  (trait_item body: (declaration_list (function_item (function_modifiers "unsafe") name: (identifier) @match) @item))
  (impl_item !trait body: (declaration_list (function_item (function_modifiers "unsafe") name: (identifier) @match) @item))
 ]
  (#not-commented? @item "(?i)(^|[^\\w-])safety([^\\w-]|$)")
  (#not-test? @item))

; unsafe impl of a trait other than Send/Sync (those are rs-unsafe-impl-send-sync)
((impl_item "unsafe" @match trait: (_) @trait) @item
  (#not-match? @trait "^((std|core)::marker::)?(Send|Sync)$")
  (#not-commented? @item "(?i)(^|[^\\w-])safety([^\\w-]|$)")
  (#not-test? @item))
