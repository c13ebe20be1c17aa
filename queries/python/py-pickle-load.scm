; Pickle-family loads of data whose origin the rule cannot see (a file path parameter, a cache
; value, a message body). Request and socket data are py-pickle-untrusted. Constant input and a
; file opened from a constant path are not reported, nor are test files; shelve and marshal
; (local databases, .pyc tooling) are only reported by py-pickle-untrusted.
(call
  function: (_) @callee
  arguments: (argument_list . (_) @data)
  (#resolves-to? @callee "pickle.load" "pickle.loads" "pickle.Unpickler" "_pickle.load" "_pickle.loads" "_pickle.Unpickler" "cPickle.load" "cPickle.loads" "cPickle.Unpickler" "dill.load" "dill.loads" "dill.Unpickler" "cloudpickle.load" "cloudpickle.loads" "jsonpickle.decode" "jsonpickle.loads" "jsonpickle.unpickler.decode" "joblib.load" "sklearn.externals.joblib.load" "pandas.read_pickle")
  (#not-constant? @data)
  (#not-match? @data "^open\\(\\s*[\"'][^\"'{}]*[\"']\\s*(,[^()]*)?\\)$")
  (#not-test? @data)) @match
