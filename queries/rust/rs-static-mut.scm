; `static mut NAME: T = value;` (foreign statics in `extern` blocks have no value and are skipped)
((static_item (mutable_specifier) name: (identifier) @match value: (_))
  (#not-test? @match))
