import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_BUNDLE, dataOf, useTestServer } from '../helpers';
import { readmeBlocks } from '../helpers/readme';
import { StatusNotification } from '@sitrep/language-server/protocol';

/** Why Neovim cannot run here, or null if it can (scripts/ensure-neovim.sh installs Debian's). */
function neovimUnavailable(): string | null {
  const result = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? null : 'nvim not found: run scripts/ensure-neovim.sh';
}

const unavailable = neovimUnavailable();
if (unavailable && process.env.CI === 'true') throw new Error(`Neovim tests cannot be skipped in CI: ${unavailable}`);
if (unavailable) console.warn(`Skipping Neovim language-server tests: ${unavailable}`);

// The README's Neovim setup (a FileType autocmd that starts one client and attaches every buffer),
// then `body` through Neovim's own LSP client, with the 0.7 API Debian 12 ships. `body` sees
// `config`, `out` (written as JSON at the end), `sitrep` (the client id) and `bufnr`.
function neovimScript(body: string, setup = ''): string {
  return `
local config = vim.fn.json_decode(vim.env.SITREP_NVIM_CONFIG)
local out = { statuses = {}, hovers = {} }
local ok, err = pcall(function()
  vim.cmd('filetype on')
  local sitrep
  vim.api.nvim_create_autocmd('FileType', { pattern = { 'markdown', 'text' }, callback = function(args)
    sitrep = sitrep or vim.lsp.start_client({ name = 'sitrep',
      cmd = { config.node, config.server, '--stdio' },
      init_options = { endpoint = config.endpoint, languages = { '*' } },
      handlers = { ['${StatusNotification.method}'] = function(_, result) table.insert(out.statuses, result) end } })
    vim.lsp.buf_attach_client(args.buf, sitrep)
  end })
  ${setup}
  vim.cmd('edit ' .. vim.fn.fnameescape(config.file))
  local bufnr = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo.filetype
  local client = vim.lsp.get_client_by_id(sitrep)
  out.initialized = vim.wait(10000, function() return client.initialized end, 10)
  ${body}
end)
if not ok then out.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(out) }, config.out)
vim.cmd('qa!')
`;
}

// Hover at once: the server must wait for its names rather than answer nothing.
const HOVER_LUA = neovimScript(`
  for _, at in ipairs(config.hovers) do
    local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
      { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = at }, 10000)
    local answer = results and results[sitrep]
    table.insert(out.hovers, answer and answer.result and answer.result.contents.value or '')
  end`);

/** The README's recipe that fills sitrep: buffers, then definition, references and diagnostics as a user meets them. */
function evidenceLua(recipe: string): string {
  return neovimScript(
    `
  local at = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = config.hovers[1] }
  local definition = vim.lsp.buf_request_sync(bufnr, 'textDocument/definition', at, 10000)[sitrep].result
  local location = definition[1] or definition
  vim.cmd('edit ' .. vim.fn.fnameescape(location.uri))
  out.definition = { uri = location.uri, first = vim.api.nvim_buf_get_lines(0, 0, 1, false)[1], modifiable = vim.bo.modifiable }
  vim.cmd('buffer ' .. bufnr)
  at.context = { includeDeclaration = false }
  local references = vim.lsp.buf_request_sync(bufnr, 'textDocument/references', at, 10000)[sitrep].result
  out.references = {}
  for _, reference in ipairs(references) do
    vim.cmd('edit ' .. vim.fn.fnameescape(reference.uri))
    local line = vim.api.nvim_buf_get_lines(0, reference.range.start.line, reference.range.start.line + 1, false)[1]
    table.insert(out.references, line and line:sub(reference.range.start.character + 1, reference.range['end'].character) or (reference.uri .. ' ' .. vim.api.nvim_buf_get_name(0) .. ' ' .. vim.api.nvim_buf_line_count(0)))
  end
  vim.cmd('buffer ' .. bufnr)
  local highlights = vim.lsp.buf_request_sync(bufnr, 'textDocument/documentHighlight', at, 10000)[sitrep].result
  out.highlights = {}
  for _, h in ipairs(highlights or {}) do
    local line = vim.api.nvim_buf_get_lines(bufnr, h.range.start.line, h.range.start.line + 1, false)[1]
    table.insert(out.highlights, line:sub(h.range.start.character + 1, h.range['end'].character))
  end
  vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(out.diagnostics, { code = d.code, severity = d.severity, message = d.message }) end`,
    recipe,
  );
}

interface NeovimRun {
  error?: string;
  filetype: string;
  initialized: boolean;
  statuses: Array<{ state: string; endpoint: string }>;
  hovers: string[];
  definition?: { uri: string; first: string; modifiable: boolean };
  references?: string[];
  highlights?: string[];
  diagnostics?: Array<{ code: string; severity: number; message: string }>;
}

const api = useTestServer();

describe.skipIf(unavailable)('Neovim as the client', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-nvim-'));
  }, 120_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  /** Runs headless Neovim on `text` (a Markdown file) with `lua` (HOVER_LUA: hovering at each position); resolves with what it saw. */
  async function inNeovim(text: string, hovers: Array<{ line: number; character: number }>, lua = HOVER_LUA) {
    const file = join(dir, 'notes.md');
    const out = join(dir, 'out.json');
    writeFileSync(file, text);
    writeFileSync(join(dir, 'hover.lua'), lua);
    const config = { node: process.execPath, server: SERVER_BUNDLE, endpoint: api.url, file, out, hovers };
    const xdg = Object.fromEntries(
      ['CONFIG', 'DATA', 'STATE', 'CACHE'].map((name) => [`XDG_${name}_HOME`, join(dir, name.toLowerCase())]),
    );
    // Not spawnSync: the GraphQL server Neovim's language server asks runs in this process.
    const child = spawn(
      'nvim',
      ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(dir, 'hover.lua')}`],
      {
        cwd: dir,
        env: { ...process.env, ...xdg, SITREP_NVIM_CONFIG: JSON.stringify(config) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    expect(code, output).toBe(0);
    return JSON.parse(readFileSync(out, 'utf8')) as NeovimRun;
  }

  it('hovers on Hmeimim Air Base with a claim and its source', async () => {
    const { entity } = dataOf(
      await api.gql<{ entity: { name: string; claims: { edges: Array<{ node: { source: { text: string } } }> } } }>(
        'query($name: String!) { entity(name: $name) { name claims(first: 1) { edges { node { source { text } } } } } }',
        { name: 'Hmeimim Air Base' },
      ),
    );
    const text = 'Flights went on from Hmeimim Air\nBase on Tuesday.\n\nNothing here names anyone.\n';
    const run = await inNeovim(text, [
      { line: 0, character: 24 },
      { line: 1, character: 1 },
      { line: 3, character: 3 },
    ]);
    expect(run.error).toBeUndefined();
    expect(run).toMatchObject({ filetype: 'markdown', initialized: true });
    const [onName, onSecondLine, onPlainWords] = run.hovers.map((h) => h.replace(/\\(.)/g, '$1'));
    expect(onName).toContain(`**${entity.name}**`);
    expect(onName).toContain(entity.claims.edges[0]!.node.source.text);
    expect(onSecondLine).toContain(`**${entity.name}**`);
    expect(onPlainWords).toBe('');
    expect(run.statuses).toContainEqual(expect.objectContaining({ state: 'connected', endpoint: api.url }));
  });

  it("runs the README's recipe: definition opens the entity's page, references the articles at each mention, highlights its mentions, and diagnostics show", async () => {
    const blocks = readmeBlocks().filter((b) => b.lang === 'lua');
    const recipe = blocks.find((b) => b.text.includes("'sitrep/evidence'"));
    expect(recipe, 'a ```lua block that fills sitrep: buffers').toBeDefined();
    const text = 'Helicopters were seen at Qamishli Airport.\nQamishli was quiet later.\n';
    const run = await inNeovim(text, [{ line: 0, character: 28 }], evidenceLua(recipe!.text));
    expect(run.error, run.error).toBeUndefined();
    expect(run.definition).toMatchObject({ first: '# Qamishli Airport', modifiable: false });
    expect(run.definition!.uri).toMatch(/^sitrep:\/\/entity\//);
    expect(run.references!.length).toBeGreaterThan(0);
    for (const said of run.references!) expect(said).toMatch(/Qamishli/);
    expect(run.highlights).toEqual(['Qamishli Airport', 'Qamishli']);
    expect(run.diagnostics!.map((d) => d.code)).toContain('contested');
  });
});
