; numpy.load / np.load (and the lower-level read_array) with allow_pickle switched on.
(call
  function: (_) @callee
  arguments: (argument_list
    (keyword_argument name: (identifier) @kw value: (_) @value) @match)
  (#eq? @kw "allow_pickle")
  (#any-of? @value "True" "1")
  (#resolves-to? @callee "numpy.load" "numpy.lib.npyio.load" "numpy.lib.format.read_array"))

; np.load(file, mmap_mode, allow_pickle) written positionally.
(call
  function: (_) @callee
  arguments: (argument_list . (_) . (_) . (true) @value @match)
  (#resolves-to? @callee "numpy.load" "numpy.lib.npyio.load"))
