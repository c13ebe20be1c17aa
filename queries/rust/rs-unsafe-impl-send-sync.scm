; unsafe impl Send / Sync for a type (the finding spans `unsafe impl … for T`)
((impl_item
   "unsafe" @match
   trait: [(type_identifier) (scoped_type_identifier)] @trait
   type: (_) @type)
  (#match? @trait "^((std|core)::marker::)?(Send|Sync)$")
  (#not-test? @trait))
