import { describe, expect, it } from 'vitest';
import { renderEditorOnly, runEditorOnly } from './editor-only';
import { DEFAULT_SEED, SCALES } from './scales';

// `pnpm bench --editor-only` at small scale: the language server's figures, nothing else. No timing
// is asserted: this machine is shared.
describe('pnpm bench --editor-only', () => {
  it(
    'builds the database, measures hover, tokens, completion and definition, and reports them',
    { timeout: 180_000 },
    async () => {
      const result = await runEditorOnly({ scale: { ...SCALES.small, lspHovers: 10 }, seed: DEFAULT_SEED });
      expect(result.build.claims).toBe(10_000);
      expect(result.editor.answered).toBeGreaterThan(0);
      expect(result.editor.tokens1MiB).toBeGreaterThan(0);
      expect(result.editor.completionP95).toBeGreaterThan(0);
      expect(result.editor.definitionP95).toBeGreaterThan(0);
      const markdown = renderEditorOnly(result);
      expect(markdown).toContain('## Sitrep bench: the editor alone, small scale');
      expect(markdown).toMatch(/\| editor semantic tokens, 1 MiB document \| [\d.]+ ms/);
    },
  );
});
