; urllib3's InsecureRequestWarning silenced: the usual companion of verify=False.
(call
  function: (_) @callee
  (#match? @callee "disable_warnings$")
  (#resolves-to? @callee "urllib3.disable_warnings" "*.urllib3.disable_warnings" "requests.packages.urllib3.disable_warnings")
  (#not-test? @callee)) @match

; warnings.filterwarnings("ignore", category=InsecureRequestWarning) / simplefilter(...)
(call
  function: (_) @callee
  arguments: (argument_list
    [(identifier) @category
     (attribute attribute: (identifier) @category)
     (keyword_argument
       value: [(identifier) @category (attribute attribute: (identifier) @category)])])
  (#eq? @category "InsecureRequestWarning")
  (#resolves-to? @callee "warnings.filterwarnings" "warnings.simplefilter")
  (#not-test? @callee)) @match
