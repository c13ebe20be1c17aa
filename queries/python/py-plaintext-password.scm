; Passwords compared or stored as plain text. Comparisons of two plain values that are not the
; confirmation field (`password == confirm_password`), hash columns, comparisons with a hash
; function's result, and functions that hash anything are not reported.

; user.password == password, if password == stored_password: inside an auth function ...
((comparison_operator
  [(identifier) (attribute) (subscript) (call)] @left
  ["==" "!="] @op
  [(identifier) (attribute) (subscript) (call)] @right) @match
  (#match? @left "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#match? @right "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#not-match? @left "(?i)hash|digest|crypt|encod|salt|confirm|repeat|again|retype|re_?enter|verif|new_?(password|passwd|pass|pw|pwd)|(password|passwd|pw|pwd)_?(1|2|check|len|length|min|max|policy|strength|field|label|input|type|reset|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|reset|token|placeholder|getpass|pwd\\.get")
  (#not-match? @right "(?i)hash|digest|crypt|encod|salt|confirm|repeat|again|retype|re_?enter|verif|new_?(password|passwd|pass|pw|pwd)|(password|passwd|pw|pwd)_?(1|2|check|len|length|min|max|policy|strength|field|label|input|type|reset|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|reset|token|placeholder|getpass|pwd\\.get")
  (#match? @left "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#match? @right "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#in-function? @match "(?i)log_?in|sign_?in|auth|verify|check|validate|credential|password|passwd|register|sign_?up|create_?user|add_?user|new_?user")
  (#not-in-function? @match "__eq__|__ne__|diff|changed|equal")
  (#not-test? @match))

; ... or against a stored record: if user.password == password (any function)
((comparison_operator
  [(identifier) (attribute) (subscript) (call)] @left
  ["==" "!="] @op
  [(identifier) (attribute) (subscript) (call)] @right) @match
  (#match? @left "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#match? @right "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#not-match? @left "(?i)hash|digest|crypt|encod|salt|confirm|repeat|again|retype|re_?enter|verif|new_?(password|passwd|pass|pw|pwd)|(password|passwd|pw|pwd)_?(1|2|check|len|length|min|max|policy|strength|field|label|input|type|reset|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|reset|token|placeholder|getpass|pwd\\.get")
  (#not-match? @right "(?i)hash|digest|crypt|encod|salt|confirm|repeat|again|retype|re_?enter|verif|new_?(password|passwd|pass|pw|pwd)|(password|passwd|pw|pwd)_?(1|2|check|len|length|min|max|policy|strength|field|label|input|type|reset|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|reset|token|placeholder|getpass|pwd\\.get")
  (#match? @left "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#match? @right "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#match? @left "(?i)(^|[^a-z])(user|users|account|accounts|member|customer|admin|row|record|stored|saved|existing|db_?user|user_?db|users_?db|fake_users_db|credentials|creds)\\w*(\\.|\\[|$)")
  (#not-in-function? @match "__eq__|__ne__|diff|changed|equal")
  (#not-test? @match))

; users[username] == password, USERS.get(name) != password: a dict of plain-text passwords.
((comparison_operator
  [(identifier) (attribute) (subscript) (call)] @left
  ["==" "!="] @op
  [(identifier) (attribute) (subscript) (call)] @right) @match
  (#match? @left "(?i)(^|[^a-z])(users|accounts|credentials|creds|passwords|user_?db|users_?db|fake_users_db|user_?store|logins|user_?passwords)\\w*\\s*(\\[|\\.get\\()")
  (#match? @left "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#not-match? @left "(?i)hash|digest|crypt|encod|salt|confirm|repeat|again|retype|re_?enter|verif|new_?(password|passwd|pass|pw|pwd)|(password|passwd|pw|pwd)_?(1|2|check|len|length|min|max|policy|strength|field|label|input|type|reset|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|reset|token|placeholder|getpass|pwd\\.get")
  (#match? @right "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#not-match? @right "(?i)hash|digest|crypt|encod|salt|confirm|repeat|again|retype|re_?enter|verif|new_?(password|passwd|pass|pw|pwd)|(password|passwd|pw|pwd)_?(1|2|check|len|length|min|max|policy|strength|field|label|input|type|reset|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|reset|token|placeholder|getpass|pwd\\.get")
  (#match? @right "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#not-test? @match))

; ... or against a stored record: if user.password == password (any function)
((comparison_operator
  [(identifier) (attribute) (subscript) (call)] @left
  ["==" "!="] @op
  [(identifier) (attribute) (subscript) (call)] @right) @match
  (#match? @left "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#match? @right "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#not-match? @left "(?i)hash|digest|crypt|encod|salt|confirm|repeat|again|retype|re_?enter|verif|new_?(password|passwd|pass|pw|pwd)|(password|passwd|pw|pwd)_?(1|2|check|len|length|min|max|policy|strength|field|label|input|type|reset|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|reset|token|placeholder|getpass|pwd\\.get")
  (#not-match? @right "(?i)hash|digest|crypt|encod|salt|confirm|repeat|again|retype|re_?enter|verif|new_?(password|passwd|pass|pw|pwd)|(password|passwd|pw|pwd)_?(1|2|check|len|length|min|max|policy|strength|field|label|input|type|reset|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|reset|token|placeholder|getpass|pwd\\.get")
  (#match? @left "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#match? @right "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#match? @right "(?i)(^|[^a-z])(user|users|account|accounts|member|customer|admin|row|record|stored|saved|existing|db_?user|user_?db|users_?db|fake_users_db|credentials|creds)\\w*(\\.|\\[|$)")
  (#not-in-function? @match "__eq__|__ne__|diff|changed|equal")
  (#not-test? @match))

; users[username] == password, USERS.get(name) != password: a dict of plain-text passwords.
((comparison_operator
  [(identifier) (attribute) (subscript) (call)] @left
  ["==" "!="] @op
  [(identifier) (attribute) (subscript) (call)] @right) @match
  (#match? @right "(?i)(^|[^a-z])(users|accounts|credentials|creds|passwords|user_?db|users_?db|fake_users_db|user_?store|logins|user_?passwords)\\w*\\s*(\\[|\\.get\\()")
  (#match? @right "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#not-match? @right "(?i)hash|digest|crypt|encod|salt|confirm|repeat|again|retype|re_?enter|verif|new_?(password|passwd|pass|pw|pwd)|(password|passwd|pw|pwd)_?(1|2|check|len|length|min|max|policy|strength|field|label|input|type|reset|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|reset|token|placeholder|getpass|pwd\\.get")
  (#match? @left "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#not-match? @left "(?i)hash|digest|crypt|encod|salt|confirm|repeat|again|retype|re_?enter|verif|new_?(password|passwd|pass|pw|pwd)|(password|passwd|pw|pwd)_?(1|2|check|len|length|min|max|policy|strength|field|label|input|type|reset|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|reset|token|placeholder|getpass|pwd\\.get")
  (#match? @left "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#not-test? @match))

; row[0] == data["password"] in a login function: a column read from the database.
((comparison_operator
  [(identifier) (attribute) (subscript) (call)] @left
  ["==" "!="] @op
  [(identifier) (attribute) (subscript) (call)] @right) @match
  (#match? @left "(?i)^(row|record|result|res|user|account|db_user|stored|existing|fetched)\\w*\\[\\s*(0|1|2|-1)\\s*\\]$")
  (#match? @right "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#not-match? @right "(?i)hash|digest|crypt|encod|salt|confirm|repeat|again|retype|re_?enter|verif|new_?(password|passwd|pass|pw|pwd)|(password|passwd|pw|pwd)_?(1|2|check|len|length|min|max|policy|strength|field|label|input|type|reset|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|reset|token|placeholder|getpass|pwd\\.get")
  (#match? @right "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#in-function? @match "(?i)log_?in|sign_?in|auth|verify|check|validate|credential|password|passwd|register|sign_?up|create_?user|add_?user|new_?user")
  (#not-test? @match))

; row[0] == data["password"] in a login function: a column read from the database.
((comparison_operator
  [(identifier) (attribute) (subscript) (call)] @left
  ["==" "!="] @op
  [(identifier) (attribute) (subscript) (call)] @right) @match
  (#match? @right "(?i)^(row|record|result|res|user|account|db_user|stored|existing|fetched)\\w*\\[\\s*(0|1|2|-1)\\s*\\]$")
  (#match? @left "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#not-match? @left "(?i)hash|digest|crypt|encod|salt|confirm|repeat|again|retype|re_?enter|verif|new_?(password|passwd|pass|pw|pwd)|(password|passwd|pw|pwd)_?(1|2|check|len|length|min|max|policy|strength|field|label|input|type|reset|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|reset|token|placeholder|getpass|pwd\\.get")
  (#match? @left "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#in-function? @match "(?i)log_?in|sign_?in|auth|verify|check|validate|credential|password|passwd|register|sign_?up|create_?user|add_?user|new_?user")
  (#not-test? @match))

; SQL that matches or stores the password column against a raw value:
; execute("... WHERE username = ? AND password = ?", (username, password)), INSERT INTO users (.., password)
((call
  function: (attribute attribute: (identifier) @method)
  arguments: (argument_list . (string) @sql . [(tuple (_) @value) (list (_) @value)])) @match
  (#any-of? @method "execute" "executemany")
  (#match? @sql "(?is)\\bpassw(or)?d\\b\\s*=\\s*(\\?|%s|%\\(\\w+\\)s|:\\w+|\\$\\d)|insert\\s+into[^(]*\\([^)]*\\bpassw(or)?d\\b")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|crypt|encod|salt|confirm|repeat|retype|(password|passwd|pw|pwd)_?(len|length|min|max|policy|strength|field|label|input|type|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|token|placeholder|getpass|pwd\\.get")
  (#match? @value "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#no-scope-mentions? @match "(?i)hash|bcrypt|argon|scrypt|pbkdf|crypt\\(|make_password|set_password|encrypt|passlib|pwd_context")
  (#not-test? @match))

; A user model created with the raw password: User(username=u, password=password),
; User.objects.create(..., password=request.POST["password"])
((call
  function: (_) @callee
  arguments: (argument_list (keyword_argument name: (identifier) @kw value: [(identifier) (attribute) (subscript) (call)] @value))) @match
  (#any-of? @kw "password" "passwd" "pwd" "password_hash" "hashed_password")
  (#match? @callee "^(\\w+\\.)*(User|Users|Account|Member|Customer|Admin|Student|Employee|Person|Player|Profile|Staff|Client|Author|Owner|Patient|AppUser|UserModel|UserAccount|DBUser|DbUser|UserDB|UserTable)(\\.objects\\.(create|get_or_create|update_or_create))?$")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|crypt|encod|salt|confirm|repeat|retype|(password|passwd|pw|pwd)_?(len|length|min|max|policy|strength|field|label|input|type|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|token|placeholder|getpass|pwd\\.get")
  (#match? @value "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#no-scope-mentions? @match "(?i)hash|bcrypt|argon|scrypt|pbkdf|crypt\\(|make_password|set_password|encrypt|passlib|pwd_context")
  (#not-test? @match))

; user.password = password (Django stores this as is; use set_password)
((assignment
  left: (attribute object: (_) @obj attribute: (identifier) @kw)
  right: [(identifier) (attribute) (subscript) (call)] @value) @match
  (#any-of? @kw "password" "passwd" "pwd" "password_hash" "hashed_password")
  (#match? @obj "(?i)(^|[^a-z])(user|account|member|customer|admin|profile|staff|student|employee|player|client)\\w*$")
  (#match? @value "(?i)(^|[^a-z])(password|passwd|passwort|pass_word|passphrase|pwd|pw)([^a-z]|$)")
  (#not-match? @value "(?i)hash|digest|crypt|encod|salt|confirm|repeat|retype|(password|passwd|pw|pwd)_?(len|length|min|max|policy|strength|field|label|input|type|expir|changed|updated|age|history|rule|regex|pattern|message|error|widget|required|mask)|token|placeholder|getpass|pwd\\.get")
  (#match? @value "^([\\w.\\[\\]\"' ]|\\.get\\([^()]*\\))+$")
  (#no-scope-mentions? @match "(?i)hash|bcrypt|argon|scrypt|pbkdf|crypt\\(|make_password|set_password|encrypt|passlib|pwd_context")
  (#no-file-mentions? "\\.setter|hybrid_property")
  (#not-test? @match))
