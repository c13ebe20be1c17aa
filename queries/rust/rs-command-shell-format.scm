; A shell (`sh -c`, `cmd /C`, `powershell -Command`) runs a command line assembled with format!/+
; or carrying request data. Only the argument right after the flag is the script; later
; arguments are positional parameters (`$1`) and are not flagged.
; The shell is either in the same builder chain (`Command::new("sh").arg("-c").arg(..)`) or,
; for `cmd.arg("-c").arg(..)` on a variable, created by `Command::new("sh")` in the same function.

; .arg(..) after the shell flag, shell via chain, script built
(call_expression
  function: (field_expression
    value: (call_expression
      function: (field_expression field: (field_identifier) @flag_method)
      arguments: (arguments . (string_literal) @flag .)) @flag_call
    field: (field_identifier) @method)
  arguments: (arguments . (_) @script .)
  (#eq? @flag_method "arg")
  (#eq? @method "arg")
  (#match? @flag "^\"(-[a-z]*c|/[cCkK]|-[Cc]ommand|-EncodedCommand)\"$")
  (#chain-has? @flag_call "new" "\"((/usr)?/bin/)?(sh|bash|zsh|dash|ksh|fish|cmd|cmd\\.exe|powershell|powershell\\.exe|pwsh)\"")
  (#string-built? @script)) @match

; .arg(..) after the shell flag, shell via chain, script tainted
(call_expression
  function: (field_expression
    value: (call_expression
      function: (field_expression field: (field_identifier) @flag_method)
      arguments: (arguments . (string_literal) @flag .)) @flag_call
    field: (field_identifier) @method)
  arguments: (arguments . (_) @script .)
  (#eq? @flag_method "arg")
  (#eq? @method "arg")
  (#match? @flag "^\"(-[a-z]*c|/[cCkK]|-[Cc]ommand|-EncodedCommand)\"$")
  (#chain-has? @flag_call "new" "\"((/usr)?/bin/)?(sh|bash|zsh|dash|ksh|fish|cmd|cmd\\.exe|powershell|powershell\\.exe|pwsh)\"")
  (#tainted? @script "shell")) @match

; .arg(..) after the shell flag, shell via var, script built
(call_expression
  function: (field_expression
    value: (call_expression
      function: (field_expression value: (identifier) @receiver field: (field_identifier) @flag_method)
      arguments: (arguments . (string_literal) @flag .)) @flag_call
    field: (field_identifier) @method)
  arguments: (arguments . (_) @script .)
  (#eq? @flag_method "arg")
  (#eq? @method "arg")
  (#match? @flag "^\"(-[a-z]*c|/[cCkK]|-[Cc]ommand|-EncodedCommand)\"$")
  (#scope-mentions? @flag_call "Command::new\\(\"((/usr)?/bin/)?(sh|bash|zsh|dash|ksh|fish|cmd|cmd\\.exe|powershell|powershell\\.exe|pwsh)\"\\)")
  (#string-built? @script)) @match

; .arg(..) after the shell flag, shell via var, script tainted
(call_expression
  function: (field_expression
    value: (call_expression
      function: (field_expression value: (identifier) @receiver field: (field_identifier) @flag_method)
      arguments: (arguments . (string_literal) @flag .)) @flag_call
    field: (field_identifier) @method)
  arguments: (arguments . (_) @script .)
  (#eq? @flag_method "arg")
  (#eq? @method "arg")
  (#match? @flag "^\"(-[a-z]*c|/[cCkK]|-[Cc]ommand|-EncodedCommand)\"$")
  (#scope-mentions? @flag_call "Command::new\\(\"((/usr)?/bin/)?(sh|bash|zsh|dash|ksh|fish|cmd|cmd\\.exe|powershell|powershell\\.exe|pwsh)\"\\)")
  (#tainted? @script "shell")) @match

; .args(..) after the shell flag, shell via chain, script built
(call_expression
  function: (field_expression field: (field_identifier) @method) @flag_call
  arguments: (arguments . [
    (array_expression (string_literal) @flag . (_) @script)
    (reference_expression value: (array_expression (string_literal) @flag . (_) @script))
  ])
  (#eq? @method "args")
  (#match? @flag "^\"(-[a-z]*c|/[cCkK]|-[Cc]ommand|-EncodedCommand)\"$")
  (#chain-has? @flag_call "new" "\"((/usr)?/bin/)?(sh|bash|zsh|dash|ksh|fish|cmd|cmd\\.exe|powershell|powershell\\.exe|pwsh)\"")
  (#string-built? @script)) @match

; .args(..) after the shell flag, shell via chain, script tainted
(call_expression
  function: (field_expression field: (field_identifier) @method) @flag_call
  arguments: (arguments . [
    (array_expression (string_literal) @flag . (_) @script)
    (reference_expression value: (array_expression (string_literal) @flag . (_) @script))
  ])
  (#eq? @method "args")
  (#match? @flag "^\"(-[a-z]*c|/[cCkK]|-[Cc]ommand|-EncodedCommand)\"$")
  (#chain-has? @flag_call "new" "\"((/usr)?/bin/)?(sh|bash|zsh|dash|ksh|fish|cmd|cmd\\.exe|powershell|powershell\\.exe|pwsh)\"")
  (#tainted? @script "shell")) @match

; .args(..) after the shell flag, shell via var, script built
(call_expression
  function: (field_expression value: (identifier) @receiver field: (field_identifier) @method) @flag_call
  arguments: (arguments . [
    (array_expression (string_literal) @flag . (_) @script)
    (reference_expression value: (array_expression (string_literal) @flag . (_) @script))
  ])
  (#eq? @method "args")
  (#match? @flag "^\"(-[a-z]*c|/[cCkK]|-[Cc]ommand|-EncodedCommand)\"$")
  (#scope-mentions? @flag_call "Command::new\\(\"((/usr)?/bin/)?(sh|bash|zsh|dash|ksh|fish|cmd|cmd\\.exe|powershell|powershell\\.exe|pwsh)\"\\)")
  (#string-built? @script)) @match

; .args(..) after the shell flag, shell via var, script tainted
(call_expression
  function: (field_expression value: (identifier) @receiver field: (field_identifier) @method) @flag_call
  arguments: (arguments . [
    (array_expression (string_literal) @flag . (_) @script)
    (reference_expression value: (array_expression (string_literal) @flag . (_) @script))
  ])
  (#eq? @method "args")
  (#match? @flag "^\"(-[a-z]*c|/[cCkK]|-[Cc]ommand|-EncodedCommand)\"$")
  (#scope-mentions? @flag_call "Command::new\\(\"((/usr)?/bin/)?(sh|bash|zsh|dash|ksh|fish|cmd|cmd\\.exe|powershell|powershell\\.exe|pwsh)\"\\)")
  (#tainted? @script "shell")) @match

; .args(vec!["-c", &script]) in a builder chain on Command::new("sh")
((call_expression
  function: (field_expression field: (field_identifier) @method) @flag_call
  arguments: (arguments . (macro_invocation
    macro: (identifier) @vec
    (token_tree . (string_literal) @flag . (identifier) @script)))) @match
  (#eq? @method "args")
  (#eq? @vec "vec")
  (#match? @flag "^\"(-[a-z]*c|/[cCkK]|-[Cc]ommand|-EncodedCommand)\"$")
  (#chain-has? @flag_call "new" "\"((/usr)?/bin/)?(sh|bash|zsh|dash|ksh|fish|cmd|cmd\\.exe|powershell|powershell\\.exe|pwsh)\"")
  (#string-built? @script))

; Cross-platform form: let (shell, flag) = if cfg!(windows) { ("cmd", "/C") } else { ("sh", "-c") };
; Command::new(shell).arg(flag).arg(<built>)
((call_expression
  function: (field_expression
    value: (call_expression
      function: (field_expression
        value: (call_expression function: (_) @ctor arguments: (arguments . (identifier) @shell .))
        field: (field_identifier) @flag_method)
      arguments: (arguments . (identifier) @flag .)) @flag_call
    field: (field_identifier) @method)
  arguments: (arguments . (_) @script .)) @match
  (#eq? @flag_method "arg")
  (#eq? @method "arg")
  (#resolves-to? @ctor "*Command::new")
  (#scope-mentions? @flag_call "\"(sh|bash|cmd|cmd\\.exe|powershell|pwsh|/bin/sh|/bin/bash)\"")
  (#scope-mentions? @flag_call "\"(-c|/C|/c|-Command)\"")
  (#string-built? @script))

; subprocess crate: Exec::shell(<built or request data>) runs `sh -c` / `cmd.exe /C`.
((call_expression
  function: (scoped_identifier) @callee
  arguments: (arguments . (_) @script)) @match
  (#resolves-to? @callee "subprocess::Exec::shell" "Exec::shell")
  (#string-built? @script))

((call_expression
  function: (scoped_identifier) @callee
  arguments: (arguments . (_) @script)) @match
  (#resolves-to? @callee "subprocess::Exec::shell" "Exec::shell")
  (#tainted? @script "shell"))
