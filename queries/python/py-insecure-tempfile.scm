; Predictable temporary file names: tempfile.mktemp (name chosen, file created later) and
; fixed paths under the shared /tmp, /var/tmp or /dev/shm directories, where another local user
; can pre-create the file or plant a symlink. Test code is skipped.

(call
  function: (_) @fn @match
  (#match? @fn "(mktemp|tempnam|tmpnam)$")
  (#resolves-to? @fn "tempfile.mktemp" "os.tempnam" "os.tmpnam")
  (#not-test? @fn))

; "/tmp/name", f"/tmp/{name}" or "/tmp/" + name passed to a call: open(...), Path(...),
; logging.basicConfig(filename=...), df.to_csv(...). `dir=` of tempfile functions, string checks
; such as path.startswith("/tmp/"), messages and tempfile.* calls are not flagged.
(call
  function: (_) @fn
  arguments: (argument_list
    [(string) @path
     (binary_operator left: (string) @prefix operator: "+")] @match)
  (#match? @path "^[fFrRbBuU]{0,2}(\"|'|\"\"\"|''')/(tmp|var/tmp|dev/shm)/[^\"']")
  (#match? @prefix "^[rRbBuU]?(\"|')/(tmp|var/tmp|dev/shm)/(\"|')$")
  (#not-match? @fn "(^|\\.)(startswith|endswith|removeprefix|replace|find|index|rfind|split|strip|lstrip|rstrip|count|match|search|fullmatch|sub|print|debug|info|warning|error|exception|critical)$")
  (#not-resolves-to? @fn "tempfile.*")
  (#not-match? @match "uuid4|token_hex|token_urlsafe")
  (#not-test? @fn))

(call
  function: (_) @fn
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @kw
      value: [(string) @path
              (binary_operator left: (string) @prefix operator: "+")]) @match)
  (#not-eq? @kw "dir")
  (#match? @path "^[fFrRbBuU]{0,2}(\"|'|\"\"\"|''')/(tmp|var/tmp|dev/shm)/[^\"']")
  (#match? @prefix "^[rRbBuU]?(\"|')/(tmp|var/tmp|dev/shm)/(\"|')$")
  (#not-resolves-to? @fn "tempfile.*")
  (#not-match? @match "uuid4|token_hex|token_urlsafe")
  (#not-test? @fn))

; OUTPUT = "/tmp/report.json", path = f"/tmp/{job_id}.png", path = "/tmp/" + name
(assignment
  right: [(string) @path
          (binary_operator left: (string) @prefix operator: "+")] @match
  (#match? @path "^[fFrRbBuU]{0,2}(\"|'|\"\"\"|''')/(tmp|var/tmp|dev/shm)/[^\"']")
  (#match? @prefix "^[rRbBuU]?(\"|')/(tmp|var/tmp|dev/shm)/(\"|')$")
  (#not-match? @match "uuid4|token_hex|token_urlsafe")
  (#not-test? @match))

; def save(path="/tmp/out.json")
([(default_parameter value: (string) @path @match)
  (typed_default_parameter value: (string) @path @match)]
  (#match? @path "^[fFrRbBuU]{0,2}(\"|'|\"\"\"|''')/(tmp|var/tmp|dev/shm)/[^\"']")
  (#not-test? @path))

; os.path.join("/tmp", "name.txt")
(call
  function: (_) @fn
  arguments: (argument_list
    .
    (string) @path
    .
    (_))
  (#match? @fn "join$")
  (#match? @path "^[rRbBuU]?(\"|')/(tmp|var/tmp|dev/shm)/?(\"|')$")
  (#resolves-to? @fn "os.path.join" "posixpath.join")
  (#not-test? @fn)) @match

; Path("/tmp") / "report.json"
(binary_operator
  left: (call
    function: (_) @fn
    arguments: (argument_list . (string) @path .))
  operator: "/"
  (#match? @path "^[rRbBuU]?(\"|')/(tmp|var/tmp|dev/shm)/?(\"|')$")
  (#resolves-to? @fn "pathlib.Path" "pathlib.PurePath" "pathlib.PosixPath")
  (#not-match? @match "uuid4|token_hex|token_urlsafe")
  (#not-test? @fn)) @match
