; todo!() / unimplemented!() (also std::/core:: qualified)
((macro_invocation
   macro: [(identifier) (scoped_identifier)] @macro) @match
  (#match? @macro "^((std|core)::)?(todo|unimplemented)$")
  (#not-test? @match))

; panic!("not implemented …") and similar placeholder panics
((macro_invocation
   macro: [(identifier) (scoped_identifier)] @macro
   (token_tree . (string_literal) @text)) @match
  (#match? @macro "^((std|core)::)?panic$")
  (#match? @text "(?i)not (yet )?implemented|unimplemented|\\btodo\\b|implement (me|this|later)|\\bstub\\b")
  (#not-test? @match))
