; Request data decides which URL the server fetches. A fixed scheme and host
; (f"https://api.example.com/items/{id}") is not flagged, nor a URL checked against an allowlist.
(call
  function: (_) @callee
  arguments: (argument_list . (_) @url)
  (#resolves-to? @callee "requests.*" "httpx.*" "urllib.request.urlopen" "urllib.request.Request" "urllib3.*" "aiohttp.*" "*.session.get" "*.session.post")
  (#tainted? @url "url")) @match

(call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @url))
  (#eq? @kw "url")
  (#resolves-to? @callee "requests.*" "httpx.*" "urllib.request.*" "urllib3.*" "aiohttp.*")
  (#tainted? @url "url")) @match
