; LangChain vector stores and retrievers (FAISS/Annoy/ScaNN load_local, SKLearnVectorStore, ...)
; refuse to unpickle an index unless this flag is set.
(call
  function: (_) @callee
  arguments: (argument_list
    (keyword_argument name: (identifier) @kw value: (true)) @flag)
  (#eq? @kw "allow_dangerous_deserialization")) @match

; Keras 3 / tf.keras: safe_mode=False lets a .keras file deserialize Lambda layers (bytecode).
(call
  function: (_) @callee
  arguments: (argument_list
    (keyword_argument name: (identifier) @kw value: (false)) @flag)
  (#eq? @kw "safe_mode")
  (#resolves-to? @callee "keras.*" "tensorflow.keras.*" "tf_keras.*")) @match

; ... and the process-wide switch for the same thing.
(call
  function: (_) @callee
  (#resolves-to? @callee "keras.config.enable_unsafe_deserialization" "keras.src.saving.serialization_lib.enable_unsafe_deserialization" "tensorflow.keras.config.enable_unsafe_deserialization" "tf_keras.config.enable_unsafe_deserialization")) @flag @match
