; get_unchecked / get_unchecked_mut: unchecked indexing (method or path call)
((call_expression
   function: (field_expression field: (field_identifier) @op)) @match
  (#any-of? @op "get_unchecked" "get_unchecked_mut")
  (#not-test? @match)
  (#not-commented? @match "(?i)(^|[^\\w-])safety([^\\w-]|$)"))
((call_expression
   function: (scoped_identifier name: (identifier) @op)) @match
  (#any-of? @op "get_unchecked" "get_unchecked_mut")
  (#not-test? @match)
  (#not-commented? @match "(?i)(^|[^\\w-])safety([^\\w-]|$)"))

; Vec::set_len. `File::set_len` is safe and shares the name, so the method form counts only
; inside an `unsafe` block, where `Vec::set_len` must be.
((call_expression
   function: (field_expression field: (field_identifier) @op)
   arguments: (arguments . (_) .)) @match
  (#eq? @op "set_len")
  (#inside? @match "unsafe_block")
  (#not-test? @match)
  (#not-commented? @match "(?i)(^|[^\\w-])safety([^\\w-]|$)"))
((call_expression
   function: [(scoped_identifier) (generic_function)] @op) @match
  (#resolves-to? @op "Vec::set_len" "std::vec::Vec::set_len" "alloc::vec::Vec::set_len")
  (#not-test? @match)
  (#not-commented? @match "(?i)(^|[^\\w-])safety([^\\w-]|$)"))

; slice::from_raw_parts(_mut), Vec::from_raw_parts, String::from_raw_parts
((call_expression
   function: [(identifier) (scoped_identifier) (generic_function)] @op) @match
  (#resolves-to? @op "*::from_raw_parts" "from_raw_parts" "*::from_raw_parts_mut" "from_raw_parts_mut")
  (#not-resolves-to? @op "std::ptr::*" "core::ptr::*" "ptr::*")
  (#not-test? @match)
  (#not-commented? @match "(?i)(^|[^\\w-])safety([^\\w-]|$)"))

; ptr::copy / ptr::copy_nonoverlapping (not io::copy or fs::copy)
((call_expression
   function: [(identifier) (scoped_identifier) (generic_function)] @op) @match
  (#resolves-to? @op
    "std::ptr::copy" "core::ptr::copy" "ptr::copy"
    "std::ptr::copy_nonoverlapping" "core::ptr::copy_nonoverlapping" "ptr::copy_nonoverlapping"
    "copy_nonoverlapping" "std::intrinsics::copy" "std::intrinsics::copy_nonoverlapping")
  (#not-test? @match)
  (#not-commented? @match "(?i)(^|[^\\w-])safety([^\\w-]|$)"))

; raw-pointer copy methods
((call_expression
   function: (field_expression field: (field_identifier) @op)) @match
  (#any-of? @op "copy_to_nonoverlapping" "copy_from_nonoverlapping")
  (#not-test? @match)
  (#not-commented? @match "(?i)(^|[^\\w-])safety([^\\w-]|$)"))
((call_expression
   function: (field_expression field: (field_identifier) @op)
   arguments: (arguments . (_) . (_) .)) @match
  (#any-of? @op "copy_to" "copy_from")
  (#inside? @match "unsafe_block")
  (#not-test? @match)
  (#not-commented? @match "(?i)(^|[^\\w-])safety([^\\w-]|$)"))

; raw-pointer arithmetic: `p.add(n)`, `p.offset(n)`, `p.sub(n)` inside an `unsafe` block (outside
; one, the same names are safe `Add`/`Sub` calls or query builders)
((call_expression
   function: (field_expression field: (field_identifier) @op)
   arguments: (arguments . (_) .)) @match
  (#any-of? @op "add" "offset" "sub" "byte_add" "byte_offset" "byte_sub")
  (#inside? @match "unsafe_block")
  (#not-test? @match)
  (#not-commented? @match "(?i)(^|[^\\w-])safety([^\\w-]|$)"))
