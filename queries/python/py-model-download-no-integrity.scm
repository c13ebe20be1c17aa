; Model weights fetched over plain http, or fetched without any checksum in the function.

; urlretrieve("http://.../model.bin"), requests.get("http://.../model.pt")
(call
  function: (_) @callee
  arguments: (argument_list . (_) @url)
  (#resolves-to? @callee "urllib.request.urlretrieve" "urllib.request.urlopen" "requests.get" "httpx.get" "wget.download" "torch.hub.download_url_to_file" "gdown.download")
  (#value-matches? @url "(?is)[rbuf]*['\"]http://.*")
  (#value-matches? @url "(?is).*\\.(pt|pth|bin|ckpt|pkl|pickle|joblib|h5|keras|onnx|safetensors|gguf|ggml|npz|npy|model|tflite|pb|msgpack)([?#].*)?['\"]")) @match

; urlretrieve("https://.../model.pkl", dst) with no hash check anywhere in the function
(call
  function: (_) @callee
  arguments: (argument_list . (_) @url)
  (#resolves-to? @callee "urllib.request.urlretrieve" "wget.download" "torch.hub.download_url_to_file" "gdown.download")
  (#value-matches? @url "(?is)[rbuf]*['\"]https://.*\\.(pt|pth|bin|ckpt|pkl|pickle|joblib|h5|keras|onnx|gguf|ggml|npz|npy|tflite|pb)([?#].*)?['\"]")
  (#no-scope-mentions? @url "(?i)sha256|sha512|sha384|hashlib|checksum|hexdigest|verify_|hash_prefix|check_hash|md5")) @match

; torch.hub.load_state_dict_from_url(url) without check_hash=True
((call
    function: (_) @callee
    (#resolves-to? @callee "torch.hub.load_state_dict_from_url" "torch.utils.model_zoo.load_url")) @match
  (#no-kwarg? @match "check_hash" "True"))

; torch.hub.load(repo, ..., trust_repo=True): runs hubconf.py from a GitHub branch
((call
    function: (_) @callee
    (#resolves-to? @callee "torch.hub.load")) @match
  (#kwarg? @match "trust_repo" "True"))
