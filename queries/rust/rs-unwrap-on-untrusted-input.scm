;; `.unwrap()` / `.expect(..)` where the value that may be `Err`/`None` is decided by request
;; data in a web handler (axum/actix/rocket extractor parameters, see _dataflow.toml). Sink class
;; "panic" has no sanitizers of its own; `parse` and `len` (class `all`) still clear a value, so
;; the patterns test the input of the fallible call, not its result.

; id.parse::<u64>().unwrap()   headers.get("x").unwrap()   value.as_str().expect("..")
((call_expression
   function: (field_expression
     value: (call_expression
         function: [
           (field_expression value: (_) @src field: (field_identifier) @op)
           (generic_function function: (field_expression value: (_) @src field: (field_identifier) @op))
         ])
     field: (field_identifier) @unwrap @match))
  (#any-of? @unwrap "unwrap" "expect")
  (#any-of? @op "parse" "get" "get_mut" "to_str" "as_str" "as_u64" "as_i64" "as_f64" "as_bool" "as_object" "as_array" "first" "last" "next" "nth" "try_into" "split_once" "rsplit_once" "strip_prefix" "strip_suffix" "find" "position" "max" "min" "checked_add" "checked_sub" "checked_mul" "checked_div" "decode" "remove" "pop" "next_field" "bytes" "text" "chunk" "json" "file_name" "content_type")
  (#tainted? @src "panic"))
; multipart.next_field().await.unwrap()
((call_expression
   function: (field_expression
     value: (await_expression
       (call_expression
           function: [
             (field_expression value: (_) @src field: (field_identifier) @op)
             (generic_function function: (field_expression value: (_) @src field: (field_identifier) @op))
           ]))
     field: (field_identifier) @unwrap @match))
  (#any-of? @unwrap "unwrap" "expect")
  (#any-of? @op "parse" "get" "get_mut" "to_str" "as_str" "as_u64" "as_i64" "as_f64" "as_bool" "as_object" "as_array" "first" "last" "next" "nth" "try_into" "split_once" "rsplit_once" "strip_prefix" "strip_suffix" "find" "position" "max" "min" "checked_add" "checked_sub" "checked_mul" "checked_div" "decode" "remove" "pop" "next_field" "bytes" "text" "chunk" "json" "file_name" "content_type")
  (#tainted? @src "panic"))
; params.get("page").cloned().unwrap()
((call_expression
   function: (field_expression
     value: (call_expression
       function: (field_expression
         value: (call_expression
             function: [
               (field_expression value: (_) @src field: (field_identifier) @op)
               (generic_function function: (field_expression value: (_) @src field: (field_identifier) @op))
             ])
         field: (field_identifier) @adapter))
     field: (field_identifier) @unwrap @match))
  (#any-of? @unwrap "unwrap" "expect")
  (#any-of? @op "parse" "get" "get_mut" "to_str" "as_str" "as_u64" "as_i64" "as_f64" "as_bool" "as_object" "as_array" "first" "last" "next" "nth" "try_into" "split_once" "rsplit_once" "strip_prefix" "strip_suffix" "find" "position" "max" "min" "checked_add" "checked_sub" "checked_mul" "checked_div" "decode" "remove" "pop" "next_field" "bytes" "text" "chunk" "json" "file_name" "content_type")
  (#any-of? @adapter "cloned" "copied" "map" "map_err" "as_ref" "as_deref" "and_then" "ok" "flatten" "as_mut")
  (#tainted? @src "panic"))
; serde_json::from_slice(&body).unwrap()   Uuid::parse_str(&id).unwrap()   users.get(&id).unwrap()
((call_expression
   function: (field_expression
     value: (call_expression
         function: [
           (identifier) @op
           (scoped_identifier name: (identifier) @op)
           (generic_function function: [(identifier) @op (scoped_identifier name: (identifier) @op)])
           (field_expression field: (field_identifier) @op)
           (generic_function function: (field_expression field: (field_identifier) @op))
         ]
         arguments: (arguments (_) @src))
     field: (field_identifier) @unwrap @match))
  (#any-of? @unwrap "unwrap" "expect")
  (#any-of? @op "from_str" "from_slice" "from_utf8" "from_value" "from_reader" "from_bytes" "from_hex" "from_str_radix" "decode" "decode_vec" "try_from" "parse" "parse_str" "parse_from_str" "parse_from_rfc3339" "parse_from_rfc2822" "get" "get_mut" "remove")
  (#tainted? @src "panic"))
; redis.get(&key).await.unwrap()
((call_expression
   function: (field_expression
     value: (await_expression
       (call_expression
           function: [
             (identifier) @op
             (scoped_identifier name: (identifier) @op)
             (generic_function function: [(identifier) @op (scoped_identifier name: (identifier) @op)])
             (field_expression field: (field_identifier) @op)
             (generic_function function: (field_expression field: (field_identifier) @op))
           ]
           arguments: (arguments (_) @src)))
     field: (field_identifier) @unwrap @match))
  (#any-of? @unwrap "unwrap" "expect")
  (#any-of? @op "from_str" "from_slice" "from_utf8" "from_value" "from_reader" "from_bytes" "from_hex" "from_str_radix" "decode" "decode_vec" "try_from" "parse" "parse_str" "parse_from_str" "parse_from_rfc3339" "parse_from_rfc2822" "get" "get_mut" "remove")
  (#tainted? @src "panic"))
; users.get(&id).cloned().unwrap()
((call_expression
   function: (field_expression
     value: (call_expression
       function: (field_expression
         value: (call_expression
             function: [
               (identifier) @op
               (scoped_identifier name: (identifier) @op)
               (generic_function function: [(identifier) @op (scoped_identifier name: (identifier) @op)])
               (field_expression field: (field_identifier) @op)
               (generic_function function: (field_expression field: (field_identifier) @op))
             ]
             arguments: (arguments (_) @src))
         field: (field_identifier) @adapter))
     field: (field_identifier) @unwrap @match))
  (#any-of? @unwrap "unwrap" "expect")
  (#any-of? @op "from_str" "from_slice" "from_utf8" "from_value" "from_reader" "from_bytes" "from_hex" "from_str_radix" "decode" "decode_vec" "try_from" "parse" "parse_str" "parse_from_str" "parse_from_rfc3339" "parse_from_rfc2822" "get" "get_mut" "remove")
  (#any-of? @adapter "cloned" "copied" "map" "map_err" "as_ref" "as_deref" "and_then" "ok" "flatten" "as_mut")
  (#tainted? @src "panic"))
; body.email.unwrap()   page.unwrap()   (an Option/Result field or name holding request data)
((call_expression
   function: (field_expression
     value: [(identifier) (field_expression)] @src
     field: (field_identifier) @unwrap @match))
  (#any-of? @unwrap "unwrap" "expect")
  (#tainted? @src "panic"))
