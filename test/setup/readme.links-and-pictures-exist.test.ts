import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every relative link and picture in a Markdown file, with the line it is on. */
function relativeTargets(file: string): Array<{ line: number; target: string }> {
  const found: Array<{ line: number; target: string }> = [];
  readFileSync(join(ROOT, file), 'utf8')
    .split('\n')
    .forEach((text, i) => {
      for (const [, target] of text.matchAll(/!?\[[^\]]*\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        if (!/^[a-z]+:/i.test(target!)) found.push({ line: i + 1, target: target! });
      }
    });
  return found;
}

describe('the README', () => {
  it('links only to files and pictures the repository holds', () => {
    const targets = relativeTargets('README.md');
    expect(targets.some((t) => t.target.endsWith('.png'))).toBe(true);
    const missing = targets.filter((t) => !existsSync(join(ROOT, t.target)));
    expect(missing.map((m) => `README.md:${m.line}: ${m.target}`)).toEqual([]);
  });
});
