; Raw-SQL escape hatches of ORMs and data libraries (SQLAlchemy text()/exec_driver_sql, Django
; raw()/extra()/RawSQL, peewee/Tortoise execute_sql, pandas read_sql) given SQL assembled from
; non-constant parts. Parts passed through int()/float()/uuid.UUID() count as constant.
; DB-API cursor.execute is py-sql-string-format.

; text(f"SELECT ... {name}"), pd.read_sql(f"...", con), RawSQL(f"...", [])
(call
  function: (_) @api
  arguments: (argument_list . (_) @sql)
  (#resolves-to? @api "sqlalchemy.text" "sqlalchemy.sql.text" "sqlalchemy.sql.expression.text"
    "sqlalchemy.sql.expression.TextClause" "sqlmodel.text" "db.text"
    "django.db.models.RawSQL" "django.db.models.expressions.RawSQL"
    "pandas.read_sql" "pandas.read_sql_query" "pandas.io.sql.read_sql" "pandas.io.sql.read_sql_query"
    "polars.read_database" "duckdb.sql" "duckdb.query" "duckdb.execute")
  (#string-built? @sql)
  (#not-sanitized? @sql "sql")) @match

; pd.read_sql(sql=f"...", con=engine), pl.read_database(query=...)
(call
  function: (_) @api
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @sql))
  (#any-of? @kw "sql" "query" "text")
  (#resolves-to? @api "sqlalchemy.text" "sqlalchemy.sql.text" "sqlmodel.text"
    "django.db.models.RawSQL" "django.db.models.expressions.RawSQL"
    "pandas.read_sql" "pandas.read_sql_query" "pandas.io.sql.*" "polars.read_database")
  (#string-built? @sql)
  (#not-sanitized? @sql "sql")) @match

; conn.exec_driver_sql(sql), db.execute_sql(sql) (peewee)
(call
  function: (attribute attribute: (identifier) @api)
  arguments: (argument_list . (_) @sql)
  (#any-of? @api "exec_driver_sql" "execute_sql")
  (#string-built? @sql)
  (#not-sanitized? @sql "sql")) @match

; User.objects.raw(sql) (Django manager), User.raw(sql) (peewee model class)
(call
  function: (attribute object: (_) @model attribute: (identifier) @api)
  arguments: (argument_list . (_) @sql)
  (#eq? @api "raw")
  (#match? @model "(^|\\.)objects$|^[A-Z][A-Za-z0-9_]*$|\\.(using|all|filter)\\(.*\\)$")
  (#string-built? @sql)
  (#not-sanitized? @sql "sql")) @match

; Generic query methods (asyncpg fetch/fetchrow/fetchval, databases fetch_all, Tortoise
; execute_query, spark.sql, duckdb/clickhouse con.sql/query): only when the SQL text is written in
; the call.
(call
  function: (attribute attribute: (identifier) @api)
  arguments: (argument_list . (_) @sql)
  (#any-of? @api "fetch" "fetchrow" "fetchval" "fetch_all" "fetch_one" "fetch_val" "execute_query"
    "execute_query_dict" "iterate" "raw" "sql" "query" "run_sql" "read_sql" "command")
  (#match? @sql "^(?i)[rbuf]*(\"\"\"|'''|\"|')\\s*(select|insert|update|delete|with|merge|replace)\\s")
  (#string-built? @sql)
  (#not-sanitized? @sql "sql")) @match

; Django QuerySet.extra(where=[f"..."], tables=[...], order_by=[...])
(call
  function: (attribute attribute: (identifier) @api)
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (list (_) @sql)))
  (#eq? @api "extra")
  (#any-of? @kw "where" "tables" "order_by")
  (#string-built? @sql)
  (#not-sanitized? @sql "sql")) @match

; Django QuerySet.extra(select={"x": f"..."})
(call
  function: (attribute attribute: (identifier) @api)
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (dictionary (pair value: (_) @sql))))
  (#eq? @api "extra")
  (#eq? @kw "select")
  (#string-built? @sql)
  (#not-sanitized? @sql "sql")) @match
