; Application code that installs packages while it runs: subprocess / os.system running
; `pip install`, `python -m pip install`, `uv pip install`, `uv add`, `conda install`, or pip.main().
; Test code is skipped.

; subprocess.check_call([sys.executable, "-m", "pip", "install", pkg]), subprocess.run("pip install x")
(call
  function: (_) @api
  arguments: (argument_list . (_) @cmd @match)
  (#resolves-to? @api "subprocess.*" "os.system" "os.popen" "os.exec*" "os.spawn*"
    "asyncio.create_subprocess_shell" "asyncio.create_subprocess_exec")
  (#match? @cmd "(?i)\\b(pip3?|conda|mamba|micromamba|easy_install|pipenv|poetry|uv)(\\.exe)?['\"]?[\\s,]+(['\"]?(pip|-m)['\"]?[\\s,]+)*['\"]?(install|add)\\b")
  (#not-test? @api))

; asyncio.create_subprocess_exec(sys.executable, "-m", "pip", "install", pkg), os.execlp("pip", "pip", "install", x)
(call
  function: (_) @api
  arguments: (argument_list (string) @tool @match @cmd . (string) @verb)
  (#resolves-to? @api "asyncio.create_subprocess_exec" "os.exec*" "os.spawn*")
  (#match? @tool "(?i)^[rbu]?['\"](pip3?|conda|mamba|uv|poetry|pipenv)['\"]$")
  (#match? @verb "(?i)^[rbu]?['\"](install|add)['\"]$")
  (#not-test? @api))

; pip.main(["install", pkg]), pip._internal.main(["install", ...])
(call
  function: (_) @api
  arguments: (argument_list . (_) @cmd @match)
  (#resolves-to? @api "pip.main" "pip._internal.main" "pip._internal.main.main" "pip._internal.cli.main.main")
  (#match? @cmd "(?i)['\"]install['\"]")
  (#not-test? @api))
