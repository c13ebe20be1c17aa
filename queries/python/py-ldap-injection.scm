; LDAP search filters (and search bases) assembled from non-constant text with f-strings, %,
; .format() or +, in files that use python-ldap or ldap3. A function that escapes values with
; escape_filter_chars / filter_format / escape_dn_chars is not flagged.

; ldap3: conn.search(search_base, f"(uid={username})")
((call
    function: (attribute attribute: (identifier) @api) @fn
    arguments: (argument_list . (_) . (_) @filter)
    (#any-of? @api "search" "paged_search")
    (#not-resolves-to? @fn "re.*" "regex.*")
    (#string-built? @filter)
    (#not-sanitized? @filter "ldap")
    (#no-scope-mentions? @api "escape_filter_chars|filter_format|escape_dn_chars|escape_rdn")) @match
  (#file-mentions? "(?m)^\\s*(import|from)\\s+ldap3?\\b"))

; python-ldap: conn.search_s(base, ldap.SCOPE_SUBTREE, "(uid=%s)" % username)
((call
    function: (attribute attribute: (identifier) @api) @fn
    arguments: (argument_list . (_) . (_) . (_) @filter)
    (#any-of? @api "search" "search_s" "search_st" "search_ext" "search_ext_s")
    (#not-resolves-to? @fn "re.*" "regex.*")
    (#string-built? @filter)
    (#not-sanitized? @filter "ldap")
    (#no-scope-mentions? @api "escape_filter_chars|filter_format|escape_dn_chars|escape_rdn")) @match
  (#file-mentions? "(?m)^\\s*(import|from)\\s+ldap3?\\b"))

; search_filter=..., filterstr=..., search_base=..., base=...
((call
    function: (attribute attribute: (identifier) @api) @fn
    arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @filter))
    (#any-of? @api "search" "paged_search" "search_s" "search_st" "search_ext" "search_ext_s")
    (#any-of? @kw "search_filter" "filterstr" "search_base" "base")
    (#not-resolves-to? @fn "re.*" "regex.*")
    (#string-built? @filter)
    (#not-sanitized? @filter "ldap")
    (#no-scope-mentions? @api "escape_filter_chars|filter_format|escape_dn_chars|escape_rdn")) @match
  (#file-mentions? "(?m)^\\s*(import|from)\\s+ldap3?\\b"))

; the search base (DN) built from data: conn.search_s(f"ou={dept},dc=example,dc=com", ...)
((call
    function: (attribute attribute: (identifier) @api) @fn
    arguments: (argument_list . (_) @filter)
    (#any-of? @api "search" "paged_search" "search_s" "search_st" "search_ext" "search_ext_s")
    (#not-resolves-to? @fn "re.*" "regex.*")
    (#string-built? @filter)
    (#match? @filter "=")
    (#not-sanitized? @filter "ldap")
    (#no-scope-mentions? @api "escape_filter_chars|filter_format|escape_dn_chars|escape_rdn")) @match
  (#file-mentions? "(?m)^\\s*(import|from)\\s+ldap3?\\b"))
