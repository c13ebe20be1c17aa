; Model output used as SQL text: text-to-SQL executed as written. Model output passed as a bound
; parameter (`execute("... = %s", (answer,))`) is fine and not matched.
(call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list . (_) @sql)
  (#any-of? @method "execute" "executemany" "executescript" "exec_driver_sql" "raw")
  (#not-match? @sql "^([A-Za-z_][A-Za-z0-9_]*\\s*=[^=]|\\*)")
  (#tainted? @sql "sql" "model-output")) @match

; pandas.read_sql(sql, conn), sqlalchemy.text(sql)
(call
  function: (_) @callee
  arguments: (argument_list . (_) @sql)
  (#resolves-to? @callee "pandas.read_sql" "pandas.read_sql_query" "duckdb.sql" "duckdb.query")
  (#tainted? @sql "sql" "model-output")) @match
