; Request data (axum/actix extractors, see _dataflow.toml) reaches a filesystem call as a path,
; directly or through `base.join(name)`, `format!("uploads/{name}")` or a variable. Not flagged
; when the function checks the path (`canonicalize` + `starts_with`, `components()` for
; `ParentDir`) or reduces it to a file name (`Path::new(&n).file_name()`, sanitize_filename).
; The finding is on the file access, so `base.join(name)` followed by `fs::read(path)` is
; reported once.

; fs::read(p), fs::write(p, ..), tokio::fs::remove_file(p), File::open(p), NamedFile::open(p)
((call_expression
  function: [(identifier) (scoped_identifier) (generic_function)] @callee
  arguments: (arguments . (_) @path)) @match
  (#resolves-to? @callee "std::fs::*" "tokio::fs::*" "async_std::fs::*" "fs_err::*" "File::open" "File::create" "File::create_new" "*NamedFile::open" "*NamedFile::open_async" "*ServeFile::new" "*ServeDir::new")
  (#not-resolves-to? @callee "*::File::options" "*::OpenOptions::new" "*::DirBuilder::new")
  (#tainted? @path "path"))

; fs::copy(from, to) / fs::rename(from, to) / hard_link: the destination.
((call_expression
  function: [(identifier) (scoped_identifier)] @callee
  arguments: (arguments . (_) . (_) @path)) @match
  (#resolves-to? @callee "std::fs::copy" "std::fs::rename" "std::fs::hard_link" "tokio::fs::copy" "tokio::fs::rename" "tokio::fs::hard_link" "async_std::fs::copy" "async_std::fs::rename")
  (#tainted? @path "path"))

; OpenOptions::new().write(true).open(p) / File::options().append(true).open(p)
((call_expression
  function: (field_expression field: (field_identifier) @callee)
  arguments: (arguments . (_) @path .)) @match
  (#eq? @callee "open")
  (#match? @match "OpenOptions|File::options|options\\(\\)")
  (#tainted? @path "path"))
