-- Headless Neovim with the plugin in editors/neovim, the way a user's init.lua has it:
-- ASSAY_MODE=setup: require("assay").setup() (one buffer open before it, one opened after);
-- ASSAY_MODE=enable: vim.lsp.config + vim.lsp.enable("assay") (Neovim 0.11+).
-- Checks diagnostics, hover, the ignore code action (applied, and the finding goes away),
-- :AssayPrompt, the "Copy secure prompt" code action, :AssayScan and :checkhealth assay.
-- Environment: ASSAY_BIN, ASSAY_PLUGIN, ASSAY_WS, ASSAY_MODE, ASSAY_OUT.
local env = vim.env
vim.opt.rtp:prepend(env.ASSAY_PLUGIN)
local cmd = { env.ASSAY_BIN, "lsp" }
local mode = env.ASSAY_MODE
local ws = env.ASSAY_WS
local TIMEOUT = 20000

local result = { mode = mode, checks = {}, errors = {} }
result.nvim_version = tostring(vim.version())

local function check(ok, what, detail)
  table.insert(result.checks, { ok = ok and true or false, what = what, detail = detail and tostring(detail) or nil })
  return ok
end

local function finish()
  local f = assert(io.open(env.ASSAY_OUT, "w"))
  f:write(vim.json.encode(result))
  f:close()
  for _, c in ipairs(vim.lsp.get_clients()) do
    c:stop()
  end
  vim.wait(2000, function() return #vim.lsp.get_clients() == 0 end, 20)
  vim.cmd("qall!")
end

local function assay_client(buf)
  return vim.lsp.get_clients({ bufnr = buf, name = "assay" })[1]
end

local function open(rel)
  vim.cmd("edit " .. vim.fn.fnameescape(ws .. "/" .. rel))
  return vim.api.nvim_get_current_buf()
end

local function diags_with(buf, rules)
  local got = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == "assay" then got[tostring(d.code)] = d end
  end
  for _, r in ipairs(rules) do
    if not got[r] then return nil end
  end
  return got
end

local function main()
  local assay = require("assay")
  -- settings reach the server: the eval finding is shown as a hint
  local settings = { severity = { ["py-eval-exec-dynamic"] = "hint" } }
  local rs_buf, py_buf
  if mode == "setup" then
    rs_buf = open("src/lib.rs") -- already open when setup() runs
    assay.setup({ cmd = cmd, settings = settings })
    check(vim.wait(TIMEOUT, function() return assay_client(rs_buf) ~= nil end, 20), "setup() attaches to a buffer that was already open")
    py_buf = open("app.py") -- through the FileType autocommand
  else
    vim.lsp.config("assay", { cmd = cmd, settings = { assay = settings } })
    vim.lsp.enable("assay")
    py_buf = open("app.py")
  end
  if not check(vim.wait(TIMEOUT, function() return assay_client(py_buf) ~= nil end, 20), "attached to app.py") then return end
  local client = assay_client(py_buf)
  result.server_info = client.server_info
  result.root_dir = client.root_dir
  check(client.root_dir == ws, "root_dir is the workspace", client.root_dir)

  local SHELL, EVAL = "py-subprocess-shell-true", "py-eval-exec-dynamic"
  local found
  vim.wait(TIMEOUT, function() found = diags_with(py_buf, { SHELL, EVAL }); return found ~= nil end, 50)
  if not check(found, "diagnostics " .. SHELL .. " and " .. EVAL, vim.inspect(vim.diagnostic.get(py_buf))) then return end
  result.diagnostics = vim.tbl_keys(found)
  check(found[EVAL].severity == vim.diagnostic.severity.HINT and found[SHELL].severity == vim.diagnostic.severity.ERROR,
    "the severity setting reaches the server (eval shown as a hint)", found[EVAL].severity)
  if rs_buf then
    local rs
    vim.wait(TIMEOUT, function() rs = diags_with(rs_buf, { "rs-unsafe-without-safety-comment" }); return rs ~= nil end, 50)
    check(rs, "Rust buffer diagnostics")
  end

  -- hover on the shell=True finding
  local sd = found[SHELL]
  local hv = client:request_sync("textDocument/hover",
    { textDocument = { uri = vim.uri_from_bufnr(py_buf) }, position = { line = sd.lnum, character = sd.col } }, TIMEOUT, py_buf)
  local hover = hv and hv.result and hv.result.contents and (hv.result.contents.value or hv.result.contents) or ""
  result.hover = hover
  check(type(hover) == "string" and hover:find(SHELL, 1, true) and hover:find("Secure prompt", 1, true), "hover names the rule and shows the secure prompt")

  -- the ignore code action on the eval finding: apply it, and the finding goes away
  local ed = found[EVAL]
  local lsp_diag = ed.user_data and ed.user_data.lsp
  local ca = client:request_sync("textDocument/codeAction", {
    textDocument = { uri = vim.uri_from_bufnr(py_buf) },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag } },
  }, TIMEOUT, py_buf)
  local actions = ca and ca.result or {}
  result.code_actions = vim.tbl_map(function(a) return a.title end, actions)
  local ignore
  for _, a in ipairs(actions) do
    if a.title == "Ignore " .. EVAL .. " on this line" then ignore = a end
  end
  if check(ignore, "an 'Ignore " .. EVAL .. " on this line' action", vim.inspect(result.code_actions)) then
    if not ignore.edit and ignore.data then
      ignore = client:request_sync("codeAction/resolve", ignore, TIMEOUT, py_buf).result
    end
    vim.lsp.util.apply_workspace_edit(ignore.edit, client.offset_encoding)
    local line = vim.api.nvim_buf_get_lines(py_buf, ed.lnum, ed.lnum + 1, false)[1]
    check(line:find("assay: ignore[" .. EVAL .. "]", 1, true), "the ignore comment is on the line", line)
    local gone = vim.wait(TIMEOUT, function()
      local now = diags_with(py_buf, { SHELL })
      return now ~= nil and now[EVAL] == nil
    end, 50)
    check(gone, "the ignored finding disappears after the edit")
  end

  -- :AssayPrompt with the cursor on the shell=True finding
  vim.api.nvim_set_current_buf(py_buf)
  vim.api.nvim_win_set_cursor(0, { sd.lnum + 1, sd.col + 2 })
  vim.fn.setreg("a", "")
  vim.cmd("AssayPrompt a")
  result.prompt_register_a = vim.fn.getreg("a")
  check(#result.prompt_register_a > 20, ":AssayPrompt a fills register a")
  vim.fn.setreg('"', "")
  vim.cmd("AssayPrompt")
  result.prompt_default_register = vim.fn.has("clipboard") == 1 and vim.fn.getreg("+") or vim.fn.getreg('"')
  check(result.prompt_default_register == result.prompt_register_a, ":AssayPrompt without a register fills the default one")

  -- the "Copy secure prompt" code action runs client-side (vim.lsp.commands)
  local copy
  for _, a in ipairs(actions) do
    if a.command and (a.command.command or a.command) == "assay.securePrompt" then copy = a.command end
  end
  if check(copy, "a 'Copy secure prompt' code action", vim.inspect(result.code_actions)) and client.exec_cmd then
    vim.fn.setreg('"', "")
    client:exec_cmd(copy, { bufnr = py_buf })
    local reg = vim.fn.has("clipboard") == 1 and "+" or '"'
    check(vim.wait(TIMEOUT, function() return #vim.fn.getreg(reg) > 20 end, 20), "the code action yanks the secure prompt")
  end

  -- :AssayScan publishes findings of a file that is not open
  vim.cmd("AssayScan")
  local scanned = vim.wait(TIMEOUT, function()
    if not assay.last_scan then return false end
    for _, d in ipairs(vim.diagnostic.get()) do
      if d.code == "py-sql-string-format" and vim.api.nvim_buf_get_name(d.bufnr):match("other%.py$") then return true end
    end
    return false
  end, 50)
  result.scan = assay.last_scan
  check(scanned, ":AssayScan reports other.py (not open)", vim.inspect(assay.last_scan))

  -- :checkhealth assay
  vim.cmd("checkhealth assay")
  local health = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  result.health = health
  check(health:find("OK binary: " .. env.ASSAY_BIN, 1, true), "checkhealth: binary found")
  check(health:find("OK version: assay", 1, true), "checkhealth: version")
  check(health:find("OK server attached", 1, true), "checkhealth: server attached")
end

vim.api.nvim_create_autocmd("VimEnter", {
  once = true,
  nested = true,
  callback = function()
    vim.schedule(function()
      local ok, err = xpcall(main, debug.traceback)
      if not ok then table.insert(result.errors, err) end
      finish()
    end)
  end,
})
