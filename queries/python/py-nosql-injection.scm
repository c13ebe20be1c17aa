; MongoDB queries that let request data become query syntax: server-side JavaScript ($where,
; $function, $accumulator) built from non-constant text, and filter values taken straight from a
; JSON body, where {"$ne": null} replaces the expected string (operator injection).

; {"$where": f"this.owner == '{user}'"}
(pair
  key: (string) @op
  value: (_) @value
  (#match? @op "^['\"]\\$(where|function|accumulator)['\"]$")
  (#not-sanitized? @value "code")
  (#file-mentions? "pymongo|motor|mongoengine|MongoClient|mongomock|PyMongo|beanie|odmantic")) @match

; users.find_one({"username": data["username"], "password": data["password"]}) where
; data = request.get_json(): a JSON object value turns the equality test into an operator.
(call
  function: (attribute attribute: (identifier) @api)
  arguments: (argument_list . (dictionary (pair key: (string) @key value: (_) @value)) @match)
  (#any-of? @api "find" "find_one" "find_one_and_update" "find_one_and_delete" "find_one_and_replace"
    "delete_one" "delete_many" "update_one" "update_many" "replace_one" "count_documents" "count")
  (#not-match? @key "^['\"]\\$")
  (#match? @value "^[A-Za-z_][A-Za-z0-9_.]*(\\[[^\\]]+\\]|\\.get\\([^)]*\\))$|^request\\.(json|get_json\\(\\))")
  (#tainted? @value "nosql")
  (#scope-mentions? @api "request\\.(json|get_json\\(|data\\b)|json\\.loads\\(request")
  (#file-mentions? "pymongo|motor|mongoengine|MongoClient|mongomock|PyMongo|beanie|odmantic"))
