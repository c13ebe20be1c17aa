; A pickle-family loader (pickle, _pickle, cPickle, dill, cloudpickle, jsonpickle, joblib,
; pandas.read_pickle, shelve, marshal) reads data that comes from the request: body, form,
; uploaded file, handler parameter.
(call
  function: (_) @callee
  arguments: (argument_list . (_) @data)
  (#resolves-to? @callee "pickle.load" "pickle.loads" "pickle.Unpickler" "_pickle.load" "_pickle.loads" "_pickle.Unpickler" "cPickle.load" "cPickle.loads" "cPickle.Unpickler" "dill.load" "dill.loads" "dill.Unpickler" "cloudpickle.load" "cloudpickle.loads" "jsonpickle.decode" "jsonpickle.loads" "jsonpickle.unpickler.decode" "joblib.load" "sklearn.externals.joblib.load" "pandas.read_pickle" "shelve.open" "marshal.load" "marshal.loads")
  (#tainted? @data)) @match

; ... or data received from a socket in the same function (conn.recv, sock.makefile, the
; http.server / socketserver rfile).
(call
  function: (_) @callee
  arguments: (argument_list . (_) @data)
  (#resolves-to? @callee "pickle.load" "pickle.loads" "pickle.Unpickler" "_pickle.load" "_pickle.loads" "_pickle.Unpickler" "cPickle.load" "cPickle.loads" "cPickle.Unpickler" "dill.load" "dill.loads" "dill.Unpickler" "cloudpickle.load" "cloudpickle.loads" "jsonpickle.decode" "jsonpickle.loads" "jsonpickle.unpickler.decode" "joblib.load" "sklearn.externals.joblib.load" "pandas.read_pickle" "marshal.load" "marshal.loads")
  (#not-constant? @data)
  (#scope-mentions? @data "\\.(recv|recvfrom|recv_into|makefile)\\(|\\brfile\\.read")) @match
