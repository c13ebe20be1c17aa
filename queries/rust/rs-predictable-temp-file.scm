; A file with a fixed or guessable name in the shared temp directory: another local user can
; create it (or a symlink with that name) first. `tempfile::NamedTempFile`, `tempfile()` and
; `tempdir()` pick random names and open them exclusively.

; env::temp_dir().join("app.lock") / temp_dir().join(format!("app-{}.pid", process::id()))
((call_expression
  function: (field_expression
    value: (call_expression function: [(identifier) (scoped_identifier)] @dir)
    field: (field_identifier) @method)
  arguments: (arguments . (_) @file .)) @match
  (#eq? @method "join")
  (#resolves-to? @dir "std::env::temp_dir" "env::temp_dir")
  (#constant? @file)
  (#not-test? @match))

((call_expression
  function: (field_expression
    value: (call_expression function: [(identifier) (scoped_identifier)] @dir)
    field: (field_identifier) @method)
  arguments: (arguments . (_) @file .)) @match
  (#eq? @method "join")
  (#resolves-to? @dir "std::env::temp_dir" "env::temp_dir")
  (#match? @file "^&?format!\\((.|\\n)*(process::id|SystemTime|UNIX_EPOCH|Utc::now|Local::now|Instant::now|timestamp|getpid|as_secs|as_millis)")
  (#not-test? @match))

; let dir = env::temp_dir(); dir.join("app.lock")
((call_expression
  function: (field_expression
    value: (identifier) @dir
    field: (field_identifier) @method)
  arguments: (arguments . (_) @file .)) @match
  (#eq? @method "join")
  (#created-by? @dir "std::env::temp_dir" "env::temp_dir")
  (#constant? @file)
  (#not-test? @match))

; File::create("/tmp/x"), fs::write("/tmp/x", ..), OpenOptions::new().write(true).open("/tmp/x"),
; with the path as a literal or `Path::new("/tmp/x")`.
((call_expression
  function: [(identifier) (scoped_identifier)] @method
  arguments: (arguments . (_) @file)) @match
  (#resolves-to? @method "std::fs::File::create" "std::fs::File::create_new" "std::fs::write" "std::fs::create_dir_all" "std::fs::copy" "tokio::fs::File::create" "tokio::fs::write" "tokio::fs::create_dir_all" "async_std::fs::File::create" "async_std::fs::write" "File::create" "fs::write")
  (#match? @file "^&?((std::)?(path::)?(Path::new|PathBuf::from)\\()?\"/(var/)?tmp/")
  (#not-test? @match))

((call_expression
  function: [(identifier) (scoped_identifier)] @method
  arguments: (arguments . (_) . (_) @file)) @match
  (#resolves-to? @method "std::fs::copy" "std::fs::rename" "tokio::fs::copy" "tokio::fs::rename")
  (#match? @file "^&?((std::)?(path::)?(Path::new|PathBuf::from)\\()?\"/(var/)?tmp/")
  (#not-test? @match))

((call_expression
  function: (field_expression field: (field_identifier) @method)
  arguments: (arguments . (_) @file .)) @match
  (#eq? @method "open")
  (#match? @file "^&?((std::)?(path::)?(Path::new|PathBuf::from)\\()?\"/(var/)?tmp/")
  (#match? @match "OpenOptions|File::options|options\\(\\)")
  (#match? @match "\\.(write|append|create|create_new)\\(true\\)")
  (#not-test? @match))
