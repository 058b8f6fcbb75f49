import type { InstallationType } from '@sitrep/vocabulary';
import { CAPITAL_AHEAD } from './alternation';
import type { EntityTable } from './table';
import { nameKey } from './table';
import { matchesOf } from '../matches';

/** What kind of installation a cue noun names. */
function subtypeOf(cue: string): InstallationType {
  const c = cue.toLowerCase();
  if (/air ?base|air ?field|air station|airport|airstrip/.test(c)) return 'airbase';
  if (/naval|fleet base|support point/.test(c)) return 'naval_base';
  if (/port|harbou?r/.test(c)) return 'port';
  if (/eavesdropping|listening|signals|radar/.test(c)) return 'listening_post';
  if (/post|outpost|checkpoint/.test(c)) return 'military_post';
  return 'base';
}

// Base-like cue nouns, longest first so "naval base" wins over "base".
// Either case: "Hmeimim airbase" and "Khmeimim Air Base" alike.
const CUE =
  '(?:[Nn]aval (?:(?:[Ll]ogistics|[Ss]upply|[Ss]upport|[Rr]epair) )?(?:[Bb]ase|[Ff]acility|[Ss]tation|[Pp]ort)|[Aa]ir ?[Bb]ase|[Mm]ilitary [Aa]ir ?[Ff]ield|[Aa]ir ?[Ff]ield|[Aa]ir [Ss]tation|[Mm]ilitary (?:[Bb]ase|[Aa]irport)|[Cc]ommercial [Pp]ort|[Aa]irport|[Aa]irstrip|[Pp]ort|[Bb]ase|[Ff]acility|[Ss]upport [Pp]oint)';
// A second word of a name may not be the first word of a cue ("Qarawi Air Base" is Qarawi's).
// Digits too ("T4"), and a particle between two words ("Ain al Asad"). A word is at most 64
// characters: hyphens and apostrophes make a word boundary, so in "A-A-A-…" a name may start at
// every second character, and an unbounded word read to the end of the run from each of them.
const WORD = "[\\p{Lu}][\\p{L}\\p{M}\\p{N}’'-]{1,63}";
const NAME = `(?:${WORD})(?: (?:(?:al|el|ad|as|an|ash|bin|ibn|de|del) )?(?!(?:Air|Naval|Military|Commercial|Support)\\b)(?:(?:al|el|ad|as|an|ash)-)?(?:${WORD}))?`;
// A hyphenated participle makes an adjective, not a name: "Turkish-operated airbases", "Moscow-controlled".
const COMPOUND_ADJECTIVE =
  /-(?:operated|controlled|held|led|backed|run|built|made|owned|linked|funded|occupied|based)$/;
// The Arabic article in lower case before a name: "al-Jufra air base" is the base's whole name.
const ARTICLE_BEFORE = /(?:^|[^\p{L}])((?:al|el)-)$/u;

/** "Hmeimim airbase", "the Tartous naval facility", "the Tartus and Khmeimim bases". */
const NAME_THEN_CUE = new RegExp(`${CAPITAL_AHEAD}\\b(${NAME})(?: and (${NAME}))? (${CUE})s?\\b`, 'gu');
/** "Moscow’s base at Tartous", "its naval facility at Tartous", "a military airfield in Morozovsk". */
const CUE_AT_NAME = new RegExp(`\\b(${CUE}) (?:at|in|in [\\p{Lu}][\\p{L}]*[’']s) (${NAME})`, 'gu');
/** "posts in the Alawite Mountains", "eavesdropping posts", "airfields in Russia's Vladimir Oblast". */
const POSTS =
  /\b((?:eavesdropping|listening|observation|military|radar) (?:posts|post|stations|station)|(?:posts|air ?fields|air ?bases|bases) in (?:the )?(?:[\p{Lu}][\p{L}]*[’']s )?[\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)* (?:Mountains|Oblast|Province|Governorate|Region|Krai|District|Desert|Valley)|posts in the [\p{Lu}][\p{L}-]+(?: [\p{Lu}][\p{L}-]+)*)/gu;

// Built once: a literal in a function body is a new RegExp object each time the line runs.
const NOT_A_NAME = /^(The|A|An|Its|His|Her|Their|Our|This|That|These|Those|Both|Two|Three)$/;
const OWNER = /^[\p{Lu}][\p{L}]*[’']s /u;
const POSSESSIVE_END = /[’']s$/u;
const DETERMINER = /^(The|A|An|Its|His|Her|Their|Our|This|That) /;
const AREA_AFTER = /^\s+(?:province|governorate|region|city|district|countryside)\b/i;
const CAPITALISED_WORD = new RegExp(`${CAPITAL_AHEAD}[\\p{Lu}][\\p{L}\\p{M}’'-]+`, 'gu');

export interface InstallationContext {
  /** Names that are states or regions and cannot name an installation ("a base in Syria"). */
  isPlaceOfState(name: string): boolean;
}

function canonical(name: string, cue: string): string {
  const c = cue.toLowerCase().replace('airbase', 'air base').replace('airfield', 'air field');
  if (c === 'base' || c === 'facility') return `${name} base`;
  return `${name} ${c}`;
}

/** Finds named installations and the bare uses of their names; returns the names found. */
export function findInstallations(text: string, from: number, table: EntityTable, ctx: InstallationContext): void {
  const body = text.slice(from);
  const add = (named: string, cue: string, namedStart: number, end: number) => {
    // "the Moscow-controlled Belbek airbase" is Belbek's; "Turkish-operated airbases" are no one's.
    const first = named.split(' ')[0]!;
    const compound = COMPOUND_ADJECTIVE.test(first);
    if (compound && first === named) return;
    const bare = compound ? named.slice(first.length + 1) : named;
    const bareStart = compound ? namedStart + first.length + 1 : namedStart;
    const article = ARTICLE_BEFORE.exec(text.slice(Math.max(0, bareStart - 4), bareStart))?.[1];
    const name = article ? `${article}${bare}` : bare;
    const start = article ? bareStart - article.length : bareStart;
    const type = subtypeOf(cue);
    const kind = type === 'port' ? 'port' : 'base';
    const entity = table.ensure(`inst:${kind}:${nameKey(name)}`, canonical(name, cue), 'installation', type);
    if (!table.isTaken(start, end)) table.mention(entity, text, start, end);
  };
  for (const m of matchesOf(NAME_THEN_CUE, body)) {
    const [whole, first, second, cue] = m as unknown as [string, string, string | undefined, string];
    let at = from + m.index;
    if (NOT_A_NAME.test(first)) continue;
    // "Syria’s Tartous commercial port": the owner is not part of the name.
    const owner = OWNER.exec(first);
    if (owner && !second) {
      at += owner[0].length;
      const name = first.slice(owner[0].length);
      if (!ctx.isPlaceOfState(name)) add(name, cue, at, at + whole.length - owner[0].length);
      continue;
    }
    if (POSSESSIVE_END.test(first) || ctx.isPlaceOfState(first)) continue;
    // "The Tartous base": the article is not part of the name.
    const article = DETERMINER.exec(first);
    if (article) {
      if (second) continue;
      at += article[0].length;
      const name = first.slice(article[0].length);
      if (!ctx.isPlaceOfState(name)) add(name, cue, at, at + whole.length - article[0].length);
      continue;
    }
    if (second) {
      // "the Tartus and Khmeimim bases": two installations, each named on its own.
      add(first, cue, at, at + first.length);
      const secondAt = at + whole.indexOf(second, first.length);
      if (!ctx.isPlaceOfState(second)) add(second, cue, secondAt, secondAt + second.length);
    } else {
      add(first, cue, at, at + whole.length);
    }
  }
  for (const m of matchesOf(CUE_AT_NAME, body)) {
    const [whole, cue, name] = m as unknown as [string, string, string];
    const at = from + m.index;
    // "air base in Syria’s Latakia province": a province locates a base, it does not name it.
    const next = text.slice(at + whole.length, at + whole.length + 14);
    if (ctx.isPlaceOfState(name) || AREA_AFTER.test(next)) continue;
    // "the Hmeimim airbase in Latakia": a base named already is only located by "in".
    if (table.isTaken(at, at + cue.length)) continue;
    add(name, cue, at, at + whole.length);
  }
  for (const m of matchesOf(POSTS, body)) {
    const phrase = m[0];
    const at = from + m.index;
    const entity = table.ensure(`inst:posts:${nameKey(phrase)}`, phrase, 'installation', subtypeOf(phrase));
    if (!table.isTaken(at, at + phrase.length)) table.mention(entity, text, at, at + phrase.length);
  }
}

/** "Tartous’s" → "Tartous": the same as replacing POSSESSIVE_END, without a RegExp for every capitalised word. */
const withoutPossessive = (word: string) => (word.endsWith('’s') || word.endsWith("'s") ? word.slice(0, -2) : word);

/** Bare uses of an installation's name, in any spelling ("Tartous", "Tartus", "Khmeimim"), become its mentions. */
export function findBareInstallationNames(text: string, from: number, table: EntityTable): void {
  const byPlace = new Map<string, ReturnType<EntityTable['all']>[number]>();
  for (const entity of table.all()) {
    if (entity.type !== 'installation' || entity.key.startsWith('inst:posts:')) continue;
    const place = entity.key.split(':')[2]!;
    // A naval base and a commercial port can share a town's name; the base is what a bare name means.
    if (!byPlace.has(place) || entity.key.startsWith('inst:base:')) byPlace.set(place, entity);
  }
  if (byPlace.size === 0) return;
  for (const m of matchesOf(CAPITALISED_WORD, text.slice(from))) {
    const word = withoutPossessive(m[0]);
    const entity = byPlace.get(nameKey(word));
    const at = from + m.index;
    if (entity && !table.isTaken(at, at + word.length)) table.mention(entity, text, at, at + word.length);
  }
}
