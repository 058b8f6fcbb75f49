import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrep, spansMisplaced, storedArticles, writeFileIn } from '../helpers';

// Our own notes, invented for this test.
const FRONT_MATTER_NOTE = `---
date: 2025-02-03
outlet: Harbour Watch
url: https://harbour.example.org/qarawi
title: Qarawi talks end
---

Syria said the talks over the Qarawi airbase had ended.

“We are ready to discuss the port with Damascus,” Kremlin spokesman Dmitry Peskov told reporters.
`;
const PLAIN_NOTE = 'Teodor Halm, a researcher at the Quayside Analytics Centre, said Russian ships had left Tartous.\n';
const WIRE_NOTE = `Ships leave Tartous

MOSCOW, Feb 3 (AFP) - Teodor Halm, a researcher at the Quayside Analytics Centre, said the frigates had sailed from Tartous.
`;
const HEADER_NOTE = 'date 2025-01-20 HOMS: Syria said the talks over the Qarawi airbase would resume in March.\n';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-notes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const write = (name: string, text: string) => writeFileIn(dir, name, text);

describe('sitrep ingest of notes without a "date" first line', () => {
  it('reads a Markdown note’s front matter and stores the text without it, offsets into what is stored', () => {
    const db = join(dir, 'front-matter.db');
    const run = runSitrep(['ingest', write('fm/qarawi.md', FRONT_MATTER_NOTE), '--db', db, '--create']);
    expect(run.status, run.stderr).toBe(0);
    const [article, ...others] = storedArticles(db);
    expect(others).toEqual([]);
    expect(article).toMatchObject({
      title: 'Qarawi talks end',
      published_at: '2025-02-03',
      outlet: 'Harbour Watch',
      url: 'https://harbour.example.org/qarawi',
    });
    expect(article!.text).not.toContain('outlet:');
    expect(article!.text.trim()).toBe(FRONT_MATTER_NOTE.slice(FRONT_MATTER_NOTE.lastIndexOf('---\n') + 4).trim());
    expect(article!.claims.length).toBeGreaterThanOrEqual(2);
    expect(article!.mentions.map((m) => m.said)).toEqual(expect.arrayContaining(['Syria', 'Dmitry Peskov']));
    expect(spansMisplaced(article!)).toEqual([]);
  });

  it('skips a note whose text is stored already, whatever its front matter says', () => {
    const db = join(dir, 'front-matter.db');
    const retitled = FRONT_MATTER_NOTE.replace('title: Qarawi talks end', 'title: Another title');
    const again = runSitrep(['ingest', write('fm/qarawi-again.md', retitled), '--db', db, '--bulk']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^skipped: \S*qarawi-again\.md: .*already stored/m);
    expect(storedArticles(db)).toHaveLength(1);
  });

  it('dates a plain note with --date and takes --outlet and --url', () => {
    const db = join(dir, 'flags.db');
    const file = write('flags/halm.txt', PLAIN_NOTE);
    const run = runSitrep([
      'ingest',
      file,
      '--db',
      db,
      '--create',
      '--date',
      '2025-02-04',
      '--outlet',
      'Desk notes',
      '--url',
      'https://desk.example.org/halm',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const [article] = storedArticles(db);
    expect(article).toMatchObject({
      published_at: '2025-02-04',
      dateline: null,
      outlet: 'Desk notes',
      url: 'https://desk.example.org/halm',
      text: PLAIN_NOTE,
    });
    expect(article!.claims.map((c) => c.said)).toEqual(['Russian ships had left Tartous']);
    expect(spansMisplaced(article!)).toEqual([]);
  });

  it('lets flags win over the front matter, and the front matter fill in what the flags leave', () => {
    const db = join(dir, 'both.db');
    const file = write('both/qarawi.md', FRONT_MATTER_NOTE);
    const run = runSitrep(['ingest', file, '--db', db, '--create', '--date', '2025-02-05', '--outlet', 'Desk notes']);
    expect(run.status, run.stderr).toBe(0);
    expect(storedArticles(db)[0]).toMatchObject({
      published_at: '2025-02-05',
      outlet: 'Desk notes',
      url: 'https://harbour.example.org/qarawi',
      title: 'Qarawi talks end',
    });
  });

  it('takes place, outlet and title from a wire dateline, which is not read as a mention of Russia', () => {
    const db = join(dir, 'wire.db');
    const run = runSitrep([
      'ingest',
      write('wire/frigates.txt', WIRE_NOTE),
      '--db',
      db,
      '--create',
      '--date',
      '2025-02-04',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const [article] = storedArticles(db);
    expect(article).toMatchObject({
      title: 'Ships leave Tartous',
      published_at: '2025-02-04',
      dateline: 'MOSCOW',
      outlet: 'AFP',
      text: WIRE_NOTE,
    });
    const bodyStart = WIRE_NOTE.indexOf('Teodor');
    expect(article!.mentions.length).toBeGreaterThan(0);
    for (const mention of article!.mentions) expect(mention.start).toBeGreaterThanOrEqual(bodyStart);
    expect(article!.claims.map((c) => c.said)).toEqual(['the frigates had sailed from Tartous']);
    expect(spansMisplaced(article!)).toEqual([]);
  });

  it('takes the .md and .txt files of a folder, and a "date" first line still wins over --date', () => {
    const db = join(dir, 'folder.db');
    const folder = join(dir, 'folder');
    write('folder/a-qarawi.md', FRONT_MATTER_NOTE);
    write('folder/b-homs.txt', HEADER_NOTE);
    write('folder/c-halm.txt', PLAIN_NOTE);
    write('folder/d-ignored.json', '{}');
    const run = runSitrep(['ingest', folder, '--db', db, '--create', '--date', '2025-02-06']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^3 articles ingested, .* 0 failed\.$/m);
    // --date dates the note that has front matter too (flags win); the "date" line is the text's own.
    expect(storedArticles(db).map((a) => [a.published_at, a.dateline])).toEqual([
      ['2025-02-06', null],
      ['2025-01-20', 'HOMS'],
      ['2025-02-06', null],
    ]);
  });

  it('says in --help that flags win over front matter', () => {
    const help = runSitrep(['help', 'ingest']);
    expect(help.status).toBe(0);
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/--date <YYYY-MM-DD> .* wins over front matter/);
  });
});
