import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SitrepDatabase, openDatabase } from '@sitrep/db';
import { ingestArticle } from '@sitrep/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Our own reports, opening with invented wire datelines.
const DATED_BY_ITS_DATELINE =
  'KAZAN, Russia, Feb 3, 2025 (Interfax) - Two landing ships docked at the Tartus naval base, officials said.\n';
const YEARLESS = 'KAZAN, Feb 4 (AFP) - Kremlin spokesman Dmitry Peskov said no decision had been taken on the bases.\n';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-wire-'));
let db: SitrepDatabase;
beforeAll(() => {
  db = openDatabase(join(dir, 'sitrep.db'));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingesting a text that opens with a wire dateline', () => {
  it('is dated by a dateline that writes its year, and credits its agency as the outlet', () => {
    const { article } = ingestArticle(db, { text: DATED_BY_ITS_DATELINE });
    expect(article).toMatchObject({ publishedAt: '2025-02-03', dateline: 'KAZAN', outlet: 'Interfax' });
  });

  it('keeps an outlet it is given over the agency', () => {
    const { article } = ingestArticle(db, { text: YEARLESS, outlet: 'Desk notes', publishedAt: '2025-02-05' });
    expect(article).toMatchObject({ publishedAt: '2025-02-05', outlet: 'Desk notes' });
  });

  it('is refused without a date when the dateline writes no year', () => {
    expect(() => ingestArticle(db, { text: `${YEARLESS}\nMore.` })).toThrow(/publication date/);
  });
});
