; Model output decides which file is opened, written or deleted. Writing model output *into* a
; file the application names is fine and not matched.
(call
  function: (_) @callee
  arguments: (argument_list . (_) @path)
  (#not-match? @path "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
  (#resolves-to? @callee "open" "builtins.open" "io.open" "aiofiles.open" "os.open"
    "os.remove" "os.unlink" "os.rmdir" "os.removedirs" "os.makedirs" "os.mkdir" "os.chmod"
    "shutil.rmtree" "shutil.copy" "shutil.copy2" "shutil.copyfile" "shutil.copytree" "shutil.move"
    "os.rename" "os.replace" "pathlib.Path" "flask.send_file" "fastapi.responses.FileResponse"
    "starlette.responses.FileResponse")
  (#tainted? @path "path" "model-output")) @match

; Path(answer).write_text(...), (base / answer).unlink()
(call
  function: (attribute object: (_) @path attribute: (identifier) @callee)
  (#any-of? @callee "read_text" "read_bytes" "write_text" "write_bytes" "unlink" "rmdir" "touch" "mkdir")
  (#tainted? @path "path" "model-output")) @match
