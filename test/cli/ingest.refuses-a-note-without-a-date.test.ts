import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@sitrep/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSitrep } from '../helpers';

// Our own notes, invented for this test.
const DATED = `---
date: 2025-02-03
---
Syria said the talks over the Qarawi airbase had ended.
`;
const UNDATED_TEXT = 'Notes for the weekly brief: call the port authority about Tartous.\n';
const UNDATED_MARKDOWN = `---
outlet: Harbour Watch
---
Syria said the frigates had left Tartous.
`;
const YEARLESS_DATELINE = 'KAZAN, Feb 3 (AFP) - Syria said the talks over the Qarawi airbase had ended.\n';
const FUTURE = `---
date: 2999-01-01
---
Syria said the talks would resume.
`;
const FUTURE_DATE_LINE = 'date 2999-01-01 TARTOUS: Syria said the talks would resume.\n';
const NOT_A_DAY = 'date 2025-13-45 TARTOUS: Syria said the talks had ended.\n';
const BROKEN_YAML = `---
date: [2025-02-03
---
Syria said the talks had ended.
`;

const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-undated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ADD_A_DATE =
  /no publication date\. Add one: --date YYYY-MM-DD .*"date: YYYY-MM-DD" in the front matter .*"date YYYY-MM-DD PLACE: "/;

function articleCount(db: string): number {
  const opened = openDatabase(db);
  try {
    return (opened.sqlite.prepare('select count(*) as n from articles').get() as { n: number }).n;
  } finally {
    opened.close();
  }
}

describe('sitrep ingest of a note without a date', () => {
  const folder = join(dir, 'notes');
  const db = join(dir, 'notes.db');
  const files = {
    'a-dated.md': DATED,
    'b-undated.txt': UNDATED_TEXT,
    'c-undated.md': UNDATED_MARKDOWN,
    'd-yearless-dateline.txt': YEARLESS_DATELINE,
    'e-future.md': FUTURE,
    'f-broken-front-matter.md': BROKEN_YAML,
    'g-empty.txt': ' \n\n',
    'h-future-date-line.txt': FUTURE_DATE_LINE,
    'i-not-a-day.txt': NOT_A_DAY,
    'j-date-line-only.txt': 'date 2025-01-05 TARTOUS:\n\n',
  };
  let run: ReturnType<typeof runSitrep>;
  beforeAll(() => {
    mkdirSync(folder);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
    run = runSitrep(['ingest', folder, '--db', db, '--create']);
  });
  const failure = (name: string) => run.stderr.split('\n').find((line) => line.includes(`${name}:`)) ?? '';

  it('refuses each, naming the file and saying which date to add, and takes the dated one', () => {
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^1 article ingested, .* 9 failed\.$/m);
    expect(articleCount(db)).toBe(1);
    expect(failure('b-undated.txt')).toMatch(/^failed: \S*b-undated\.txt: /);
    expect(failure('b-undated.txt')).toMatch(ADD_A_DATE);
    expect(failure('b-undated.txt')).toContain('found “Notes for the weekly brief');
    expect(failure('c-undated.md')).toMatch(ADD_A_DATE);
  });

  it('says a dateline without a year is no date, and quotes it', () => {
    expect(failure('d-yearless-dateline.txt')).toMatch(ADD_A_DATE);
    expect(failure('d-yearless-dateline.txt')).toContain('its dateline “KAZAN, Feb 3 (AFP) -” writes no year');
  });

  it('refuses a date in the future, and front matter that is not YAML, saying so', () => {
    expect(failure('e-future.md')).toMatch(
      /^failed: \S*e-future\.md: the publication date 2999-01-01 is in the future/,
    );
    expect(failure('f-broken-front-matter.md')).toMatch(
      /^failed: \S*f-broken-front-matter\.md: the front matter is not valid YAML: /,
    );
  });

  it('holds a date line to the same rule, says an empty file is empty, and names a file once with its line', () => {
    expect(failure('h-future-date-line.txt')).toMatch(
      /^failed: \S*h-future-date-line\.txt: the publication date 2999-01-01 is in the future/,
    );
    expect(failure('g-empty.txt')).toMatch(/^failed: \S*g-empty\.txt: the file is empty: there is no text to read\.$/);
    expect(failure('i-not-a-day.txt')).toMatch(/^failed: \S*i-not-a-day\.txt:1: “2025-13-45” is not a calendar date/);
    expect(failure('i-not-a-day.txt').match(/i-not-a-day\.txt/g)).toHaveLength(1);
    expect(failure('j-date-line-only.txt')).toMatch(
      /^failed: \S*j-date-line-only\.txt:1: there is no text after the date line; write the article below it\.$/,
    );
  });

  it('takes the undated note and the one with a yearless dateline once --date is given', () => {
    const again = runSitrep([
      'ingest',
      join(folder, 'b-undated.txt'),
      join(folder, 'd-yearless-dateline.txt'),
      '--db',
      db,
      '--date',
      '2025-02-04',
    ]);
    expect(again.status, again.stderr).toBe(0);
    expect(articleCount(db)).toBe(3);
  });

  it('refuses --date in the future before touching the database', () => {
    const future = runSitrep(['ingest', join(folder, 'c-undated.md'), '--db', db, '--date', '2999-01-01']);
    expect(future.status).not.toBe(0);
    expect(future.stderr).toMatch(/--date.*2999-01-01 is in the future/);
    const impossible = runSitrep(['ingest', join(folder, 'c-undated.md'), '--db', db, '--date', '2025-02-30']);
    expect(impossible.stderr).toMatch(/“2025-02-30” is not a calendar date \(YYYY-MM-DD\)/);
    expect(articleCount(db)).toBe(3);
  });
});
