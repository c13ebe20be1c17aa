(call_expression
  function: [(identifier) (scoped_identifier) (generic_function)] @callee
  (#resolves-to? @callee "std::mem::transmute*" "core::mem::transmute*" "mem::transmute*" "transmute*" "std::intrinsics::transmute*")) @match
