import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENTITY_KINDS, type EntityKind, STANCES, type Stance } from '@sitrep/vocabulary';

export type GoldStance = Stance;

export interface GoldEntity {
  name: string;
  type: EntityKind | 'place';
  subtype: string;
  /** Each distinct surface form once, as it appears in the text. */
  mentions: string[];
}

export interface GoldClaim {
  quote: string;
  /** UTF-16 offsets (JS string indices) into the article file. */
  start: number;
  end: number;
  /** Who says it, or "the article" for the outlet's own voice. */
  source: string;
  /** A follow-up's own surface ("he", "the official") where it differs from `source`. */
  source_mention?: string;
  source_actor: string | null;
  about: string[];
  stance: GoldStance;
  hedged: boolean;
  event_date?: string;
}

export interface GoldArticle {
  file: string;
  published: string | null;
  dateline: string | null;
  entities: GoldEntity[];
  places: GoldEntity[];
  claims: GoldClaim[];
}

export interface CorpusArticle {
  /** The article's file name under `articles/`. */
  file: string;
  text: string;
  /** From `articles/index.json`, where it lists one. */
  title: string | null;
  /** From `articles/index.json`, where it lists one. */
  outlet: string | null;
  gold: GoldArticle;
}

/** `$SITREP_CORPUS`, else `../shared/corpus` beside the repository. */
export function defaultCorpusDir(): string {
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  return resolve(process.env.SITREP_CORPUS ?? join(repoRoot, '../shared/corpus'));
}

/** Every annotated article: `gold/X.json` with its `articles/X.txt`, sorted by file name. */
export function loadCorpus(dir: string): CorpusArticle[] {
  const index = readIndex(join(dir, 'articles', 'index.json'));
  return readdirSync(join(dir, 'gold'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ goldPath: join(dir, 'gold', name), file: `${basename(name, '.json')}.txt` }))
    .filter(({ file }) => existsSync(join(dir, 'articles', file)))
    .map(({ goldPath, file }) => ({
      file,
      text: readFileSync(join(dir, 'articles', file), 'utf8'),
      title: index.get(file)?.title ?? null,
      outlet: index.get(file)?.outlet ?? null,
      gold: parseGold(readFileSync(goldPath, 'utf8'), goldPath),
    }));
}

function readIndex(path: string): Map<string, { title: string | null; outlet: string | null }> {
  if (!existsSync(path)) return new Map();
  const index = parseJson(readFileSync(path, 'utf8'), path);
  if (!Array.isArray(index)) throw new Error(`${path}: expected an array of {file, title, outlet}`);
  const byFile = new Map<string, { title: string | null; outlet: string | null }>();
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
  for (const entry of index as Array<{ file?: unknown; title?: unknown; outlet?: unknown }>) {
    if (typeof entry.file === 'string')
      byFile.set(entry.file, { title: text(entry.title), outlet: text(entry.outlet) });
  }
  return byFile;
}

export function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
}

/** Checks of a hand-made JSON file's shape: each failure names the file and the field. */
export function shapeChecks(path: string) {
  const fail = (where: string, what: string): never => {
    throw new Error(`${path}: ${where} ${what}`);
  };
  const object = (v: unknown, where: string) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : fail(where, 'must be an object');
  const array = (v: unknown, where: string) => (Array.isArray(v) ? (v as unknown[]) : fail(where, 'must be an array'));
  const string = (v: unknown, where: string) => (typeof v === 'string' ? v : fail(where, 'must be a string'));
  return { fail, object, array, string };
}

/** Checks the shape field by field, so a typo in a hand-made file names the file and the field. */
export function parseGold(json: string, path: string): GoldArticle {
  const { fail, object, array, string } = shapeChecks(path);
  const value = parseJson(json, path);
  const nullableString = (v: unknown, where: string) => (v == null ? null : string(v, where));
  const oneOf = <T extends string>(v: unknown, where: string, allowed: readonly T[]) =>
    allowed.includes(v as T) ? (v as T) : fail(where, `must be one of ${allowed.join(', ')}`);

  const root = object(value, 'the file');
  const entities = (key: 'entities' | 'places') =>
    array(root[key] ?? [], key).map((raw, i): GoldEntity => {
      const e = object(raw, `${key}[${i}]`);
      return {
        name: string(e.name, `${key}[${i}].name`),
        type: oneOf(e.type, `${key}[${i}].type`, [...ENTITY_KINDS, 'place'] as const),
        subtype: string(e.subtype ?? '', `${key}[${i}].subtype`),
        mentions: array(e.mentions ?? [], `${key}[${i}].mentions`).map((m, j) =>
          string(m, `${key}[${i}].mentions[${j}]`),
        ),
      };
    });
  const claims = array(root.claims, 'claims').map((raw, i): GoldClaim => {
    const c = object(raw, `claims[${i}]`);
    const at = (key: string) => `claims[${i}].${key}`;
    const offset = (key: 'start' | 'end') =>
      Number.isInteger(c[key]) && (c[key] as number) >= 0
        ? (c[key] as number)
        : fail(at(key), 'must be an integer ≥ 0');
    const [start, end] = [offset('start'), offset('end')];
    if (end <= start) fail(at('end'), 'must be greater than start');
    if (typeof c.hedged !== 'boolean') fail(at('hedged'), 'must be true or false');
    const eventDate = nullableString(c.event_date, at('event_date'));
    if (eventDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(eventDate)) fail(at('event_date'), 'must be YYYY-MM-DD');
    const sourceMention = nullableString(c.source_mention, at('source_mention'));
    return {
      quote: string(c.quote, at('quote')),
      start,
      end,
      source: string(c.source, at('source')),
      ...(sourceMention === null ? {} : { source_mention: sourceMention }),
      source_actor: nullableString(c.source_actor, at('source_actor')),
      about: array(c.about ?? [], at('about')).map((a, j) => string(a, `${at('about')}[${j}]`)),
      stance: oneOf(c.stance, at('stance'), STANCES),
      hedged: c.hedged as boolean,
      ...(eventDate === null ? {} : { event_date: eventDate }),
    };
  });
  return {
    file: string(root.file, 'file'),
    published: nullableString(root.published, 'published'),
    dateline: nullableString(root.dateline, 'dateline'),
    entities: entities('entities'),
    places: entities('places'),
    claims,
  };
}
