; File-system tools for agents without a root directory: the model can write, move or delete any
; file the process can reach.
((call
    function: (_) @callee
    (#resolves-to? @callee "*.FileManagementToolkit" "FileManagementToolkit" "*.WriteFileTool" "WriteFileTool"
      "*.DeleteFileTool" "DeleteFileTool" "*.MoveFileTool" "MoveFileTool" "*.CopyFileTool" "CopyFileTool")) @match
  (#no-kwarg? @match "root_dir"))
