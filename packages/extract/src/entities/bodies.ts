import type { KnownName } from '../knowledge/countries';
import { type EntityTable, nameKey } from './table';

export interface StateNames {
  /** Alternation of country names and demonyms, longest first, for building patterns. */
  pattern: string;
  /** The state a country name, demonym or capital stands for. */
  stateOf(word: string): KnownName | undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function stateNames(known: KnownName[]): StateNames {
  const bySurface = new Map(known.map((k) => [k.surface, k]));
  const surfaces = known
    .filter((k) => k.via !== 'capital' && !k.surface.startsWith('the '))
    .map((k) => k.surface)
    .sort((a, b) => b.length - a.length);
  return {
    pattern: `(?:${surfaces.map(escape).join('|')})`,
    stateOf: (word) => bySurface.get(word.replace(/[’']s$/u, '')),
  };
}

const MINISTRIES: Array<[RegExp, string]> = [
  [/defen[cs]e/i, 'Ministry of Defence'],
  [/foreign/i, 'Ministry of Foreign Affairs'],
  [/interior/i, 'Ministry of Interior'],
];

function demonymOf(states: StateNames, word: string | undefined, all: KnownName[]): string {
  const state = word ? states.stateOf(word) : undefined;
  if (!state) return '';
  return (
    all.find((k) => k.canonical === state.canonical && k.via === 'demonym' && !k.surface.startsWith('the '))?.surface ??
    state.canonical
  );
}

/**
 * Bodies and groups named by description rather than by a proper name: a state's ministries and
 * intelligence service, an interim administration, rebels, a fleet.
 */
// The patterns hold every country and demonym: compile each once per process, not per article.
const patterns = new Map<string, RegExp>();
function compiled(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = new RegExp(source, flags);
    patterns.set(key, pattern);
  }
  return pattern;
}

export function findBodies(
  text: string,
  from: number,
  table: EntityTable,
  states: StateNames,
  known: KnownName[],
): void {
  const body = text.slice(from);
  const S = states.pattern;
  const owner = `(?:(${S})(?:’s|'s)? )?`;
  const each = (pattern: RegExp, handle: (m: RegExpMatchArray, at: number) => void) => {
    for (const m of body.matchAll(pattern)) handle(m, from + m.index!);
  };

  each(
    compiled(
      `\\b${owner}(defen[cs]e|foreign|interior) ministry\\b|\\b(?:(${S}) )?Ministry of (Defen[cs]e|Foreign Affairs|Interior)\\b`,
      'gu',
    ),
    (m, at) => {
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
    },
  );

  each(
    compiled(
      `\\b${owner}(military intelligence|intelligence (?:service|agency|directorate))(?: \\(([\\p{Lu}]{2,6})\\))?`,
      'gu',
    ),
    (m, at) => {
      const acronym = m[3];
      const demonym = demonymOf(states, m[1], known);
      const name = acronym ?? `${demonym} ${m[2]}`.trim();
      const entity = table.ensure(`org:${nameKey(name)}`, name, 'actor', 'government_body');
      if (table.isTaken(at, at + m[0].length)) return;
      table.mention(entity, text, at, at + m[0].length);
      // "Ukraine's military intelligence" without the acronym is a name of it too.
      if (acronym) entity.aliases.add(m[0].slice(0, m[0].indexOf(' (')));
    },
  );

  each(
    compiled(
      `\\b(?:${owner}(?:the )?new (?:interim |transitional |ruling )?(?:administration|government|authorities|rulers)(?: of (${S}))?|(?:interim|transitional|caretaker) (?:administration|government|authorities))\\b`,
      'gu',
    ),
    (m, at) => {
      const state = demonymOf(states, m[1] ?? m[2], known);
      const entity = table.ensure(
        'body:interim',
        `${state ? `${state} ` : ''}interim administration`,
        'actor',
        'government_body',
      );
      if (!table.isTaken(at, at + m[0].length)) table.mention(entity, text, at, at + m[0].length);
    },
  );

  each(
    compiled(`\\b(?:(${S}) )?(?:[Rr]ebels|[Rr]ebel forces|[Ii]nsurgents|[Oo]pposition fighters)\\b`, 'gu'),
    (m, at) => {
      const demonym = demonymOf(states, m[1], known);
      const entity = table.ensure('group:rebels', `${demonym ? `${demonym} ` : ''}rebels`, 'actor', 'armed_group');
      if (!table.isTaken(at, at + m[0].length)) table.mention(entity, text, at, at + m[0].length);
    },
  );

  each(
    compiled(`\\b(?:(${S})(?:’s|'s)?) ((?:[\\p{Lu}][\\p{L}]+ )?(?:fleet|Fleet|Navy|Air Force|Armed Forces))\\b`, 'gu'),
    (m, at) => {
      const demonym = demonymOf(states, m[1], known);
      const name = `${demonym} ${m[2]}`;
      const entity = table.ensure(`mil:${nameKey(name)}`, name, 'actor', 'military');
      if (table.isTaken(at, at + m[0].length)) return;
      table.mention(entity, text, at, at + m[0].length);
      entity.aliases.add(m[2]!);
    },
  );
}
