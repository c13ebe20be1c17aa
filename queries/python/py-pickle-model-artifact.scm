; A pickle-based model or data file downloaded from the network (hf_hub_download, urlretrieve,
; requests.get, snapshot_download, see `[kinds.downloaded]` in _dataflow.toml) is loaded with a
; pickle-family loader: the file's author runs code in this process.
(call
  function: (_) @callee
  arguments: (argument_list . (_) @data)
  (#resolves-to? @callee "pickle.load" "pickle.loads" "dill.load" "dill.loads" "cloudpickle.load" "cloudpickle.loads"
    "joblib.load" "sklearn.externals.joblib.load" "pandas.read_pickle" "skops.io.load")
  (#tainted? @data "deserialize" "downloaded")) @match

; torch.load(downloaded) without weights_only=True
((call
    function: (_) @callee
    arguments: (argument_list . (_) @data)
    (#resolves-to? @callee "torch.load" "torch.serialization.load")
    (#tainted? @data "deserialize" "downloaded")) @match
  (#no-kwarg? @match "weights_only" "True"))

; numpy.load(downloaded, allow_pickle=True)
((call
    function: (_) @callee
    arguments: (argument_list . (_) @data)
    (#resolves-to? @callee "numpy.load")
    (#tainted? @data "deserialize" "downloaded")) @match
  (#kwarg? @match "allow_pickle" "True|1"))
