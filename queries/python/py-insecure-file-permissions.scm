; World-writable permission bits: a mode whose "other" digit includes write (0o777, 0o666,
; 0o776, 0o1777...), decimal 511/438, or stat.S_IWOTH / S_IRWXO added (masking them out with
; `& ~stat.S_IWOTH` is fine). 0o755, 0o750, 0o700, 0o644, 0o600 are not flagged. Test code is
; skipped.

; os.chmod(p, 0o777), Path(p).chmod(0o777), os.mkdir(p, 0o777), Path(p).mkdir(0o777, ...)
(call
  function: [(identifier) @fn (attribute attribute: (identifier) @fn)]
  arguments: (argument_list
    [(integer) (binary_operator) (attribute)] @mode)
  (#any-of? @fn "chmod" "fchmod" "lchmod" "mkdir" "makedirs" "touch" "mkfifo")
  (#match? @mode "^(0[oO]?[0-7]*[2367]|511|438)$|S_IWOTH|S_IRWXO")
  (#not-match? @mode "~")
  (#not-test? @mode)) @match

; mode=0o777 on the same calls and on os.open
(call
  function: [(identifier) @fn (attribute attribute: (identifier) @fn)]
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @kw
      value: [(integer) (binary_operator) (attribute)] @mode))
  (#eq? @kw "mode")
  (#any-of? @fn "chmod" "fchmod" "lchmod" "mkdir" "makedirs" "touch" "mkfifo" "open")
  (#match? @mode "^(0[oO]?[0-7]*[2367]|511|438)$|S_IWOTH|S_IRWXO")
  (#not-match? @mode "~")
  (#not-match? @fn "^open$")
  (#not-test? @mode)) @match

; os.open(p, flags, 0o777). 0o666 is the mode open() itself uses (the umask narrows it), so it is
; not flagged here.
(call
  function: (_) @fn
  arguments: (argument_list
    (_)
    (_)
    [(integer) (binary_operator) (attribute)] @mode)
  (#match? @fn "open$")
  (#resolves-to? @fn "os.open")
  (#match? @mode "^(0[oO]?[0-7]*[2367]|511)$|S_IWOTH|S_IRWXO")
  (#not-match? @mode "^0[oO]?666$")
  (#not-match? @mode "~")
  (#not-test? @mode)) @match

(call
  function: (_) @fn
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @kw
      value: [(integer) (binary_operator) (attribute)] @mode))
  (#eq? @kw "mode")
  (#match? @fn "open$")
  (#resolves-to? @fn "os.open")
  (#match? @mode "^(0[oO]?[0-7]*[2367]|511)$|S_IWOTH|S_IRWXO")
  (#not-match? @mode "^0[oO]?666$")
  (#not-match? @mode "~")
  (#not-test? @mode)) @match

; os.umask(0) as a statement. `old = os.umask(0); os.umask(old)` only reads the umask.
(expression_statement
  (call
    function: (_) @fn
    arguments: (argument_list . (integer) @mode .)) @match
  (#match? @fn "umask$")
  (#resolves-to? @fn "os.umask")
  (#match? @mode "^(0|0[oO]?[0-7]*[0145])$")
  (#not-test? @mode))

; chmod 777 through a shell: os.system("chmod 777 ..."), subprocess.run(f"chmod -R 777 {d}", ...)
((string) @match
  (#match? @match "^[fFrRbBuU]{0,2}['\"]{1,3}(sudo\\s+)?chmod\\s+(-[A-Za-z]+\\s+)*(0?[0-7]?[0-7][0-7][2367]|[ugo]*[oa][ugo]*\\+[rx]*w[rxX]*)\\s")
  (#not-test? @match))

; subprocess.run(["chmod", "777", path]), ["chmod", "-R", "a+w", path]
(list
  (string) @cmd
  .
  (string)*
  .
  (string) @mode
  (#match? @cmd "^[rRbBuU]?['\"](sudo\\s+)?chmod['\"]$")
  (#match? @mode "^[rRbBuU]?['\"](0?[0-7]?[0-7][0-7][2367]|[ugo]*[oa][ugo]*\\+[rx]*w[rxX]*)['\"]$")
  (#not-test? @mode)) @match
