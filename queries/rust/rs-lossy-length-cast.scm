;; A length (`x.len()`, `x.count()`, or a name like `len`/`body_size`) cast with `as` to a narrower
;; integer and written as a length prefix: a writer call (`put_u32`, `write_u16::<BE>`,
;; `push` for u8) or `to_be_bytes`/`to_le_bytes`. Above the type's MAX the prefix wraps and no
;; longer matches the data after it. Functions that mention a `MAX` bound or `try_from`/`try_into`
;; are assumed to check the length and are skipped.

; buf.put_u32(data.len() as u32)   w.write_u16::<BigEndian>(name.len() as u16)   out.push(s.len() as u8)
((call_expression
   function: [
     (field_expression field: (field_identifier) @writer)
     (generic_function function: (field_expression field: (field_identifier) @writer))
   ]
   arguments: (arguments . (type_cast_expression
       value: [
         (call_expression function: (field_expression field: (field_identifier) @lenfn))
         (identifier) @lenname
         (field_expression field: (field_identifier) @lenname)
       ]
       type: (primitive_type) @ty) @match .))
  (#match? @writer "^((put|write)_[ui](8|16|32)(_le|_ne)?|push)$")
  (#any-of? @ty "u8" "u16" "u32" "i8" "i16" "i32")
  (#any-of? @lenfn "len" "count")
  (#match? @lenname "(?i)(^|_)(len|length|size)$")
  (#no-scope-mentions? @match "::MAX\\b|\\bMAX_[A-Z0-9_]+\\b|\\b[A-Z0-9_]+_MAX\\b|try_from|try_into")
  (#not-test? @match))

; BigEndian::write_u32(&mut buf[..4], payload.len() as u32)
((call_expression
   function: (scoped_identifier name: (identifier) @writer)
   arguments: (arguments (_) (type_cast_expression
       value: [
         (call_expression function: (field_expression field: (field_identifier) @lenfn))
         (identifier) @lenname
         (field_expression field: (field_identifier) @lenname)
       ]
       type: (primitive_type) @ty) @match))
  (#match? @writer "^write_[ui](16|32)$")
  (#any-of? @ty "u8" "u16" "u32" "i8" "i16" "i32")
  (#any-of? @lenfn "len" "count")
  (#match? @lenname "(?i)(^|_)(len|length|size)$")
  (#no-scope-mentions? @match "::MAX\\b|\\bMAX_[A-Z0-9_]+\\b|\\b[A-Z0-9_]+_MAX\\b|try_from|try_into")
  (#not-test? @match))

; (data.len() as u32).to_be_bytes()
((call_expression
   function: (field_expression
     value: (parenthesized_expression (type_cast_expression
       value: [
         (call_expression function: (field_expression field: (field_identifier) @lenfn))
         (identifier) @lenname
         (field_expression field: (field_identifier) @lenname)
       ]
       type: (primitive_type) @ty) @match)
     field: (field_identifier) @writer))
  (#match? @writer "^to_(be|le|ne)_bytes$")
  (#any-of? @ty "u8" "u16" "u32" "i8" "i16" "i32")
  (#any-of? @lenfn "len" "count")
  (#match? @lenname "(?i)(^|_)(len|length|size)$")
  (#no-scope-mentions? @match "::MAX\\b|\\bMAX_[A-Z0-9_]+\\b|\\b[A-Z0-9_]+_MAX\\b|try_from|try_into")
  (#not-test? @match))
