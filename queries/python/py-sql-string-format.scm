; DB-API execute with SQL text assembled from non-constant parts, directly or via a variable.
(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list . (_) @sql)
  (#any-of? @method "execute" "executemany" "executescript" "mogrify")
  (#string-built? @sql)) @match
