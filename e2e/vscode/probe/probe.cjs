// Test-only extension (see README.md): answers e2e/vscode/run.mjs through VS Code's command API.
// Each request is one JSON object { op, ...params } POSTed to 127.0.0.1:$SITREP_PROBE_PORT; the
// answer is { ok: true, value } or { ok: false, error }. Plain JavaScript, no build, no dependencies.
const http = require('node:http');
const vscode = require('vscode');

/** A file path or a URI string (sitrep://…) as a vscode.Uri. */
const uriOf = (target) => (/^[a-z][a-z0-9+.-]*:/i.test(target) ? vscode.Uri.parse(target) : vscode.Uri.file(target));

/** Arguments as JSON can carry them: { $uri }, { $position: [line, character] }, { $range: [l, c, l, c] }. */
function revive(value) {
  if (Array.isArray(value)) return value.map(revive);
  if (value && typeof value === 'object') {
    if ('$uri' in value) return uriOf(value.$uri);
    if ('$position' in value) return new vscode.Position(...value.$position);
    if ('$range' in value) return new vscode.Range(...value.$range);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)]));
  }
  return value;
}

/** VS Code's answer as plain JSON: URIs as strings, positions and ranges as objects, token data as arrays. */
function plain(value, depth = 0) {
  if (depth > 12 || value === null || value === undefined) return value ?? null;
  if (value instanceof vscode.Uri) return value.toString();
  if (value instanceof vscode.Position) return { line: value.line, character: value.character };
  if (value instanceof vscode.Range) return { start: plain(value.start), end: plain(value.end) };
  if (value instanceof vscode.MarkdownString) return { value: value.value };
  if (ArrayBuffer.isView(value)) return Array.from(value);
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  if (typeof value === 'object') {
    const out = {};
    for (const [key, v] of Object.entries(value)) if (typeof v !== 'function') out[key] = plain(v, depth + 1);
    return out;
  }
  return value;
}

const ops = {
  /** Opens a file (or sitrep:// document) in an editor and makes it the active one. */
  async open({ target }) {
    const document = await vscode.workspace.openTextDocument(uriOf(target));
    await vscode.window.showTextDocument(document, { preview: false });
    return { uri: document.uri.toString(), languageId: document.languageId };
  },
  /** Runs any command with revived arguments: vscode.executeHoverProvider, a Sitrep command, … */
  async execute({ command, args = [] }) {
    return plain(await vscode.commands.executeCommand(command, ...revive(args)));
  },
  /** The text of a document, as VS Code holds it. */
  async text({ target }) {
    return (await vscode.workspace.openTextDocument(uriOf(target))).getText();
  },
  /** What the user sees in the active editor: its document and the selected text. */
  async active() {
    const editor = vscode.window.activeTextEditor;
    if (!editor) return null;
    return {
      uri: editor.document.uri.toString(),
      selection: plain(editor.selection),
      selected: editor.document.getText(editor.selection),
    };
  },
  async diagnostics({ target }) {
    return plain(vscode.languages.getDiagnostics(uriOf(target)));
  },
  /** Replaces a document's whole text, as typing would, without saving. */
  async replaceText({ target, text }) {
    const document = await vscode.workspace.openTextDocument(uriOf(target));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    return vscode.workspace.applyEdit(edit);
  },
  /** Sets a user setting (a changed sitrep.* setting restarts the language server). */
  async configure({ key, value }) {
    await vscode.workspace.getConfiguration().update(key, value, vscode.ConfigurationTarget.Global);
    return true;
  },
};

function activate(context) {
  const port = Number(process.env.SITREP_PROBE_PORT);
  if (!port) return;
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      let answer;
      try {
        const { op, ...params } = JSON.parse(body);
        if (!ops[op]) throw new Error(`no probe op "${op}"`);
        answer = { ok: true, value: await ops[op](params) };
      } catch (error) {
        answer = { ok: false, error: String(error && error.stack ? error.stack : error) };
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer));
    });
  });
  server.listen(port, '127.0.0.1');
  context.subscriptions.push({ dispose: () => server.close() });
}

module.exports = { activate, deactivate() {} };
