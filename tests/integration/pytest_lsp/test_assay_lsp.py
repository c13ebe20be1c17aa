"""assay lsp driven by pytest-lsp with the recorded client capabilities of real editors.

Run through the shared recipe, which installs pytest-lsp into its cache and exports the server
command as $ASSAY_SERVER_CMD:

    ../shared/integration/pytest_lsp_e2e.sh "/abs/target/debug/assay lsp" -q $PWD/tests/integration/pytest_lsp

(tests/integration/run_real_clients.sh does exactly that.) pytest.ini beside this file turns
pytest-lsp's LspSpecificationWarning (a server message the client's capabilities do not allow)
into a failure.
"""
from __future__ import annotations

import ast
import atexit
import os
import pathlib
import shlex
import shutil
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

SERVER = shlex.split(os.environ.get("ASSAY_SERVER_CMD", "assay lsp"))

WORKSPACE = pathlib.Path(tempfile.mkdtemp(prefix="assay-pytest-lsp-")).resolve()
atexit.register(shutil.rmtree, WORKSPACE, ignore_errors=True)

VULN = (
    "import subprocess\n"
    "\n"
    "\n"
    "def f(cur, name):\n"
    "    cur.execute(f\"SELECT * FROM t WHERE n = '{name}'\")\n"
    "\n"
    "\n"
    "def g(text):\n"
    "    # café 😀\n"
    "    s = \"é😀\"; return eval(text)\n"
)
CLEAN = "import json\n\n\ndef f(cur, name):\n    cur.execute(\"SELECT * FROM t WHERE n = ?\", (name,))\n    return json.loads(name)\n"
RUST = "pub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n"
SQL, EVAL, RS_UNSAFE = "py-sql-string-format", "py-eval-exec-dynamic", "rs-unsafe-without-safety-comment"

# Real editors' capabilities as captured by pytest-lsp, plus a client that supports nothing
# optional (push diagnostics, no code action literals, plain-text hover).
CLIENTS = ["neovim@v0.11.0", "neovim@v0.7.0", "visual-studio-code@v1.65.2", "emacs@v29.1", "bare"]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), params=CLIENTS)
async def client(lsp_client: LanguageClient, request):
    # Real editors answer these; pytest-lsp's client does not by default.
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def _register(params: types.RegistrationParams):
        return None

    @lsp_client.feature(types.CLIENT_UNREGISTER_CAPABILITY)
    def _unregister(params: types.UnregistrationParams):
        return None

    # (workspace/configuration is answered by pytest-lsp itself, which also checks that the
    # client advertised it.)

    caps = types.ClientCapabilities() if request.param == "bare" else client_capabilities(request.param)
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            root_uri=WORKSPACE.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=WORKSPACE.as_uri(), name="ws")],
        )
    )
    lsp_client.client_name_ = request.param
    lsp_client.client_caps_ = caps
    lsp_client.server_capabilities_ = result.capabilities
    yield
    await lsp_client.shutdown_session()


def encoding(client: LanguageClient) -> str:
    enc = client.server_capabilities_.position_encoding
    return "utf-16" if enc is None else str(enc.value if hasattr(enc, "value") else enc)


def col(line: str, index: int, enc: str) -> int:
    """Column of the character at `index` in `line`, in the negotiated encoding."""
    prefix = line[:index]
    if enc == "utf-8":
        return len(prefix.encode("utf-8"))
    if enc == "utf-16":
        return len(prefix.encode("utf-16-le")) // 2
    return len(prefix)


def range_of(text: str, needle: str, enc: str) -> types.Range:
    for n, line in enumerate(text.splitlines()):
        i = line.find(needle)
        if i >= 0:
            return types.Range(
                start=types.Position(line=n, character=col(line, i, enc)),
                end=types.Position(line=n, character=col(line, i + len(needle), enc)),
            )
    raise AssertionError(f"{needle!r} not found")


def open_doc(client: LanguageClient, name: str, text: str) -> str:
    path = WORKSPACE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    lang = "rust" if name.endswith(".rs") else "python"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id=lang, version=1, text=text)
        )
    )
    return uri


def supports_pull(client: LanguageClient) -> bool:
    td = client.client_caps_.text_document
    return td is not None and td.diagnostic is not None


async def get_diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    """Pull when the server offers it (it must, exactly when the client can pull), else wait for a push."""
    assert (client.server_capabilities_.diagnostic_provider is not None) == supports_pull(client), (
        client.client_name_,
        client.server_capabilities_.diagnostic_provider,
    )
    if client.server_capabilities_.diagnostic_provider is not None:
        report = await client.text_document_diagnostic_async(
            types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri), identifier="assay")
        )
        assert uri not in client.diagnostics, "pull mode must not push"
        return list(report.items)
    while uri not in client.diagnostics:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return list(client.diagnostics[uri])


def as_command(action) -> types.Command | None:
    """The Command a code action runs.

    pygls 2.1.1 (with lsprotocol 2025.0.0) structures assay's "Copy secure prompt" CodeAction,
    which carries a command object and no edit, as a bare Command whose `command` is the str() of
    that object. VS Code and Neovim tell the two apart by the type of `command`; undo pygls'
    guess here.
    """
    if isinstance(action, types.CodeAction):
        return action.command
    if isinstance(action.command, str) and action.command.startswith("{"):
        d = ast.literal_eval(action.command)
        return types.Command(title=d["title"], command=d["command"], arguments=d.get("arguments"))
    return action


async def test_position_encoding_follows_the_client(client: LanguageClient):
    general = client.client_caps_.general
    offered = [str(getattr(e, "value", e)) for e in ((general.position_encodings if general else None) or [])]
    want = "utf-8" if "utf-8" in offered else "utf-16"
    assert encoding(client) == want, (client.client_name_, offered, client.server_capabilities_.position_encoding)


async def test_findings_and_ranges(client: LanguageClient):
    uri = open_doc(client, "app/vuln.py", VULN)
    diags = await get_diagnostics(client, uri)
    assert sorted(str(d.code) for d in diags) == [EVAL, SQL], diags
    enc = encoding(client)
    for d in diags:
        assert d.source == "assay"
        assert d.code_description is not None and str(d.code) in d.code_description.href
        assert d.severity == types.DiagnosticSeverity.Error
    by_code = {str(d.code): d for d in diags}
    assert by_code[SQL].range == range_of(VULN, "cur.execute(f\"SELECT * FROM t WHERE n = '{name}'\")", enc)
    # after non-ASCII text on the same line: the column depends on the negotiated encoding
    assert by_code[EVAL].range == range_of(VULN, "eval(text)", enc), (enc, by_code[EVAL].range)


async def test_clean_file_has_no_findings(client: LanguageClient):
    uri = open_doc(client, "clean.py", CLEAN)
    assert await get_diagnostics(client, uri) == []


async def test_rust_file(client: LanguageClient):
    uri = open_doc(client, "src/lib.rs", RUST)
    diags = await get_diagnostics(client, uri)
    assert [str(d.code) for d in diags] == [RS_UNSAFE], diags


async def test_code_actions(client: LanguageClient):
    uri = open_doc(client, "app/vuln.py", VULN)
    diags = await get_diagnostics(client, uri)
    sql = next(d for d in diags if str(d.code) == SQL)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=sql.range,
            context=types.CodeActionContext(diagnostics=[sql]),
        )
    )
    actions = list(actions or [])
    titles = [a.title for a in actions]
    assert f"Ignore {SQL} on this line" in titles, titles
    prompt = [a for a in actions if "secure prompt" in a.title.lower()]
    assert prompt, titles
    cmd = as_command(prompt[0])
    assert cmd is not None and cmd.command == "assay.securePrompt" and list(cmd.arguments or []) == [SQL], prompt[0]
    hint = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=cmd.command, arguments=cmd.arguments)
    )
    assert isinstance(hint, str) and "parameterized" in hint, hint


async def test_hover(client: LanguageClient):
    uri = open_doc(client, "app/vuln.py", VULN)
    diags = await get_diagnostics(client, uri)
    sql = next(d for d in diags if str(d.code) == SQL)
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=sql.range.start)
    )
    assert hover is not None
    contents = hover.contents
    text = contents.value if isinstance(contents, types.MarkupContent) else str(contents)
    assert SQL in text and "CWE-89" in text, text
