import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SITREP_BIN } from '../helpers';

describe('sitrep lsp', { timeout: 30_000 }, () => {
  it('talks LSP over standard input and output when no transport is named', async () => {
    const child = spawn(process.execPath, [SITREP_BIN, 'lsp'], { cwd: REPO_ROOT, stdio: 'pipe' });
    try {
      const message = JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { processId: null, rootUri: null, capabilities: {} },
      });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`);
      const answer = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('"capabilities"')) resolve(out);
        });
        child.once('exit', (code) => reject(new Error(`sitrep lsp exited with ${code}`)));
      });
      expect(answer).toMatch(/"id":1,"result":\{"capabilities":\{/);
    } finally {
      child.kill();
    }
  });
});
