;; `#[allow(..)]` / `#![allow(..)]` (and `expect`) of a security-relevant rustc or Clippy lint
;; with no justification: neither a `reason = ".."` nor a plain comment of at least three words
;; directly above or trailing it. Doc comments do not count. Test modules and functions are skipped.
([
  (attribute_item (attribute (identifier) @attr arguments: (token_tree) @lints)) @match
  (inner_attribute_item (attribute (identifier) @attr arguments: (token_tree) @lints)) @match
]
  (#any-of? @attr "allow" "expect")
  (#match? @lints "(^|[(,\\s])(unsafe_code|warnings|unused_must_use|invalid_value|static_mut_refs|unsafe_op_in_unsafe_fn|mutable_transmutes|invalid_reference_casting|clippy\\s*::\\s*(all|correctness|suspicious|unwrap_used|expect_used|panic|todo|unimplemented|indexing_slicing|undocumented_unsafe_blocks|missing_safety_doc|multiple_unsafe_ops_per_block|not_unsafe_ptr_arg_deref|mut_from_ref|uninit_assumed_init|uninit_vec|transmute_ptr_to_ref|cast_ptr_alignment|let_underscore_must_use|let_underscore_future|non_send_fields_in_send_ty|unwrap_in_result|await_holding_lock))\\s*[,)]")
  (#not-match? @lints "\\breason\\s*=")
  (#not-commented? @match "^(//[^/!]|/\\*[^*!])\\s*\\S+\\s+\\S+\\s+\\S+")
  (#not-test? @match))
