; Standard-library modules that are both insecure and removed from Python 3.13 (PEP 594):
; telnetlib (cleartext remote login) and crypt (DES/MD5-era crypt(3) password hashing).
; Relative imports (`from . import crypt`) are local modules and are not matched.
(import_statement
  name: [(dotted_name) @module (aliased_import name: (dotted_name) @module)]
  (#any-of? @module "telnetlib" "crypt")) @match

(import_from_statement
  module_name: (dotted_name) @module
  (#any-of? @module "telnetlib" "crypt")) @match
