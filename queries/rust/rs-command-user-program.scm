; Command::new(<request data>): the request picks the program.
(call_expression
  function: [(scoped_identifier) (identifier)] @callee
  arguments: (arguments . (_) @program)
  (#resolves-to? @callee "std::process::Command::new" "tokio::process::Command::new" "async_process::Command::new" "async_std::process::Command::new" "Command::new" "process::Command::new")
  (#tainted? @program "shell")) @match
