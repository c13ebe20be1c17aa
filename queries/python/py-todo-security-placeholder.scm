;; Placeholders left in security-relevant functions.
;; Strong names (authentication, authorization, permission checks, sanitizing, crypto, signatures,
;; verification, CSRF, rate limiting): any TODO/FIXME/XXX/HACK comment, or a placeholder phrase
;; ("placeholder", "implement", "not implemented", "add validation", "for now", "for demo",
;; "skip the check").
;; Weak names (validate*): placeholder phrases, or a TODO that is about validating, checking,
;; sanitizing or escaping; ordinary TODOs ("add a test", "pagination") are not flagged there.
;; Both: a docstring that starts with TODO/placeholder, and bodies that are only `pass`, `...` or
;; `raise NotImplementedError` (unless a flagged comment already marks the function).
;; Not flagged: @abstractmethod and @overload stubs, Protocol/ABC classes, base/mixin/interface
;; classes, `raise NotImplementedError` in methods (abstract by convention), .pyi stubs, test
;; code. Marker words inside a kebab-case id (`py-todo-security-placeholder` in an annotation or
;; an `assay: ignore[...]`) do not count.

; A placeholder comment inside a strongly security-relevant function.
((comment) @match
  (#match? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#in-function? @match "(?i)(authenticat|authoriz|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|ratelimit|throttl|password|passwd|signature|hmac|jwt|credential|captcha|verif)|(^|_)(auth|login|logout|sign|acl|otp|mfa|totp|perms?)(_|$)|perm\\w*_required|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

; A validation-specific placeholder comment inside a validate* function.
((comment) @match
  (#match? @match "(?i)((^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b|((^|[^-\\w])(todo|fixme)|\\bXXX)\\b.*\\b(validat\\w*|verif\\w*|saniti[sz]\\w*|escap\\w*|check\\w*|allowlist|whitelist|restrict\\w*|implement\\w*))")
  (#in-function? @match "(?i)validat")
  (#not-in-function? @match "(?i)(authenticat|authoriz|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|ratelimit|throttl|password|passwd|signature|hmac|jwt|credential|captcha|verif)|(^|_)(auth|login|logout|sign|acl|otp|mfa|totp|perms?)(_|$)|perm\\w*_required|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

; A docstring that is itself a placeholder.
(function_definition
  name: (identifier) @fname
  body: (block . (expression_statement (string) @match))
  (#match? @fname "(?i)(authenticat|authoriz|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|ratelimit|throttl|password|passwd|signature|hmac|jwt|credential|captcha|verif)|(^|_)(auth|login|logout|sign|acl|otp|mfa|totp|perms?)(_|$)|perm\\w*_required|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#match? @match "^[rRuUbB]?(\"\"\"|'''|\"|')\\s*(TODO|FIXME|XXX|[Pp]laceholder|PLACEHOLDER|[Nn]ot (yet )?implemented|NOT IMPLEMENTED|[Ss]tub\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

; A docstring that is itself a placeholder.
(function_definition
  name: (identifier) @fname
  body: (block . (expression_statement (string) @match))
  (#match? @fname "(?i)validat")
  (#match? @match "^[rRuUbB]?(\"\"\"|'''|\"|')\\s*(TODO|FIXME|XXX|[Pp]laceholder|PLACEHOLDER|[Nn]ot (yet )?implemented|NOT IMPLEMENTED|[Ss]tub\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

; Module-level function whose body is only pass / ... / raise NotImplementedError.
(module
  (function_definition
    name: (identifier) @fname
    body: (block
      .
      (comment)*
      .
      [(pass_statement) (expression_statement (ellipsis))
       (raise_statement [(identifier) @exc (call function: (identifier) @exc)])] @match
      .
      (comment)*
      .))
  (#match? @fname "(?i)(authenticat|authoriz|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|ratelimit|throttl|password|passwd|signature|hmac|jwt|credential|captcha|verif)|(^|_)(auth|login|logout|sign|acl|otp|mfa|totp|perms?)(_|$)|perm\\w*_required|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#eq? @exc "NotImplementedError")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

; Module-level function whose body is only pass / ... / raise NotImplementedError.
(module
  (function_definition
    name: (identifier) @fname
    body: (block
      .
      (comment)*
      .
      [(pass_statement) (expression_statement (ellipsis))
       (raise_statement [(identifier) @exc (call function: (identifier) @exc)])] @match
      .
      (comment)*
      .))
  (#match? @fname "(?i)validat")
  (#eq? @exc "NotImplementedError")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

(module
  (decorated_definition
    definition: (function_definition
      name: (identifier) @fname
      body: (block
        .
        (comment)*
        .
        [(pass_statement) (expression_statement (ellipsis))
         (raise_statement [(identifier) @exc (call function: (identifier) @exc)])] @match
        .
        (comment)*
        .))) @decorated
  (#not-match? @decorated "@\\s*([A-Za-z_][A-Za-z0-9_]*\\.)*(abstract[a-z_]*|overload)\\b")
  (#match? @fname "(?i)(authenticat|authoriz|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|ratelimit|throttl|password|passwd|signature|hmac|jwt|credential|captcha|verif)|(^|_)(auth|login|logout|sign|acl|otp|mfa|totp|perms?)(_|$)|perm\\w*_required|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#eq? @exc "NotImplementedError")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

(module
  (decorated_definition
    definition: (function_definition
      name: (identifier) @fname
      body: (block
        .
        (comment)*
        .
        [(pass_statement) (expression_statement (ellipsis))
         (raise_statement [(identifier) @exc (call function: (identifier) @exc)])] @match
        .
        (comment)*
        .))) @decorated
  (#not-match? @decorated "@\\s*([A-Za-z_][A-Za-z0-9_]*\\.)*(abstract[a-z_]*|overload)\\b")
  (#match? @fname "(?i)validat")
  (#eq? @exc "NotImplementedError")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

; Module-level function whose body is only pass / ... / raise NotImplementedError (after a docstring).
(module
  (function_definition
    name: (identifier) @fname
    body: (block
      .
      (expression_statement (string))
      .
      (comment)*
      .
      [(pass_statement) (expression_statement (ellipsis))
       (raise_statement [(identifier) @exc (call function: (identifier) @exc)])] @match
      .
      (comment)*
      .))
  (#match? @fname "(?i)(authenticat|authoriz|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|ratelimit|throttl|password|passwd|signature|hmac|jwt|credential|captcha|verif)|(^|_)(auth|login|logout|sign|acl|otp|mfa|totp|perms?)(_|$)|perm\\w*_required|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#eq? @exc "NotImplementedError")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

; Module-level function whose body is only pass / ... / raise NotImplementedError (after a docstring).
(module
  (function_definition
    name: (identifier) @fname
    body: (block
      .
      (expression_statement (string))
      .
      (comment)*
      .
      [(pass_statement) (expression_statement (ellipsis))
       (raise_statement [(identifier) @exc (call function: (identifier) @exc)])] @match
      .
      (comment)*
      .))
  (#match? @fname "(?i)validat")
  (#eq? @exc "NotImplementedError")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

(module
  (decorated_definition
    definition: (function_definition
      name: (identifier) @fname
      body: (block
        .
        (expression_statement (string))
        .
        (comment)*
        .
        [(pass_statement) (expression_statement (ellipsis))
         (raise_statement [(identifier) @exc (call function: (identifier) @exc)])] @match
        .
        (comment)*
        .))) @decorated
  (#not-match? @decorated "@\\s*([A-Za-z_][A-Za-z0-9_]*\\.)*(abstract[a-z_]*|overload)\\b")
  (#match? @fname "(?i)(authenticat|authoriz|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|ratelimit|throttl|password|passwd|signature|hmac|jwt|credential|captcha|verif)|(^|_)(auth|login|logout|sign|acl|otp|mfa|totp|perms?)(_|$)|perm\\w*_required|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#eq? @exc "NotImplementedError")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

(module
  (decorated_definition
    definition: (function_definition
      name: (identifier) @fname
      body: (block
        .
        (expression_statement (string))
        .
        (comment)*
        .
        [(pass_statement) (expression_statement (ellipsis))
         (raise_statement [(identifier) @exc (call function: (identifier) @exc)])] @match
        .
        (comment)*
        .))) @decorated
  (#not-match? @decorated "@\\s*([A-Za-z_][A-Za-z0-9_]*\\.)*(abstract[a-z_]*|overload)\\b")
  (#match? @fname "(?i)validat")
  (#eq? @exc "NotImplementedError")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

; Method of a concrete class whose body is only pass / ....
(class_definition
  name: (identifier) @class
  superclasses: (argument_list)? @supers
  body: (block
    (function_definition
      name: (identifier) @fname
      body: (block
        .
        (comment)*
        .
        [(pass_statement) (expression_statement (ellipsis))] @match
        .
        (comment)*
        .)))
  (#match? @fname "(?i)(authenticat|authoriz|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|ratelimit|throttl|password|passwd|signature|hmac|jwt|credential|captcha|verif)|(^|_)(auth|login|logout|sign|acl|otp|mfa|totp|perms?)(_|$)|perm\\w*_required|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-match? @class "(?i)^(base|abstract)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

; Method of a concrete class whose body is only pass / ....
(class_definition
  name: (identifier) @class
  superclasses: (argument_list)? @supers
  body: (block
    (function_definition
      name: (identifier) @fname
      body: (block
        .
        (comment)*
        .
        [(pass_statement) (expression_statement (ellipsis))] @match
        .
        (comment)*
        .)))
  (#match? @fname "(?i)validat")
  (#not-match? @class "(?i)^(base|abstract)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

(class_definition
  name: (identifier) @class
  superclasses: (argument_list)? @supers
  body: (block
    (decorated_definition
      definition: (function_definition
        name: (identifier) @fname
        body: (block
          .
          (comment)*
          .
          [(pass_statement) (expression_statement (ellipsis))] @match
          .
          (comment)*
          .))) @decorated)
  (#not-match? @decorated "@\\s*([A-Za-z_][A-Za-z0-9_]*\\.)*(abstract[a-z_]*|overload)\\b")
  (#match? @fname "(?i)(authenticat|authoriz|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|ratelimit|throttl|password|passwd|signature|hmac|jwt|credential|captcha|verif)|(^|_)(auth|login|logout|sign|acl|otp|mfa|totp|perms?)(_|$)|perm\\w*_required|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-match? @class "(?i)^(base|abstract)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

(class_definition
  name: (identifier) @class
  superclasses: (argument_list)? @supers
  body: (block
    (decorated_definition
      definition: (function_definition
        name: (identifier) @fname
        body: (block
          .
          (comment)*
          .
          [(pass_statement) (expression_statement (ellipsis))] @match
          .
          (comment)*
          .))) @decorated)
  (#not-match? @decorated "@\\s*([A-Za-z_][A-Za-z0-9_]*\\.)*(abstract[a-z_]*|overload)\\b")
  (#match? @fname "(?i)validat")
  (#not-match? @class "(?i)^(base|abstract)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

; Method of a concrete class whose body is only pass / ... (after a docstring).
(class_definition
  name: (identifier) @class
  superclasses: (argument_list)? @supers
  body: (block
    (function_definition
      name: (identifier) @fname
      body: (block
        .
        (expression_statement (string))
        .
        (comment)*
        .
        [(pass_statement) (expression_statement (ellipsis))] @match
        .
        (comment)*
        .)))
  (#match? @fname "(?i)(authenticat|authoriz|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|ratelimit|throttl|password|passwd|signature|hmac|jwt|credential|captcha|verif)|(^|_)(auth|login|logout|sign|acl|otp|mfa|totp|perms?)(_|$)|perm\\w*_required|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-match? @class "(?i)^(base|abstract)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

; Method of a concrete class whose body is only pass / ... (after a docstring).
(class_definition
  name: (identifier) @class
  superclasses: (argument_list)? @supers
  body: (block
    (function_definition
      name: (identifier) @fname
      body: (block
        .
        (expression_statement (string))
        .
        (comment)*
        .
        [(pass_statement) (expression_statement (ellipsis))] @match
        .
        (comment)*
        .)))
  (#match? @fname "(?i)validat")
  (#not-match? @class "(?i)^(base|abstract)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

(class_definition
  name: (identifier) @class
  superclasses: (argument_list)? @supers
  body: (block
    (decorated_definition
      definition: (function_definition
        name: (identifier) @fname
        body: (block
          .
          (expression_statement (string))
          .
          (comment)*
          .
          [(pass_statement) (expression_statement (ellipsis))] @match
          .
          (comment)*
          .))) @decorated)
  (#not-match? @decorated "@\\s*([A-Za-z_][A-Za-z0-9_]*\\.)*(abstract[a-z_]*|overload)\\b")
  (#match? @fname "(?i)(authenticat|authoriz|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|ratelimit|throttl|password|passwd|signature|hmac|jwt|credential|captcha|verif)|(^|_)(auth|login|logout|sign|acl|otp|mfa|totp|perms?)(_|$)|perm\\w*_required|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-match? @class "(?i)^(base|abstract)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))

(class_definition
  name: (identifier) @class
  superclasses: (argument_list)? @supers
  body: (block
    (decorated_definition
      definition: (function_definition
        name: (identifier) @fname
        body: (block
          .
          (expression_statement (string))
          .
          (comment)*
          .
          [(pass_statement) (expression_statement (ellipsis))] @match
          .
          (comment)*
          .))) @decorated)
  (#not-match? @decorated "@\\s*([A-Za-z_][A-Za-z0-9_]*\\.)*(abstract[a-z_]*|overload)\\b")
  (#match? @fname "(?i)validat")
  (#not-match? @class "(?i)^(base|abstract)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match)
  (#not-path-matches? "\\.pyi$"))
