; Model output becomes a shell command or the program a subprocess runs.

; os.system(cmd), os.popen(cmd), subprocess.getoutput(cmd)
(call
  function: (_) @callee
  arguments: (argument_list . (_) @cmd)
  (#not-match? @cmd "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
  (#resolves-to? @callee "os.system" "os.popen" "subprocess.getoutput" "subprocess.getstatusoutput"
    "asyncio.create_subprocess_shell" "pexpect.spawn" "pexpect.run")
  (#tainted? @cmd "shell" "model-output")) @match

; subprocess.run(cmd, shell=True) / subprocess.run(cmd.split()) / subprocess.run(shlex.split(cmd)):
; the model picks the program either way.
(call
  function: (_) @callee
  arguments: (argument_list . (_) @cmd)
  (#not-match? @cmd "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*|\\[)")
  (#resolves-to? @callee "subprocess.run" "subprocess.call" "subprocess.check_call" "subprocess.check_output" "subprocess.Popen" "asyncio.create_subprocess_exec")
  (#tainted? @cmd "shell" "model-output")) @match

; subprocess.run([program, ...]) with a model-chosen program
(call
  function: (_) @callee
  arguments: (argument_list . (list . (_) @cmd))
  (#resolves-to? @callee "subprocess.run" "subprocess.call" "subprocess.check_call" "subprocess.check_output" "subprocess.Popen")
  (#tainted? @cmd "shell" "model-output")) @match

; subprocess.run(["bash", "-c", cmd])
(call
  function: (_) @callee
  arguments: (argument_list . (list . (string) @shell . (string) @flag . (_) @cmd))
  (#resolves-to? @callee "subprocess.*" "asyncio.create_subprocess_exec")
  (#match? @shell "^[rbu]?['\"](/usr)?(/bin/)?(ba|z|da|k|fi)?sh['\"]$")
  (#match? @flag "^[rbu]?['\"]-[a-z]*c['\"]$")
  (#tainted? @cmd "shell" "model-output")) @match
