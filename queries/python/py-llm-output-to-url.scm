; Model output decides which URL the application fetches. A fixed scheme and host
; (f"https://api.example.com/search?q={answer}") is not flagged, nor a URL checked against an
; allowlist in the same function.
(call
  function: (_) @callee
  arguments: (argument_list . (_) @url)
  (#resolves-to? @callee "requests.*" "httpx.*" "urllib.request.urlopen" "urllib.request.Request" "urllib.request.urlretrieve" "urllib3.*" "aiohttp.*")
  (#tainted? @url "url" "model-output")) @match

(call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: (_) @url))
  (#eq? @kw "url")
  (#resolves-to? @callee "requests.*" "httpx.*" "urllib.request.*" "urllib3.*" "aiohttp.*")
  (#tainted? @url "url" "model-output")) @match
