; torch.load unpickles the checkpoint unless weights_only=True (the default only from torch 2.6).
((call
    function: (_) @callee
    (#resolves-to? @callee "torch.load" "torch.serialization.load")) @match
  (#no-kwarg? @match "weights_only" "True"))
