-- Neovim 0.11+: `vim.lsp.enable("assay")`; override with `vim.lsp.config("assay", { ... })`,
-- e.g. `settings = { assay = { ignore = { "py-assert-used" } } }`.
local assay = require("assay")
return {
  cmd = { "assay", "lsp" },
  filetypes = assay.filetypes,
  root_markers = assay.root_markers,
  settings = { assay = {} },
  before_init = assay.before_init,
}
