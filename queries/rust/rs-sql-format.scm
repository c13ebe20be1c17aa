; SQL text assembled with format!, `+` or push_str (directly or through a variable in the same
; function) and passed to a driver that executes it. Splicing only constants or parsed values
; (`let n: i64 = s.parse()?`) is not flagged, nor the `sqlx::query!` family (macros that only
; accept literals). Functions that generate bind
; placeholders (`"?"`, `$1`, `placeholders`) for an IN list are skipped.

; sqlx / diesel free functions: sqlx::query(&sql), sqlx::query_as::<_, T>(&sql), sql_query(sql)
((call_expression
  function: [(identifier) (scoped_identifier) (generic_function)] @callee
  arguments: (arguments . (_) @sql)) @match
  (#resolves-to? @callee "sqlx::query" "sqlx::query_as" "sqlx::query_scalar" "sqlx::query_with" "sqlx::query_as_with" "sqlx::query_scalar_with" "sqlx::raw_sql" "sqlx::*::query" "sqlx::*::query_as" "sqlx::*::query_scalar" "diesel::sql_query" "diesel::*::sql_query" "diesel::dsl::sql" "diesel::sql" "*QueryBuilder::new")
  (#string-built? @sql)
  (#not-sanitized? @sql "sql")
  (#no-scope-mentions? @sql "placeholders|\\|_\\|\\s*\"\\?\"|\"\\?\"\\.repeat|format!\\(\"\\$\\{\\}\"")
  (#not-test? @sql))

; Statement::from_string(backend, sql) (sea-orm): the SQL is the second argument.
((call_expression
  function: (scoped_identifier) @callee
  arguments: (arguments . (_) . (_) @sql)) @match
  (#resolves-to? @callee "sea_orm::Statement::from_string" "sea_orm::*::Statement::from_string" "Statement::from_string")
  (#string-built? @sql)
  (#not-sanitized? @sql "sql")
  (#no-scope-mentions? @sql "placeholders|\\|_\\|\\s*\"\\?\"|\"\\?\"\\.repeat|format!\\(\"\\$\\{\\}\"")
  (#not-test? @sql))

; Driver methods whose first argument is SQL text: rusqlite, postgres/tokio-postgres, mysql,
; sqlx Executor (`pool.execute(sql)`, `conn.fetch_all(sql)`), sea-orm `execute_unprepared`.
; The method names are generic, so the file must mention SQL keywords or a database crate.
((call_expression
  function: (field_expression field: (field_identifier) @callee)
  arguments: (arguments . (_) @sql)) @match
  (#any-of? @callee
    "execute" "execute_batch" "query_row" "query_row_and_then" "prepare" "prepare_cached"
    "query" "query_one" "query_opt" "query_raw" "batch_execute" "simple_query" "prepare_typed"
    "query_drop" "query_first" "query_iter" "query_map" "query_fold" "exec" "exec_drop" "exec_first" "exec_iter" "exec_map"
    "fetch" "fetch_all" "fetch_one" "fetch_optional" "fetch_many" "execute_many" "execute_unprepared" "query_all" "query_unprepared")
  (#file-mentions? "\\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|TRUNCATE|PRAGMA|GRANT|REVOKE|VACUUM|COPY|SET ROLE)\\b|sqlx|rusqlite|postgres|mysql|diesel|sea_orm|tiberius|duckdb|libsql|clickhouse|scylla|odbc|sqlite")
  (#string-built? @sql)
  (#not-sanitized? @sql "sql")
  (#no-scope-mentions? @sql "placeholders|\\|_\\|\\s*\"\\?\"|\"\\?\"\\.repeat|format!\\(\"\\$\\{\\}\"")
  (#not-test? @sql))
