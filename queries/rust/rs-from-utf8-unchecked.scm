; str::from_utf8_unchecked(_mut), String::from_utf8_unchecked, str::from_boxed_utf8_unchecked
; and the same-named constructors of other string types. A byte-string literal argument
; (`b"HTTP/1.1"`) is visibly valid and skipped; `#not-constant?` is not used because it would also
; skip a zeroed buffer that `read` fills later.
((call_expression
   function: [(identifier) (scoped_identifier) (generic_function)] @callee
   arguments: (arguments . (_) @bytes)) @match
  (#resolves-to? @callee
    "*::from_utf8_unchecked" "from_utf8_unchecked"
    "*::from_utf8_unchecked_mut" "from_utf8_unchecked_mut"
    "*::from_boxed_utf8_unchecked" "from_boxed_utf8_unchecked")
  (#not-match? @bytes "^&?b?r?#*\"")
  (#not-test? @match))
