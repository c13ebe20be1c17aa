// The assay extension: starts `assay lsp`, maps settings onto the server's, and adds the commands
// that make a finding easy to act on. It sends no telemetry.
import { execFile } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidChangeConfigurationNotification,
  DocumentSelector,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';
import { locateServer, ServerLocation } from './server';

/** Commands the server implements (workspace/executeCommand). */
const SERVER_SECURE_PROMPT = 'assay.securePrompt';
const SERVER_SCAN_WORKSPACE = 'assay.scanWorkspace';

/** Python, Rust, and the file types that hold configuration and so, often, secrets. */
const LANGUAGES = [
  'python', 'rust', 'toml', 'yaml', 'json', 'jsonc', 'ini', 'properties', 'dotenv', 'shellscript',
  'dockerfile', 'terraform', 'xml',
];
const PATTERNS = ['**/.env', '**/.env.*', '**/*.pem', '**/*.key', '**/.npmrc', '**/.pypirc', '**/*.cfg', '**/*.conf'];
const DOCUMENT_SELECTOR: DocumentSelector = [
  ...LANGUAGES.map((language) => ({ scheme: 'file', language })),
  ...PATTERNS.map((pattern) => ({ scheme: 'file', pattern })),
];

let client: LanguageClient | undefined;
let server: ServerLocation | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;
let state: 'starting' | 'running' | 'stopped' | 'not found' | 'failed' = 'stopped';

/** The server's settings (`initializationOptions` and `workspace/didChangeConfiguration`). */
function serverSettings(): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration('assay');
  const baseline = c.get<string>('baseline', '').trim();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return {
    select: c.get<string[] | null>('select', null),
    extendSelect: c.get<string[]>('extendSelect', []),
    ignore: c.get<string[]>('ignore', []),
    severity: c.get<Record<string, string>>('severity', {}),
    scope: c.get<string>('scope', 'all'),
    hideUnchanged: c.get<boolean>('hideUnchanged', false),
    // left out when unset; relative to the first workspace folder otherwise
    baseline: baseline ? (path.isAbsolute(baseline) || !folder ? baseline : path.join(folder, baseline)) : undefined,
    scanWorkspaceOnStartup: c.get<boolean>('scanWorkspaceOnStartup', false),
    honorForeignSuppressions: c.get<boolean>('honorForeignSuppressions', true),
    maxFileSize: c.get<number | null>('maxFileSize', null) ?? undefined,
    // restricted mode: the server does not load the workspace's own rule folders
    trustedWorkspace: vscode.workspace.isTrusted,
  };
}

function findingCount(): number {
  let n = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    n += diagnostics.filter((d) => d.source === 'assay').length;
  }
  return n;
}

function updateStatus(): void {
  const icon = { starting: '$(sync~spin)', running: '$(shield)', stopped: '$(circle-slash)', 'not found': '$(warning)', failed: '$(error)' }[state];
  if (state === 'running') {
    const n = findingCount();
    status.text = `${icon} assay ${n}`;
    status.tooltip = `assay: ${n} finding${n === 1 ? '' : 's'} (server ${server?.command ?? ''}). Click for the output.`;
  } else {
    status.text = `${icon} assay`;
    status.tooltip = `assay: server ${state}. Click for the output.`;
  }
  status.backgroundColor = state === 'not found' || state === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
}

function setState(s: typeof state): void {
  state = s;
  void vscode.commands.executeCommand('setContext', 'assay.active', s === 'running');
  updateStatus();
}

/** The rule ids of assay's findings at the cursor (those covering it, else those on its line). */
function rulesAtCursor(): string[] {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return [];
  }
  const pos = editor.selection.active;
  const ours = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'assay');
  let here = ours.filter((d) => d.range.contains(pos));
  if (here.length === 0) {
    here = ours.filter((d) => d.range.start.line <= pos.line && pos.line <= d.range.end.line);
  }
  const ids = here.map((d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '')));
  return [...new Set(ids.filter((id) => id))];
}

async function pickRule(placeHolder: string): Promise<string | undefined> {
  const rules = rulesAtCursor();
  if (rules.length === 1) {
    return rules[0];
  }
  if (rules.length > 1) {
    return vscode.window.showQuickPick(rules, { placeHolder });
  }
  return undefined;
}

function running(): LanguageClient | undefined {
  if (client && client.state === State.Running) {
    return client;
  }
  void vscode.window.showWarningMessage('assay: the server is not running; see "assay: Show Output".');
  return undefined;
}

async function copySecurePrompt(ruleArg?: unknown): Promise<void> {
  const rule = typeof ruleArg === 'string' ? ruleArg : await pickRule('Copy the secure prompt of which finding?');
  if (!rule) {
    void vscode.window.showInformationMessage('assay: no finding at the cursor.');
    return;
  }
  const c = running();
  if (!c) {
    return;
  }
  const prompt = await c.sendRequest(ExecuteCommandRequest.type, { command: SERVER_SECURE_PROMPT, arguments: [rule] });
  if (typeof prompt !== 'string' || !prompt) {
    void vscode.window.showErrorMessage(`assay: the server has no secure prompt for ${rule}.`);
    return;
  }
  await vscode.env.clipboard.writeText(prompt);
  void vscode.window.showInformationMessage(`assay: secure prompt for ${rule} copied. Paste it to your AI assistant.`);
}

async function scanWorkspace(): Promise<void> {
  const c = running();
  if (!c) {
    return;
  }
  const r = (await c.sendRequest(ExecuteCommandRequest.type, { command: SERVER_SCAN_WORKSPACE, arguments: [] })) as { files?: number; findings?: number } | null;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  void vscode.window.showInformationMessage(`assay: scanned ${plural(r?.files ?? 0, 'file')}; ${plural(r?.findings ?? 0, 'finding')} in files that are not open.`);
}

/** `assay explain RULE`, shown in a new editor: works offline, from the binary in use. */
async function showRuleDocumentation(): Promise<void> {
  let rule = await pickRule('Documentation of which rule?');
  if (!rule) {
    rule = (await vscode.window.showInputBox({ prompt: 'assay rule id', placeHolder: 'py-sql-string-format' }))?.trim();
  }
  if (!rule) {
    return;
  }
  if (!server) {
    void vscode.window.showErrorMessage('assay: the assay binary was not found; see "assay: Show Output".');
    return;
  }
  const text = await new Promise<string>((resolve, reject) => {
    execFile(server!.command, ['explain', rule!], { timeout: 10000 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(stderr.trim() || err.message));
      } else {
        resolve(stdout);
      }
    });
  }).catch((e: Error) => {
    void vscode.window.showErrorMessage(`assay explain ${rule}: ${e.message}`);
    return undefined;
  });
  if (text) {
    const doc = await vscode.workspace.openTextDocument({ content: text, language: 'markdown' });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const config = vscode.workspace.getConfiguration('assay');
  try {
    server = locateServer(config.get<string>('server.path', '').trim(), context.extensionPath);
  } catch (e) {
    server = undefined;
    setState('not found');
    const message = (e as Error).message;
    output.appendLine(message);
    void vscode.window.showErrorMessage(message, 'Open Settings').then((choice) => {
      if (choice) {
        void vscode.commands.executeCommand('workbench.action.openSettings', 'assay.server');
      }
    });
    return;
  }
  const args = config.get<string[]>('server.args', ['lsp']);
  output.appendLine(`starting ${server.command} ${args.join(' ')} (found through ${server.source})`);
  const serverOptions: ServerOptions = { command: server.command, args };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    initializationOptions: { assay: serverSettings() },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    middleware: {
      // The "Copy secure prompt" code action runs the server command; copy what it returns.
      executeCommand: async (command, args, next) => {
        if (command === SERVER_SECURE_PROMPT) {
          return copySecurePrompt(args[0]);
        }
        return next(command, args);
      },
    },
  };
  client = new LanguageClient('assay', 'assay', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    setState(e.newState === State.Running ? 'running' : e.newState === State.Starting ? 'starting' : 'stopped');
  });
  setState('starting');
  try {
    await client.start();
  } catch (e) {
    setState('failed');
    output.appendLine(`the server failed to start: ${(e as Error).message}`);
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  if (old) {
    await old.stop().catch(() => undefined);
    await old.dispose().catch(() => undefined);
  }
  await startClient(context);
}

function sendSettings(): void {
  if (client && client.state === State.Running) {
    void client.sendNotification(DidChangeConfigurationNotification.type, { settings: { assay: serverSettings() } });
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('assay');
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.name = 'assay';
  status.command = 'assay.showOutput';
  status.show();
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('assay.copySecurePrompt', () => copySecurePrompt()),
    vscode.commands.registerCommand('assay.scan', scanWorkspace),
    vscode.commands.registerCommand('assay.showRuleDocumentation', showRuleDocumentation),
    vscode.commands.registerCommand('assay.restartServer', () => restart(context)),
    vscode.commands.registerCommand('assay.showOutput', () => output.show(true)),
    vscode.languages.onDidChangeDiagnostics(() => updateStatus()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('assay.server')) {
        void restart(context);
      } else if (e.affectsConfiguration('assay')) {
        sendSettings();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => sendSettings()),
  );
  await startClient(context);
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
