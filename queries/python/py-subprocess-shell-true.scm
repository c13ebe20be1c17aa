; A command handed to a shell (subprocess with shell=True, asyncio.create_subprocess_shell, or an
; argument list that starts a shell with -c) whose text is not constant. Parts passed through
; shlex.quote (or another shell sanitizer in _dataflow.toml) count as constant. A literal command
; with shell=True, list-form commands without a shell, and shell=False are not flagged, nor is
; test code.

; subprocess.run(f"tar czf {out} {src}", shell=True)
((call
    function: (_) @callee
    arguments: (argument_list
      . (_) @cmd)
    (#not-match? @cmd "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*|\\[)")
    (#resolves-to? @callee "subprocess.run" "subprocess.call" "subprocess.check_call" "subprocess.check_output" "subprocess.Popen")
    (#not-sanitized? @cmd "shell")
    (#not-test? @callee)) @match
  (#kwarg? @match "shell" "True|1"))

; subprocess.run(args=cmd, shell=True)
((call
    function: (_) @callee
    arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @cmd))
    (#eq? @kw "args")
    (#resolves-to? @callee "subprocess.run" "subprocess.call" "subprocess.check_call" "subprocess.check_output" "subprocess.Popen")
    (#not-sanitized? @cmd "shell")
    (#not-test? @callee)) @match
  (#kwarg? @match "shell" "True|1"))

; subprocess.run([f"grep {pattern} log.txt"], shell=True): with a shell, the first item is the script.
((call
    function: (_) @callee
    arguments: (argument_list . (list . (_) @cmd))
    (#resolves-to? @callee "subprocess.run" "subprocess.call" "subprocess.check_call" "subprocess.check_output" "subprocess.Popen")
    (#not-sanitized? @cmd "shell")
    (#not-test? @callee)) @match
  (#kwarg? @match "shell" "True|1"))

; asyncio.create_subprocess_shell(cmd) always uses a shell.
(call
  function: (_) @callee
  arguments: (argument_list
    . (_) @cmd)
  (#not-match? @cmd "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*|\\[)")
  (#resolves-to? @callee "asyncio.create_subprocess_shell" "asyncio.subprocess.create_subprocess_shell")
  (#not-sanitized? @cmd "shell")
  (#not-test? @callee)) @match

; subprocess.run(["bash", "-c", f"convert {name} out.png"]): a shell started by hand.
(call
  function: (_) @callee
  arguments: (argument_list . (list . (string) @shell . (string) @flag . (_) @cmd))
  (#resolves-to? @callee "subprocess.*" "asyncio.create_subprocess_exec")
  (#match? @shell "^[rbu]?['\"](/usr)?(/bin/)?(ba|z|da|k|fi)?sh['\"]$")
  (#match? @flag "^[rbu]?['\"]-[a-z]*c['\"]$")
  (#not-sanitized? @cmd "shell")
  (#not-test? @callee)) @match

; asyncio.create_subprocess_exec("sh", "-c", cmd)
(call
  function: (_) @callee
  arguments: (argument_list . (string) @shell . (string) @flag . (_) @cmd)
  (#resolves-to? @callee "asyncio.create_subprocess_exec")
  (#match? @shell "^[rbu]?['\"](/usr)?(/bin/)?(ba|z|da|k|fi)?sh['\"]$")
  (#match? @flag "^[rbu]?['\"]-[a-z]*c['\"]$")
  (#not-sanitized? @cmd "shell")
  (#not-test? @callee)) @match
