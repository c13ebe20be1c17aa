; mem::uninitialized(): deprecated, undefined behaviour for nearly every type
((call_expression
   function: [(identifier) (scoped_identifier) (generic_function)] @callee) @match
  (#resolves-to? @callee "std::mem::uninitialized" "core::mem::uninitialized" "mem::uninitialized")
  (#not-test? @match))

; MaybeUninit::uninit().assume_init() chained directly: nothing was initialized. The
; `[MaybeUninit<T>; N]` array idiom is sound; files that use that type anywhere (often as a struct
; field filled this way) are skipped.
((call_expression
   function: (field_expression
     value: (call_expression
       function: [(scoped_identifier) (generic_function)] @ctor
       arguments: (arguments) @args)
     field: (field_identifier) @method)) @match
  (#eq? @method "assume_init")
  (#match? @args "^\\(\\s*\\)$")
  (#match? @ctor "MaybeUninit(\\s*::\\s*<.*>)?\\s*::\\s*uninit$")
  (#not-match? @ctor "\\[\\s*((std|core)::)?(mem::)?MaybeUninit\\s*<")
  (#no-file-mentions? "\\[\\s*((std|core)::)?(mem::)?MaybeUninit\\s*<")
  (#not-test? @match))

; mem::zeroed() for a type whose all-zero value is invalid (references, Box, Vec, String, Rc,
; Arc, NonNull, NonZero*, fn pointers, maps) or a bare generic parameter. Zeroed plain-data
; and C structs are fine and not reported.
((call_expression
   function: (generic_function
     function: [(identifier) (scoped_identifier)] @callee
     type_arguments: (type_arguments . (_) @ty))) @match
  (#resolves-to? @callee "std::mem::zeroed" "core::mem::zeroed" "mem::zeroed")
  (#match? @ty "^(&|((std|core|alloc)::)?((boxed|vec|string|rc|sync|ptr|num|collections)::)?(Box|Vec|String|Rc|Arc|NonNull|NonZero[A-Za-z0-9]*|HashMap|HashSet|BTreeMap|BTreeSet|VecDeque)\\b|fn\\s*\\(|[A-Z]$)")
  (#not-test? @match))
(let_declaration
  type: (_) @ty
  value: [
    (call_expression function: [(identifier) (scoped_identifier)] @callee) @match
    (unsafe_block (block (call_expression function: [(identifier) (scoped_identifier)] @callee) @match .))
  ]
  (#resolves-to? @callee "std::mem::zeroed" "core::mem::zeroed" "mem::zeroed")
  (#match? @ty "^(&|((std|core|alloc)::)?((boxed|vec|string|rc|sync|ptr|num|collections)::)?(Box|Vec|String|Rc|Arc|NonNull|NonZero[A-Za-z0-9]*|HashMap|HashSet|BTreeMap|BTreeSet|VecDeque)\\b|fn\\s*\\(|[A-Z]$)")
  (#not-test? @match))
