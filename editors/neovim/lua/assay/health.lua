-- :checkhealth assay
local M = {}

function M.check()
  local health = vim.health
  local assay = require("assay")
  health.start("assay")
  if vim.fn.has("nvim-0.10") == 0 then
    health.error("Neovim 0.10 or later is needed")
    return
  end
  local cmd = assay.cmd()
  local exe = cmd[1]
  if vim.fn.executable(exe) ~= 1 then
    health.error(("binary `%s` not found"):format(exe), {
      "Install it: `cargo install --locked --path .` in a clone of https://github.com/assay-dev/assay",
      "or give its absolute path: require('assay').setup({ cmd = { '/path/to/assay', 'lsp' } })",
    })
    return
  end
  health.ok(("binary: %s"):format(vim.fn.exepath(exe)))
  local version = vim.fn.system({ exe, "--version" })
  if vim.v.shell_error == 0 then
    health.ok(("version: %s"):format(vim.trim(version)))
  else
    health.warn(("`%s --version` failed: %s"):format(exe, vim.trim(version)))
  end
  health.info(("command: %s"):format(table.concat(cmd, " ")))
  local clients = vim.lsp.get_clients({ name = "assay" })
  if #clients == 0 then
    health.warn("no assay server attached", { "Open a Python or Rust file; call require('assay').setup() or vim.lsp.enable('assay') in init.lua" })
    return
  end
  for _, c in ipairs(clients) do
    local bufs = vim.tbl_keys(c.attached_buffers or {})
    local info = c.server_info and (c.server_info.name .. " " .. (c.server_info.version or "")) or "?"
    health.ok(("server attached: client %d (%s), root %s, %d buffer(s)"):format(c.id, info, c.root_dir or c.config.root_dir or "-", #bufs))
  end
end

return M
