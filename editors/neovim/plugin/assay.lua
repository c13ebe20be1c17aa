-- :AssayPrompt, :AssayScan and :AssayExplain, also for `vim.lsp.enable("assay")` users who never
-- call setup().
if vim.g.loaded_assay or vim.fn.has("nvim-0.10") == 0 then
  return
end
vim.g.loaded_assay = true
require("assay").define_commands()
