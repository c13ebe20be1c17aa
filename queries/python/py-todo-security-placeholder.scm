;; Placeholders left in security-relevant functions: functions whose name says authentication,
;; authorization, permission, validation, sanitization, crypto, signatures or rate limiting.
;; Flagged: TODO/FIXME/"placeholder"/"implement"/"add validation"/"for now" comments inside them,
;; a TODO docstring, and bodies that are only `pass`, `...` or `raise NotImplementedError`.
;; Marker words inside a kebab-case id (`py-todo-security-placeholder` in an annotation or an
;; `assay: ignore[...]`) do not count.
;; Not flagged: abstract methods (@abstractmethod), @overload stubs, Protocol/ABC classes, base
;; or mixin classes, `raise NotImplementedError` in methods (abstract by convention), test code.

; A placeholder comment anywhere inside such a function.
((comment) @match
  (#match? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#in-function? @match "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|sign|acl|otp|mfa|totp)(_|$)|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-test? @match))

; A TODO docstring.
(function_definition
  name: (identifier) @fname
  body: (block . (expression_statement (string) @match))
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|sign|acl|otp|mfa|totp)(_|$)|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#match? @match "(?i)(^|[^-\\w])(todo|fixme|placeholder|stub|not (yet )?implemented)\\b|\\bXXX\\b")
  (#not-test? @match))

; Module-level functions whose body is only pass / ... / raise NotImplementedError.
(module
  (function_definition
    name: (identifier) @fname
    body: (block
      .
      [(pass_statement) (expression_statement (ellipsis))
       (raise_statement [(identifier) @exc (call function: (identifier) @exc)])] @match
      .
      (comment)*
      .))
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|sign|acl|otp|mfa|totp)(_|$)|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#eq? @exc "NotImplementedError")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match))

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
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|sign|acl|otp|mfa|totp)(_|$)|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#eq? @exc "NotImplementedError")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match))

(module
  (decorated_definition
    definition: (function_definition
      name: (identifier) @fname
      body: (block
      .
      [(pass_statement) (expression_statement (ellipsis))
       (raise_statement [(identifier) @exc (call function: (identifier) @exc)])] @match
      .
      (comment)*
      .))) @decorated
  (#not-match? @decorated "@\\s*([A-Za-z_][A-Za-z0-9_]*\\.)*(abstract[a-z_]*|overload)\\b")
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|sign|acl|otp|mfa|totp)(_|$)|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#eq? @exc "NotImplementedError")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match))

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
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|sign|acl|otp|mfa|totp)(_|$)|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#eq? @exc "NotImplementedError")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match))

; Methods whose body is only pass / ... in a concrete class.
(class_definition
  name: (identifier) @class
  superclasses: (argument_list)? @supers
  body: (block
    (function_definition
      name: (identifier) @fname
      body: (block
        .
        [(pass_statement) (expression_statement (ellipsis))] @match
        .
        (comment)*
        .)))
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|sign|acl|otp|mfa|totp)(_|$)|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-match? @class "(?i)^(base|abstract)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match))

(class_definition
  name: (identifier) @class
  superclasses: (argument_list)? @supers
  body: (block
    (decorated_definition
      definition: (function_definition
        name: (identifier) @fname
        body: (block
        .
        [(pass_statement) (expression_statement (ellipsis))] @match
        .
        (comment)*
        .))) @decorated)
  (#not-match? @decorated "@\\s*([A-Za-z_][A-Za-z0-9_]*\\.)*(abstract[a-z_]*|overload)\\b")
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|sign|acl|otp|mfa|totp)(_|$)|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-match? @class "(?i)^(base|abstract)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match))

; Methods whose body is only pass / ... in a concrete class.
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
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|sign|acl|otp|mfa|totp)(_|$)|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-match? @class "(?i)^(base|abstract)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match))

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
  (#match? @fname "(?i)(authenticat|authoriz|permission|verif|validat|saniti[sz]|encrypt|decrypt|csrf|xsrf|rate_?limit|throttl|password|passwd|signature|hmac|jwt|credential|captcha)|(^|_)(auth|login|perms?|sign|acl|otp|mfa|totp)(_|$)|(^|_)(has|check|can|require|requires|ensure|is)_?[a-z_]*(access|perm|role|admin|owner|allowed|authorized)")
  (#not-match? @class "(?i)^(base|abstract)|(base|mixin|interface|protocol|abc)$")
  (#not-match? @supers "\\b(Protocol|ABC|ABCMeta|Interface)\\b")
  (#no-scope-mentions? @match "\\b(XXX|HACK)\\b|(?i)((^|[^-\\w])(todo|fixme)\\b|(^|[^-\\w])placeholder|\\bstub(bed)?\\b|\\bimplement\\b|\\bnot (yet )?implemented\\b|\\badd (proper |real |actual |more |some |input |the )?(validation|verification|auth\\w*|check(ing|s)?|sanitiz\\w*|permission checks?)\\b|\\bfor now\\b|\\bfor (the )?demo\\b|\\bskip(ping)? (the )?(check|validation|verification)\\b)")
  (#not-test? @match))
