import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import type { ExportSource } from '@sitrep/db';
import { stringify } from 'csv-stringify/sync';
import { type ExportCounts, writeLine } from './jsonl';
import { type ExportOptions, type ExportRecord, RECORD_TYPES, type RecordType, recordsOf } from './records';

type Cell = string | number | boolean | null;

/** A file per record type, named for a spreadsheet's tab. */
export const CSV_FILES: Record<RecordType, string> = {
  entity: 'entities.csv',
  article: 'articles.csv',
  claim: 'claims.csv',
  statement: 'statements.csv',
};

/** Each file's columns, in order; a file with no rows still has its header. */
export const CSV_COLUMNS: Record<RecordType, readonly string[]> = {
  entity: [
    'id',
    'kind',
    'name',
    'aliases',
    'description',
    'actorType',
    'role',
    'affiliation',
    'installationType',
    'place',
    'region',
    'country',
    'latitude',
    'longitude',
    'operator',
    'hostCountry',
    'reviewStatus',
  ],
  article: ['id', 'title', 'publishedAt', 'dateline', 'outlet', 'url', 'author', 'wordCount', 'copyOf'],
  claim: [
    'id',
    'articleId',
    'quote',
    'start',
    'end',
    'stance',
    'hedged',
    'eventDate',
    'saidOn',
    'sourceText',
    'sourceActorId',
    'sourceActor',
    'sourceCount',
    'sourceAnonymous',
    'about',
    'aboutIds',
    'statementId',
    'reviewStatus',
  ],
  statement: [
    'id',
    'grade',
    'credibility',
    'credibilityReason',
    'reliability',
    'firstSaid',
    'lastSaid',
    'eventDate',
    'claims',
    'independentSources',
    'affirming',
    'denying',
    'contested',
    'curated',
    'about',
    'aboutIds',
    'conflictsWith',
    'conflictReasons',
  ],
};

const columnsOf = (type: RecordType, withText: boolean) =>
  type === 'article' && withText ? [...CSV_COLUMNS.article, 'text'] : CSV_COLUMNS[type];

const names = (list: ReadonlyArray<{ name: string }>) => list.map((x) => x.name).join('; ');
const ids = (list: readonly number[]) => list.join(';');

/**
 * One record as a row of cells: nested lists become "; "-joined names beside ";"-joined ids, so a
 * spreadsheet filters on names and a script can still join on ids.
 */
function rowOf(record: ExportRecord, withText: boolean): Record<string, Cell> {
  switch (record.type) {
    case 'entity': {
      const { type: _type, aliases, location, ...rest } = record;
      return { ...rest, aliases: aliases.join('; '), ...(location ?? emptyLocation) };
    }
    case 'article': {
      const { type: _type, text, ...rest } = record;
      return withText ? { ...rest, text: text ?? '' } : rest;
    }
    case 'claim': {
      const { type: _type, span, source, about, ...rest } = record;
      return {
        ...rest,
        start: span[0],
        end: span[1],
        sourceText: source?.text ?? null,
        sourceActorId: source?.actorId ?? null,
        sourceActor: source?.actor ?? null,
        sourceCount: source?.count ?? null,
        sourceAnonymous: source?.anonymous ?? false,
        about: about.map((a) => `${a.name} (${a.role})`).join('; '),
        aboutIds: ids(about.map((a) => a.entityId)),
      };
    }
    case 'statement': {
      const { type: _type, about, conflicts, ...rest } = record;
      return {
        ...rest,
        about: names(about),
        aboutIds: ids(about.map((a) => a.entityId)),
        conflictsWith: ids(conflicts.map((c) => c.statementId)),
        conflictReasons: conflicts.map((c) => c.why).join(' | '),
      };
    }
  }
}

const emptyLocation = { place: null, region: null, country: null, latitude: null, longitude: null };

/**
 * The whole knowledge base as four CSV files in `folder` (CSV_FILES), with a header row each,
 * from one snapshot; quoting, commas and line breaks in quotes as RFC 4180 (csv-stringify).
 */
export function writeCsvFiles(
  source: ExportSource,
  folder: string,
  options: ExportOptions = {},
): Promise<ExportCounts> {
  const withText = options.withText ?? false;
  return source.snapshot(async (reads) => {
    const counts: ExportCounts = { entity: 0, article: 0, claim: 0, statement: 0 };
    for (const type of RECORD_TYPES) {
      const out = createWriteStream(join(folder, CSV_FILES[type]), { flags: 'wx' });
      const columns = columnsOf(type, withText);
      await writeLine(out, stringify([columns]));
      for await (const record of recordsOf(reads, type, options)) {
        const row = rowOf(record, withText);
        await writeLine(out, stringify([columns.map((c) => row[c] ?? null)], { cast: { boolean: (b) => String(b) } }));
        counts[type] += 1;
      }
      out.end();
      await finished(out);
    }
    return counts;
  });
}
