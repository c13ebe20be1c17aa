; jsonwebtoken (and similar crates) with signature or expiry validation switched off.

; validation.insecure_disable_signature_validation()
((call_expression
  function: (field_expression field: (field_identifier) @api)) @match
  (#eq? @api "insecure_disable_signature_validation")
  (#not-test? @match))

; Validation::insecure_disable_signature_validation(&mut v)
((call_expression
  function: (scoped_identifier name: (identifier) @api)) @match
  (#eq? @api "insecure_disable_signature_validation")
  (#not-test? @match))

; dangerous_insecure_decode(..), dangerous_unsafe_decode(..), jsonwebtoken::dangerous::insecure_decode(..)
((call_expression
  function: [(identifier) (scoped_identifier) (generic_function)] @api) @match
  (#resolves-to? @api "*dangerous_insecure_decode*" "*dangerous_unsafe_decode*" "jsonwebtoken::dangerous::*" "*dangerous::insecure_decode*" "jsonwebtoken::insecure_decode*")
  (#not-test? @match))

; validation.validate_exp = false;
((assignment_expression
  left: (field_expression field: (field_identifier) @api)
  right: (boolean_literal) @value) @match
  (#eq? @api "validate_exp")
  (#eq? @value "false")
  (#not-test? @match))

; Validation { validate_exp: false, .. }
((field_initializer
  field: (field_identifier) @api
  value: (boolean_literal) @value) @match
  (#eq? @api "validate_exp")
  (#eq? @value "false")
  (#not-test? @match))
