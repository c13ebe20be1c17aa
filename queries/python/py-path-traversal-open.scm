; Request data reaches a file-system path: open(), send_file, FileResponse, os.remove, shutil.*,
; pathlib read/write methods, upload .save(). `secure_filename`/`os.path.basename` sanitize; a
; containment check in the function (`is_relative_to`, `commonpath`, `startswith`, `safe_join`)
; guards. send_from_directory is the safe API and is not a sink.

; open(os.path.join(BASE, name)), send_file(path), FileResponse(path), os.remove(path)
(call
  function: (_) @callee
  arguments: (argument_list
    . (_) @path)
  (#not-match? @path "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
  (#resolves-to? @callee "open" "builtins.open" "io.open" "codecs.open" "aiofiles.open" "os.open"
    "flask.send_file" "flask.helpers.send_file" "werkzeug.utils.send_file"
    "fastapi.responses.FileResponse" "starlette.responses.FileResponse"
    "os.remove" "os.unlink" "os.rmdir" "os.removedirs" "os.listdir" "os.scandir" "os.walk"
    "os.truncate" "os.chmod" "os.chown" "shutil.rmtree" "pathlib.Path" "pathlib.PurePath"
    "pandas.read_csv" "pandas.read_excel" "pandas.read_json" "pandas.read_parquet" "pandas.read_table")
  (#tainted? @path "path")) @match

; FileResponse(path=...), send_file(path_or_file=...), open(file=...)
(call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @path))
  (#any-of? @kw "path" "file" "path_or_file")
  (#resolves-to? @callee "open" "builtins.open" "io.open" "aiofiles.open"
    "flask.send_file" "flask.helpers.send_file" "fastapi.responses.FileResponse" "starlette.responses.FileResponse")
  (#tainted? @path "path")) @match

; shutil.copy(src, dst), shutil.move, os.rename(src, dst): any path argument
(call
  function: (_) @callee
  arguments: (argument_list
    (_) @path)
  (#not-match? @path "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*|\\[|\\{|[0-9])")
  (#resolves-to? @callee "shutil.copy" "shutil.copy2" "shutil.copyfile" "shutil.copytree" "shutil.move"
    "os.rename" "os.replace" "os.renames" "os.link" "os.symlink")
  (#tainted? @path "path")) @match

; (UPLOAD_DIR / name).read_text(), Path(user_path).write_bytes(data), target.unlink()
(call
  function: (attribute object: (_) @path attribute: (identifier) @method)
  (#any-of? @method "read_text" "read_bytes" "write_text" "write_bytes" "unlink" "rmdir")
  (#tainted? @path "path")) @match

; Path(base, name).open("rb"), (base / name).open()
(call
  function: (attribute
    object: (_) @path
    attribute: (identifier) @method)
  (#eq? @method "open")
  (#match? @path "(?s)^([A-Za-z_.]*Path\\(.*\\)|\\(.*\\s/\\s.*\\))$")
  (#tainted? @path "path")) @match

; upload.save(os.path.join(UPLOAD_FOLDER, upload.filename)) (werkzeug FileStorage, PIL images).
; Django storages (default_storage.save, FileSystemStorage().save) validate names and are skipped.
(call
  function: (attribute object: (_) @obj attribute: (identifier) @method)
  arguments: (argument_list
    . (_) @path)
  (#not-match? @path "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
  (#eq? @method "save")
  (#not-match? @obj "^(default_storage|storage|fs|.*\\.storage)$")
  (#not-created-by? @obj "*Storage" "*storages*" "*get_storage_class*")
  (#tainted? @path "path")) @match

; A helper that receives the upload object and writes it under the client's file name:
; upload.save(os.path.join(dir, upload.filename)), open(f"{dir}/{upload.filename}", "wb"), also a
; zip/tar member name written by hand. `secure_filename(upload.filename)` is not matched.
(call
  function: (attribute object: (_) @obj attribute: (identifier) @method)
  arguments: (argument_list
    . (_) @path)
  (#not-match? @path "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
  (#eq? @method "save")
  (#not-match? @obj "^(default_storage|storage|fs|.*\\.storage)$")
  (#not-created-by? @obj "*Storage" "*storages*" "*get_storage_class*")
  (#value-matches? @path "(?s).*[,\\s{/+]\\s*[A-Za-z_][A-Za-z0-9_.]*\\.filename\\b.*")) @match

(call
  function: (_) @callee
  arguments: (argument_list
    . (_) @path
    . (string) @mode)
  (#not-match? @path "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
  (#resolves-to? @callee "open" "builtins.open" "io.open" "aiofiles.open")
  (#match? @mode "[wax]")
  (#value-matches? @path "(?s).*[,\\s{/+]\\s*[A-Za-z_][A-Za-z0-9_.]*\\.filename\\b.*")) @match
