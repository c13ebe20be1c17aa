; ECB mode: PyCryptodome/PyCrypto MODE_ECB passed to a cipher, cryptography's modes.ECB(), and
; PyCrypto's AES.new(key), whose default mode is ECB.
(call
  arguments: (argument_list
    (attribute attribute: (identifier) @mode) @match)
  (#eq? @mode "MODE_ECB"))

(keyword_argument
  name: (identifier) @kw
  value: (attribute attribute: (identifier) @mode) @match
  (#eq? @kw "mode")
  (#eq? @mode "MODE_ECB"))

((call function: (_) @callee) @match
  (#resolves-to? @callee "cryptography.hazmat.*modes.ECB"))

((call
  function: (_) @callee
  arguments: (argument_list . (_) @key .)) @match
  (#not-match? @key "=")
  (#resolves-to? @callee "Crypto.Cipher.AES.new" "Cryptodome.Cipher.AES.new"))
