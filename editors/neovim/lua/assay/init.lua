-- assay for Neovim 0.10+: starts `assay lsp` for Python, Rust and configuration files, and adds
-- :AssayPrompt (yank the secure prompt of the finding under the cursor), :AssayScan and
-- :AssayExplain. Neovim 0.11+ can use `vim.lsp.enable("assay")` instead of setup() (lsp/assay.lua).
local M = {}

--- Python, Rust, and the file types that hold configuration and so, often, secrets.
M.filetypes = {
  "python", "rust", "toml", "yaml", "json", "jsonc", "dosini", "cfg", "conf", "jproperties",
  "sh", "bash", "zsh", "dockerfile", "terraform", "hcl", "xml", "pem",
}
M.root_markers = { "assay.toml", ".assay.toml", "pyproject.toml", "Cargo.toml", ".git" }

local defaults = {
  cmd = { "assay", "lsp" },
  filetypes = M.filetypes,
  root_markers = M.root_markers,
  --- the server's settings (select, extendSelect, ignore, severity, scope, baseline, ...)
  settings = {},
  --- where :AssayPrompt puts the prompt: the system clipboard when Neovim has one
  register = nil,
  on_attach = nil,
}

M.options = vim.deepcopy(defaults)

local function has(version)
  return vim.fn.has("nvim-" .. version) == 1
end

local function notify(msg, level)
  vim.notify("assay: " .. msg, level or vim.log.levels.INFO)
end

--- The assay client attached to `bufnr` (or any assay client).
function M.client(bufnr)
  local filter = { name = "assay" }
  if bufnr then
    filter.bufnr = bufnr
  end
  return vim.lsp.get_clients(filter)[1]
end

--- The server command in use: a running client's, else setup()'s, else vim.lsp.config's.
function M.cmd()
  local c = M.client()
  if c and type(c.config.cmd) == "table" then
    return c.config.cmd
  end
  if M._setup_done then
    return M.options.cmd
  end
  local ok, cfg = pcall(function() return vim.lsp.config and vim.lsp.config.assay end)
  if ok and cfg and type(cfg.cmd) == "table" then
    return cfg.cmd
  end
  return M.options.cmd
end

local function request_sync(client, method, params, bufnr)
  if has("0.11") then
    return client:request_sync(method, params, 10000, bufnr)
  end
  return client.request_sync(method, params, 10000, bufnr)
end

local function request(client, method, params, handler, bufnr)
  if has("0.11") then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function rule_of(d)
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  return code and tostring(code) or nil
end

--- Rule ids of assay's findings under the cursor (those covering it, else those on its line).
function M.rules_at_cursor()
  local row, col = unpack(vim.api.nvim_win_get_cursor(0))
  local line = row - 1
  local covering, on_line = {}, {}
  for _, d in ipairs(vim.diagnostic.get(0, { lnum = line })) do
    local rule = rule_of(d)
    if d.source == "assay" and rule then
      table.insert(on_line, rule)
      local end_col = (d.end_lnum or line) > line and math.huge or (d.end_col or d.col)
      if col >= d.col and col <= end_col then
        table.insert(covering, rule)
      end
    end
  end
  return #covering > 0 and covering or on_line
end

local function default_register()
  if M.options.register then
    return M.options.register
  end
  return vim.fn.has("clipboard") == 1 and "+" or '"'
end

--- The secure prompt of `rule` from the server, or nil and a message.
local function secure_prompt(client, rule, bufnr)
  local resp, err = request_sync(client, "workspace/executeCommand", { command = "assay.securePrompt", arguments = { rule } }, bufnr)
  if not resp then
    return nil, tostring(err)
  end
  if resp.err then
    return nil, resp.err.message or vim.inspect(resp.err)
  end
  return resp.result
end

local function yank(rule, prompt, register)
  vim.fn.setreg(register, prompt)
  notify(("secure prompt for %s yanked to register %s"):format(rule, register))
end

--- :AssayPrompt [register]
function M.prompt(register)
  register = (register and register ~= "") and register or default_register()
  local bufnr = vim.api.nvim_get_current_buf()
  local client = M.client(bufnr)
  if not client then
    return notify("no assay server is attached to this buffer", vim.log.levels.WARN)
  end
  local rules = M.rules_at_cursor()
  if #rules == 0 then
    return notify("no finding under the cursor", vim.log.levels.WARN)
  end
  local function copy(rule)
    if not rule then
      return
    end
    local prompt, err = secure_prompt(client, rule, bufnr)
    if not prompt then
      return notify(("no secure prompt for %s: %s"):format(rule, err), vim.log.levels.ERROR)
    end
    yank(rule, prompt, register)
  end
  if #rules == 1 then
    copy(rules[1])
  else
    vim.ui.select(rules, { prompt = "Secure prompt of which finding?" }, copy)
  end
end

--- :AssayScan: every file of the workspace; findings of files that are not open go to
--- vim.diagnostic (and so to :lua vim.diagnostic.setqflist()).
function M.scan()
  local client = M.client(vim.api.nvim_get_current_buf()) or M.client()
  if not client then
    return notify("no assay server is running", vim.log.levels.WARN)
  end
  notify("scanning the workspace…")
  request(client, "workspace/executeCommand", { command = "assay.scanWorkspace", arguments = {} }, function(err, result)
    if err then
      return notify("scan failed: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
    end
    M.last_scan = result
    notify(("scanned %d files; %d findings in files that are not open"):format(result and result.files or 0, result and result.findings or 0))
  end)
end

--- :AssayExplain [rule]: `assay explain RULE` in a scratch buffer (offline).
function M.explain(rule)
  if not rule or rule == "" then
    rule = M.rules_at_cursor()[1]
  end
  if not rule then
    return notify("no finding under the cursor; give a rule id: :AssayExplain py-sql-string-format", vim.log.levels.WARN)
  end
  local out = vim.fn.systemlist({ M.cmd()[1], "explain", rule })
  if vim.v.shell_error ~= 0 then
    return notify(table.concat(out, "\n"), vim.log.levels.ERROR)
  end
  vim.cmd("botright new")
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].buftype = "nofile"
  vim.bo[buf].bufhidden = "wipe"
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, out)
  vim.bo[buf].modifiable = false
  vim.bo[buf].filetype = "markdown"
  pcall(vim.api.nvim_buf_set_name, buf, "assay explain " .. rule)
end

--- The "Copy secure prompt" code action runs the server command `assay.securePrompt`; on the
--- client side that yanks what the server returns.
local function secure_prompt_command(command, ctx)
  local rule = command.arguments and command.arguments[1]
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if not (client and rule) then
    return
  end
  local prompt, err = secure_prompt(client, rule, ctx.bufnr)
  if prompt then
    yank(rule, prompt, default_register())
  else
    notify(("no secure prompt for %s: %s"):format(rule, err), vim.log.levels.ERROR)
  end
end

--- Commands and the client-side handler; safe to call more than once.
function M.define_commands()
  vim.lsp.commands["assay.securePrompt"] = secure_prompt_command
  local cmd = vim.api.nvim_create_user_command
  cmd("AssayPrompt", function(a) M.prompt(a.args) end,
    { nargs = "?", desc = "assay: yank the secure prompt of the finding under the cursor (optional register)" })
  cmd("AssayScan", function() M.scan() end, { nargs = 0, desc = "assay: scan the whole workspace" })
  cmd("AssayExplain", function(a) M.explain(a.args) end,
    { nargs = "?", desc = "assay: show a rule's documentation (assay explain)" })
end

--- initializationOptions follow the settings, so the first analysis already uses them.
function M.before_init(params, config)
  params.initializationOptions = { assay = (config.settings or {}).assay or {} }
end

local function root_dir(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  return vim.fs.root(bufnr, M.options.root_markers) or vim.fs.dirname(file)
end

--- Start (or reuse) the server for one buffer.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= "" or vim.api.nvim_buf_get_name(bufnr) == "" then
    return
  end
  local o = M.options
  if vim.fn.executable(o.cmd[1]) ~= 1 then
    if not M._warned_missing then
      M._warned_missing = true
      notify(("`%s` not found: install assay (cargo install --locked --path . in a clone) or set cmd in setup()"):format(o.cmd[1]),
        vim.log.levels.ERROR)
    end
    return
  end
  return vim.lsp.start({
    name = "assay",
    cmd = o.cmd,
    root_dir = root_dir(bufnr),
    settings = { assay = o.settings },
    init_options = { assay = o.settings },
    on_attach = o.on_attach,
  }, { bufnr = bufnr })
end

--- require("assay").setup(opts): attach to matching buffers, now and whenever one is opened.
function M.setup(opts)
  if not has("0.10") then
    return notify("Neovim 0.10 or later is needed", vim.log.levels.ERROR)
  end
  M.options = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  M._setup_done = true
  M._warned_missing = false
  M.define_commands()
  local group = vim.api.nvim_create_augroup("assay", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.options.filetypes,
    callback = function(ev) M.attach(ev.buf) end,
  })
  -- setup() usually runs from init.lua before any file is open; lazy loading runs it later.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.options.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
end

return M
