; Tar extraction without an extraction filter: member names such as ../../etc/cron.d/x, absolute
; paths and symlinks are written outside the target directory (CVE-2007-4559). Python 3.12+
; (and security backports) accept filter="data". Any filter other than "fully_trusted"/None counts
; as a deliberate choice. zipfile.extractall is not flagged: CPython strips ".." and absolute paths
; from zip member names and creates no symlinks. Test code and calls passing **kwargs are skipped.

; tarfile.open(p).extractall(dest), with tarfile.open(p) as tar: tar.extractall(dest)

((call
    function: (attribute object: (_) @archive attribute: (identifier) @method) @api
    (#any-of? @method "extractall" "extract")
    (#created-by? @archive "tarfile.open" "tarfile.TarFile" "tarfile.TarFile.*")
    (#no-scope-mentions? @archive "is_within_directory|commonpath|commonprefix|is_relative_to|relative_to\\(|realpath|\\.resolve\\(")) @match
  (#no-kwarg? @match "filter")
  (#not-match? @match "\\*\\*[A-Za-z_]")
  (#not-test? @match))

((call
    function: (attribute object: (_) @archive attribute: (identifier) @method) @api
    (#any-of? @method "extractall" "extract")
    (#created-by? @archive "tarfile.open" "tarfile.TarFile" "tarfile.TarFile.*")
    (#no-scope-mentions? @archive "is_within_directory|commonpath|commonprefix|is_relative_to|relative_to\\(|realpath|\\.resolve\\(")) @match
  (#kwarg? @match "filter" "['\"]fully_trusted['\"]|None|(tarfile\\.)?fully_trusted_filter")
  (#not-match? @match "\\*\\*[A-Za-z_]")
  (#not-test? @match))

; A receiver named like a tar archive (function parameter `tar: TarFile`, `tf`)

((call
    function: (attribute object: (identifier) @archive attribute: (identifier) @method) @api
    (#any-of? @method "extractall" "extract")
    (#match? @archive "^(tar|tarball|tar_?file|tar_?obj|tar_?ref|tar_?archive|tf)$")
    (#no-scope-mentions? @archive "is_within_directory|commonpath|commonprefix|is_relative_to|relative_to\\(|realpath|\\.resolve\\(|zipfile|ZipFile")) @match
  (#no-kwarg? @match "filter")
  (#not-match? @match "\\*\\*[A-Za-z_]")
  (#not-test? @match))

((call
    function: (attribute object: (identifier) @archive attribute: (identifier) @method) @api
    (#any-of? @method "extractall" "extract")
    (#match? @archive "^(tar|tarball|tar_?file|tar_?obj|tar_?ref|tar_?archive|tf)$")
    (#no-scope-mentions? @archive "is_within_directory|commonpath|commonprefix|is_relative_to|relative_to\\(|realpath|\\.resolve\\(|zipfile|ZipFile")) @match
  (#kwarg? @match "filter" "['\"]fully_trusted['\"]|None|(tarfile\\.)?fully_trusted_filter")
  (#not-match? @match "\\*\\*[A-Za-z_]")
  (#not-test? @match))

; shutil.unpack_archive(uploaded_path, dest) on a non-constant archive (tar formats)

((call
    function: (_) @api
    arguments: (argument_list . (_) @archive)
    (#resolves-to? @api "shutil.unpack_archive")
    (#not-constant? @archive)) @match
  (#no-kwarg? @match "filter")
  (#no-kwarg? @match "format" "['\"]zip['\"]")
  (#not-match? @match "\\*\\*[A-Za-z_]")
  (#not-test? @match))

((call
    function: (_) @api
    arguments: (argument_list . (_) @archive)
    (#resolves-to? @api "shutil.unpack_archive")
    (#not-constant? @archive)) @match
  (#kwarg? @match "filter" "['\"]fully_trusted['\"]|None|(tarfile\\.)?fully_trusted_filter")
  (#no-kwarg? @match "format" "['\"]zip['\"]")
  (#not-match? @match "\\*\\*[A-Za-z_]")
  (#not-test? @match))
