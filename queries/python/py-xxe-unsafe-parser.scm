; XML parsers with entity protections turned off, and XML from the request parsed with parsers
; that are not hardened. defusedxml resolves to other names and never matches; parsing constant
; or local, trusted XML is not flagged.

; lxml.etree.XMLParser(resolve_entities=True), XMLParser(no_network=False), XMLParser(huge_tree=True)
(call
  function: (_) @api
  arguments: (argument_list
    (keyword_argument name: (identifier) @kw value: (_) @val) @what)
  (#resolves-to? @api "lxml.etree.XMLParser" "lxml.etree.XMLPullParser" "lxml.etree.iterparse"
    "lxml.etree.XMLTreeBuilder" "lxml.objectify.makeparser")
  (#any-of? @kw "resolve_entities" "no_network" "huge_tree")
  (#match? @what "^(resolve_entities\\s*=\\s*True|no_network\\s*=\\s*False|huge_tree\\s*=\\s*True)$")) @match

; xml.sax: parser.setFeature(feature_external_ges, True)
(call
  function: (attribute attribute: (identifier) @api)
  arguments: (argument_list . (_) @what . (true))
  (#eq? @api "setFeature")
  (#match? @what "feature_external_(ges|pes)|external-(general|parameter)-entities")) @match

; lxml.etree.fromstring(request.data) with the default parser (resolves entities before lxml 5)
((call
    function: (_) @api
    arguments: (argument_list . (_) @what .)
    (#resolves-to? @api "lxml.etree.fromstring" "lxml.etree.XML" "lxml.etree.parse" "lxml.etree.iterparse"
      "lxml.etree.fromstringlist" "lxml.objectify.fromstring" "lxml.objectify.parse" "lxml.objectify.XML"
      "xml.etree.ElementTree.fromstring" "xml.etree.ElementTree.XML" "xml.etree.ElementTree.parse"
      "xml.etree.ElementTree.iterparse" "xml.etree.ElementTree.fromstringlist" "xml.etree.cElementTree.*"
      "xml.dom.minidom.parseString" "xml.dom.minidom.parse" "xml.dom.pulldom.parseString" "xml.dom.pulldom.parse"
      "xml.sax.parseString" "xml.sax.parse")
    (#tainted? @what "xml")) @match)

((call
    function: (_) @api
    arguments: (argument_list . (_) @what . (keyword_argument))
    (#resolves-to? @api "lxml.etree.fromstring" "lxml.etree.XML" "lxml.etree.parse" "lxml.etree.iterparse"
      "lxml.objectify.fromstring" "lxml.objectify.parse"
      "xml.etree.ElementTree.fromstring" "xml.etree.ElementTree.XML" "xml.etree.ElementTree.parse"
      "xml.etree.ElementTree.iterparse" "xml.dom.minidom.parseString" "xml.dom.minidom.parse"
      "xml.sax.parseString" "xml.sax.parse")
    (#tainted? @what "xml")) @match
  (#no-kwarg? @match "parser"))

; xml.sax.parseString(request.data, handler)
(call
  function: (_) @api
  arguments: (argument_list . (_) @what . (_))
  (#resolves-to? @api "xml.sax.parseString" "xml.sax.parse" "xml.dom.minidom.parseString" "xml.dom.pulldom.parseString")
  (#tainted? @what "xml")) @match
