import type { KnownName } from '../knowledge/countries';
import { wordAlternation } from './alternation';
import { type EntityTable, nameKey } from './table';

export interface StateNames {
  /** Alternation of country names and demonyms (the longest that fits wins), for building patterns. */
  pattern: string;
  /** The state a country name, demonym or capital stands for. */
  stateOf(word: string): KnownName | undefined;
  /** Length of the longest name in `pattern`. */
  longest: number;
}

const POSSESSIVE_END = /[’']s$/u;
const PERSON_AFTER =
  /^\s+(?:officers?|commanders?|generals?|spokes(?:man|woman|person)|officials?|sources?|chiefs?|veterans?|deserters?|pilots?)\b/i;

export function stateNames(known: KnownName[]): StateNames {
  const bySurface = new Map(known.map((k) => [k.surface, k]));
  const surfaces = known.filter((k) => k.via !== 'capital' && !k.surface.startsWith('the ')).map((k) => k.surface);
  return {
    pattern: wordAlternation(surfaces),
    stateOf: (word) => bySurface.get(word.replace(POSSESSIVE_END, '')),
    longest: Math.max(0, ...surfaces.map((s) => s.length)),
  };
}

const MINISTRIES: Array<[RegExp, string]> = [
  [/defen[cs]e/i, 'Ministry of Defence'],
  [/foreign/i, 'Ministry of Foreign Affairs'],
  [/interior/i, 'Ministry of Interior'],
];

const demonymTables = new WeakMap<KnownName[], Map<string, string>>();

/** Each state's first demonym in `all` ("Syrian" for Syria), built once per gazetteer. */
function demonyms(all: KnownName[]): Map<string, string> {
  let table = demonymTables.get(all);
  if (!table) {
    table = new Map();
    for (const k of all) {
      if (k.via === 'demonym' && !k.surface.startsWith('the ') && !table.has(k.canonical))
        table.set(k.canonical, k.surface);
    }
    demonymTables.set(all, table);
  }
  return table;
}

function demonymOf(states: StateNames, word: string | undefined, all: KnownName[]): string {
  const state = word ? states.stateOf(word) : undefined;
  if (!state) return '';
  return demonyms(all).get(state.canonical) ?? state.canonical;
}

// The patterns hold every country and demonym: build each once per gazetteer, not per article
// (building their sources, and hashing them to look a compiled one up, cost as much as matching).
const bodyPatternsOf = new WeakMap<StateNames, ReturnType<typeof buildBodyPatterns>>();

/**
 * A pattern, and the words every match of it contains (the pattern without its owner). The text
 * is searched only from just before each cue: most articles name no ministry nor fleet, and the
 * owner's alternation would otherwise be tried at every word.
 */
interface BodyPattern {
  cue: RegExp;
  pattern: RegExp;
  /** How far before its cue a match can start (the owner, "’s", "the "); null when unbounded. */
  lead: number | null;
}

function buildBodyPatterns({
  pattern: S,
  longest,
}: StateNames): Record<'ministry' | 'intelligence' | 'interim' | 'rebels' | 'fleet' | 'media', BodyPattern> {
  const owner = `(?:(${S})(?:’s|'s)? )?`;
  // An owner and what follows it before the cue: "Russia’s " is the name and 3 more characters.
  const ownerLead = longest + 3;
  return {
    ministry: {
      cue: /(?:defen[cs]e|foreign|interior) ministry|Ministry of (?:Defen[cs]e|Foreign Affairs|Interior)/g,
      lead: ownerLead,
      pattern: new RegExp(
        `\\b${owner}(defen[cs]e|foreign|interior) ministry\\b|\\b(?:(${S}) )?Ministry of (Defen[cs]e|Foreign Affairs|Interior)\\b`,
        'gu',
      ),
    },
    intelligence: {
      cue: /military intelligence|intelligence (?:service|agency|directorate)/g,
      lead: ownerLead,
      pattern: new RegExp(
        `\\b${owner}(military intelligence|intelligence (?:service|agency|directorate))(?: \\(([\\p{Lu}]{2,6})\\))?`,
        'gu',
      ),
    },
    interim: {
      // "the new Syrian authorities": the owner may also stand after "new".
      cue: /(?:administration|government|authorities|rulers)\b/g,
      lead: ownerLead + 'the new '.length + 'transitional '.length,
      pattern: new RegExp(
        `\\b(?:${owner}(?:the )?new (?:(${S}) )?(?:interim |transitional |ruling )?(?:administration|government|authorities|rulers)(?: of (${S}))?|${owner}(?:interim|transitional|caretaker) (?:administration|government|authorities))\\b`,
        'gu',
      ),
    },
    rebels: {
      cue: /[Rr]ebel|[Ii]nsurgents|[Oo]pposition fighters/g,
      lead: ownerLead,
      pattern: new RegExp(`\\b(?:(${S}) )?(?:[Rr]ebels|[Rr]ebel forces|[Ii]nsurgents|[Oo]pposition fighters)\\b`, 'gu'),
    },
    media: {
      // "Russian media reported …", "Syrian state media": a country's press as one source.
      cue: /\bmedia\b/g,
      lead: ownerLead + 'state '.length,
      pattern: new RegExp(`\\b(${S}) ((?:state |official |local )?media)\\b`, 'gu'),
    },
    fleet: {
      cue: /fleet|Fleet|Navy|Air Force|Armed Forces|[Aa]rmy/g,
      // "Russia’s Mediterranean fleet": any one word may stand between owner and cue.
      lead: null,
      pattern: new RegExp(
        `\\b(?:(${S})(?:’s|'s)?) ((?:[\\p{Lu}][\\p{L}]+ )?(?:fleet|Fleet|Navy|Air Force|Armed Forces|[Aa]rmy))\\b`,
        'gu',
      ),
    },
  };
}

function bodyPatterns(states: StateNames) {
  let built = bodyPatternsOf.get(states);
  if (!built) {
    built = buildBodyPatterns(states);
    bodyPatternsOf.set(states, built);
  }
  return built;
}

/**
 * The matches of the pattern in `text`, as matchAll gives them, searched for from just before
 * each cue. Exact: the next match holds a cue, so the first cue ahead is at or before it, and the
 * match starts at most `lead` characters before that.
 */
function* cuedMatches({ cue, pattern, lead }: BodyPattern, text: string): Generator<RegExpExecArray> {
  let from = 0;
  for (;;) {
    cue.lastIndex = from;
    const found = cue.exec(text);
    if (!found) return;
    pattern.lastIndex = lead === null ? from : Math.max(from, found.index - lead);
    const match = pattern.exec(text);
    if (!match) return;
    yield match;
    from = match.index + match[0].length;
  }
}

/**
 * Bodies and groups named by description rather than by a proper name: a state's ministries and
 * intelligence service, an interim administration, rebels, a fleet.
 */
export function findBodies(
  text: string,
  from: number,
  table: EntityTable,
  states: StateNames,
  known: KnownName[],
): void {
  const body = text.slice(from);
  const patterns = bodyPatterns(states);
  const each = (pattern: BodyPattern, handle: (m: RegExpMatchArray, at: number) => void) => {
    for (const m of cuedMatches(pattern, body)) handle(m, from + m.index);
  };

  each(patterns.ministry, (m, at) => {
    const which = m[2] ?? m[4] ?? '';
    const name = MINISTRIES.find(([re]) => re.test(which))?.[1] ?? 'Ministry';
    const demonym = demonymOf(states, m[1] ?? m[3], known);
    const entity = table.ensure(
      `body:${nameKey(demonym)}:${name}`,
      `${demonym} ${name}`.trim(),
      'actor',
      'government_body',
    );
    if (!table.isTaken(at, at + m[0].length)) table.mention(entity, text, at, at + m[0].length);
  });

  each(patterns.intelligence, (m, at) => {
    const acronym = m[3];
    const demonym = demonymOf(states, m[1], known);
    const name = acronym ?? `${demonym} ${m[2]}`.trim();
    const entity = table.ensure(`org:${nameKey(name)}`, name, 'actor', 'government_body');
    if (table.isTaken(at, at + m[0].length)) return;
    table.mention(entity, text, at, at + m[0].length);
    // "Ukraine's military intelligence" without the acronym is a name of it too.
    if (acronym) entity.aliases.add(m[0].slice(0, m[0].indexOf(' (')));
  });

  each(patterns.interim, (m, at) => {
    const state = demonymOf(states, m[1] ?? m[2] ?? m[3] ?? m[4], known);
    const entity = table.ensure(
      'body:interim',
      `${state ? `${state} ` : ''}interim administration`,
      'actor',
      'government_body',
    );
    if (!table.isTaken(at, at + m[0].length)) table.mention(entity, text, at, at + m[0].length);
  });

  each(patterns.rebels, (m, at) => {
    const demonym = demonymOf(states, m[1], known);
    const entity = table.ensure('group:rebels', `${demonym ? `${demonym} ` : ''}rebels`, 'actor', 'armed_group');
    if (!table.isTaken(at, at + m[0].length)) table.mention(entity, text, at, at + m[0].length);
  });

  each(patterns.media, (m, at) => {
    const demonym = demonymOf(states, m[1], known);
    const name = `${demonym} ${m[2]}`;
    const entity = table.ensure(`media:${nameKey(name)}`, name, 'actor', 'organization');
    if (!table.isTaken(at, at + m[0].length)) table.mention(entity, text, at, at + m[0].length);
  });

  each(patterns.fleet, (m, at) => {
    // "a senior Syrian army officer": the service describes a person, who speaks for the state.
    if (PERSON_AFTER.test(text.slice(at + m[0].length, at + m[0].length + 16))) return;
    const demonym = demonymOf(states, m[1], known);
    const name = `${demonym} ${m[2]}`;
    const entity = table.ensure(`mil:${nameKey(name)}`, name, 'actor', 'military');
    if (table.isTaken(at, at + m[0].length)) return;
    table.mention(entity, text, at, at + m[0].length);
    entity.aliases.add(m[2]!);
  });
}
