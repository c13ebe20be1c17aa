; os.system / os.popen and the other string-command APIs run their argument through a shell. Flag
; them when the command is not constant (parts passed through shlex.quote count as constant).
; Test code is skipped.

; os.system(f"ping -c 1 {host}")
(call
  function: (_) @callee
  arguments: (argument_list
    . (_) @cmd)
  (#not-match? @cmd "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*|\\[)")
  (#resolves-to? @callee "os.system" "os.popen" "os.popen2" "os.popen3" "os.popen4" "posix.system"
    "subprocess.getoutput" "subprocess.getstatusoutput" "commands.getoutput" "commands.getstatusoutput"
    "platform.popen")
  (#not-sanitized? @cmd "shell")
  (#not-test? @callee)) @match

; os.system(command=cmd) style keyword use
(call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @cmd))
  (#any-of? @kw "command" "cmd")
  (#resolves-to? @callee "os.system" "os.popen" "subprocess.getoutput" "subprocess.getstatusoutput")
  (#not-sanitized? @cmd "shell")
  (#not-test? @callee)) @match

; os.execl("/bin/sh", "sh", "-c", cmd) / os.spawnlp(os.P_WAIT, "sh", "sh", "-c", cmd)
(call
  function: (_) @callee
  arguments: (argument_list (string) @flag . (_) @cmd)
  (#resolves-to? @callee "os.exec*" "os.spawn*" "os.posix_spawn*")
  (#match? @flag "^[rbu]?['\"]-[a-z]*c['\"]$")
  (#not-sanitized? @cmd "shell")
  (#not-test? @callee)) @match

; os.execv("/bin/sh", ["sh", "-c", cmd])
(call
  function: (_) @callee
  arguments: (argument_list (list (string) @flag . (_) @cmd))
  (#resolves-to? @callee "os.exec*" "os.spawn*" "os.posix_spawn*")
  (#match? @flag "^[rbu]?['\"]-[a-z]*c['\"]$")
  (#not-sanitized? @cmd "shell")
  (#not-test? @callee)) @match
