; paramiko accepts unknown SSH host keys: set_missing_host_key_policy(AutoAddPolicy())
; or WarningPolicy (which only logs). Paramiko also accepts the class itself. Test code (throwaway
; SSH servers in containers) is skipped.
(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list
    .
    [(call function: (_) @policy)
     (identifier) @policy
     (attribute) @policy])
  (#eq? @method "set_missing_host_key_policy")
  (#match? @policy "(AutoAddPolicy|WarningPolicy)$")
  (#resolves-to? @policy "*AutoAddPolicy" "*WarningPolicy")
  (#not-test? @policy)) @match

; policy = paramiko.AutoAddPolicy(); client.set_missing_host_key_policy(policy)
(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list . (identifier) @policy)
  (#eq? @method "set_missing_host_key_policy")
  (#value-matches? @policy "(?s).*\\b(AutoAddPolicy|WarningPolicy)\\b.*")
  (#not-test? @policy)) @match
