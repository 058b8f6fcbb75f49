import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_BUNDLE, dataOf, useTestServer } from '../helpers';
import { StatusNotification } from '@sitrep/language-server/protocol';

/** Why Neovim cannot run here, or null if it can (scripts/ensure-neovim.sh installs Debian's). */
function neovimUnavailable(): string | null {
  const result = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? null : 'nvim not found: run scripts/ensure-neovim.sh';
}

const unavailable = neovimUnavailable();
if (unavailable && process.env.CI === 'true') throw new Error(`Neovim tests cannot be skipped in CI: ${unavailable}`);
if (unavailable) console.warn(`Skipping Neovim language-server tests: ${unavailable}`);

// The README's Neovim setup (a FileType autocmd that starts one client and attaches every buffer), then
// hovers through Neovim's own LSP client, with the 0.7 API Debian 12 ships. Writes what it saw as JSON.
const HOVER_LUA = `
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
  vim.cmd('edit ' .. vim.fn.fnameescape(config.file))
  local bufnr = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo.filetype
  local client = vim.lsp.get_client_by_id(sitrep)
  out.initialized = vim.wait(10000, function() return client.initialized end, 10)
  -- Hover at once: the server must wait for its names rather than answer nothing.
  for _, at in ipairs(config.hovers) do
    local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
      { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = at }, 10000)
    local answer = results and results[sitrep]
    table.insert(out.hovers, answer and answer.result and answer.result.contents.value or '')
  end
end)
if not ok then out.error = tostring(err) end
vim.fn.writefile({ vim.fn.json_encode(out) }, config.out)
vim.cmd('qa!')
`;

interface NeovimRun {
  error?: string;
  filetype: string;
  initialized: boolean;
  statuses: Array<{ state: string; endpoint: string }>;
  hovers: string[];
}

const api = useTestServer();

describe.skipIf(unavailable)('Neovim as the client', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-nvim-'));
  }, 120_000);
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  /** Runs headless Neovim on `text` (a Markdown file), hovering at each position; resolves with what it saw. */
  async function hoverInNeovim(text: string, hovers: Array<{ line: number; character: number }>) {
    const file = join(dir, 'notes.md');
    const out = join(dir, 'out.json');
    writeFileSync(file, text);
    writeFileSync(join(dir, 'hover.lua'), HOVER_LUA);
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
    const run = await hoverInNeovim(text, [
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
});
