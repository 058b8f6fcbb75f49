import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_ARTICLE_CHARS } from '@sitrep/vocabulary';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One giant paragraph with no full stop: the shape extraction handles worst, refused unread.
const huge = join(dir, 'huge.txt');
writeFileSync(huge, `date 2025-01-01 MOSCOW: ${'word '.repeat(MAX_ARTICLE_CHARS / 5)}`);
const small = join(dir, 'small.txt');
writeFileSync(small, 'date 2025-01-01 MOSCOW: Officials said the base would stay open.\n');

describe('the CLI applies the server’s article size limit', () => {
  it('extract refuses a file over the limit at once, naming it and the limit', () => {
    const run = runSitrep(['extract', huge]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      `sitrep: ${huge}: the article is ${MAX_ARTICLE_CHARS + 24} characters; the limit (--max-article-chars) is ${MAX_ARTICLE_CHARS}.`,
    );
  });

  it('ingest reports the file as failed and stores the others', () => {
    const run = runSitrep(['ingest', huge, small, '--db', join(dir, 'size.db'), '--create']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^failed: \S*huge\.txt: The article is \d+ characters; the limit \(--max-article-chars\)/m,
    );
    expect(run.stdout).toMatch(/^1 article ingested/m);
  });

  it('--max-article-chars sets another limit', () => {
    const run = runSitrep(['extract', small, '--max-article-chars', '20']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/the limit \(--max-article-chars\) is 20\./);
    expect(runSitrep(['extract', small, '--max-article-chars', '1000']).status).toBe(0);
  });
});
