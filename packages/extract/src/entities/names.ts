import type { KnownName } from '../knowledge/countries';
import { REGIONS } from '../knowledge/institutions';
import type { Sentence, Token } from '../segment';
import { type EntityRecord, type EntityTable, nameKey } from './table';

const MAX_NAME_CHARS = 120;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Countries, demonyms, capitals and well-known bodies, wherever the text names them. */
const knownPatterns = new WeakMap<KnownName[], { bySurface: Map<string, KnownName>; pattern: RegExp }>();

/** The look-up table and the one big pattern for a gazetteer, built once. */
function knownPattern(known: KnownName[]) {
  let built = knownPatterns.get(known);
  if (!built) {
    const bySurface = new Map(known.map((k) => [k.surface, k]));
    const surfaces = [...bySurface.keys()].sort((a, b) => b.length - a.length).map(escape);
    // Whole words only: "Russian" is not "Russia", "Niger" is not "Nigeria".
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${surfaces.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
    built = { bySurface, pattern };
    knownPatterns.set(known, built);
  }
  return built;
}

export function findKnownNames(text: string, from: number, table: EntityTable, known: KnownName[]): void {
  const { bySurface, pattern } = knownPattern(known);
  for (const m of text.slice(from).matchAll(pattern)) {
    const at = from + m.index;
    const name = bySurface.get(m[0]);
    if (!name) continue;
    // Inside a longer name only as its owner or adjective: "Ukraine's military intelligence",
    // "Syrian rebels" name Ukraine and Syria too; "Kyiv Independent" does not name Ukraine.
    const possessive = /^[’']s\b/u.test(text.slice(at + m[0].length, at + m[0].length + 3));
    if (table.isTaken(at, at + m[0].length) && !possessive && name.via !== 'demonym') continue;
    const entity = table.ensure(`known:${name.canonical}`, name.canonical, name.type, name.subtype);
    table.mention(entity, text, at, at + m[0].length);
    if (name.via === 'demonym' && !/^the /i.test(name.surface)) entity.adjectival.add(at);
  }
}

const TITLES = new Set(
  'President Prime Minister Minister CEO Chairman Chairwoman Spokesman Spokeswoman spokesman spokeswoman General Gen. Admiral Colonel Col. Commander Chief chief Director director Head head Leader leader Ambassador ambassador Envoy envoy King Prince Emir Sheikh Mr. Ms. Mrs. Dr. dictator president minister premier founder official analyst Secretary secretary Governor governor Mayor'.split(
    ' ',
  ),
);
const ORG_NOUNS = new Set(
  'newspaper agency company firm group outlet broadcaster website channel operator daily magazine contractor'.split(
    ' ',
  ),
);
const ORG_CUES =
  /\b(Labs?|Engineering|Group|Corps|Company|Corporation|Corp\.?|Inc\.?|Ltd\.?|Agency|Independent|Times|Post|News|Television|TV|Bank|Institute|University|Council|Committee|Army|Forces|Front|Brigades?|Movement|Party|Ministry|Directorate|Service|Guard|Fleet|Navy|Media|Press|Watch|Observatory|Foundation|Systems|Industries|Holding|Energy|Airlines|Journal|Gazette|Herald|Tribune|Telegraph|Monitor|Review|Daily|Weekly|Magazine|Task Force|Command|Division|Regiment|Battalion)\b/;
const ARMED_CUES =
  /\b(Corps|Army|Forces|Front|Brigades?|Guard|Militia|Task Force|Command|Division|Regiment|Battalion)\b/;
const PLACE_CUES =
  /\b(Oblast|Province|Governorate|Mountains?|Sea|Coast|River|Valley|Island|Islands|Desert|Strait|Bay|Region|District|City|Port|Airport)\b/;
const EVENT_CUES = /\b(War|Revolution|Spring|Agreement|Treaty|Accords?|Day|Christmas|Ramadan|Olympics)\b/;
// A name right after one of these is a ship's or a weapon's, not an actor's ("the frigate Admiral Golovko").
const VESSEL_NOUNS =
  /\b(ships?|vessels?|frigates?|tankers?|submarines?|destroyers?|corvettes?|cruisers?|carriers?|warships?|boats?|aircraft|planes?|jets?|helicopters?|systems?|missiles?)\s+(?:[\p{Lu}][\p{L}]+\s+)?$/iu;
const MONTHS_AND_DAYS =
  /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?$/;

const isNameToken = (t: Token) => /^[\p{Lu}]/u.test(t.text) && t.pos !== 'PUNCT' && !MONTHS_AND_DAYS.test(t.text);
const isParticle = (t: Token) => /^(al|el|bin|ibn|bint|abu|de|van|von|der)$/i.test(t.text);

/** Runs of capitalised tokens ("Bashar al-Assad", "Planet Labs", "STG Engineering"), titles split off. */
function chains(sentence: Sentence): Token[][] {
  const found: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    while (run.length && (isParticle(run.at(-1)!) || run.at(-1)!.text === '-')) run.pop();
    // A leading "The" belongs to the sentence, not the name ("The West", "The Kyiv Independent").
    // Nor does a capitalised function word opening the sentence ("But Dmitry Trifonov").
    while (run.length && (/^(The|A|An)$/.test(run[0]!.text) || !['PROPN', 'NOUN', 'ADJ', 'X'].includes(run[0]!.pos)))
      run.shift();
    if (run.length) found.push(run);
    run = [];
  };
  sentence.tokens.forEach((token, i) => {
    const prev = sentence.tokens[i - 1];
    const joined = prev && prev.end === token.start;
    if (TITLES.has(token.text)) return flush();
    if (isNameToken(token) || (run.length && (isParticle(token) || (token.text === '-' && joined)))) {
      // A space-separated particle ("bin", "de") or a hyphen glued to its neighbours keeps the run going.
      if (run.length && !joined && token.text !== '-' && run.at(-1)!.text === '-') flush();
      run.push(token);
    } else if (isParticle(token) && !run.length && sentence.tokens[i + 1]?.text === '-') {
      run.push(token);
    } else {
      flush();
    }
  });
  flush();
  return found;
}

export interface NameContext {
  isKnown(word: string): boolean;
}

/** Proper names of people and organisations that general knowledge does not list. */
export function findProperNames(
  text: string,
  sentences: Sentence[],
  table: EntityTable,
  ctx: NameContext,
  onlyOrganisations = false,
): void {
  for (const sentence of sentences) {
    let lastWasVessel = false;
    let lastEnd = sentence.start;
    for (const chain of chains(sentence)) {
      const start = chain[0]!.start;
      const end = chain.at(-1)!.end;
      if (table.isTaken(start, end)) continue;
      const name = text.slice(start, end);
      const before = text.slice(Math.max(sentence.start, start - 40), start);
      const after = text.slice(end, Math.min(sentence.end, end + 30));
      const words = name.split(/\s+/);
      // A lone capitalised common noun opening a sentence ("Agency was unable…") is no name.
      if (words.length === 1 && start === sentence.start && ORG_CUES.test(name)) continue;
      if (REGIONS.has(name) || ctx.isKnown(name) || PLACE_CUES.test(name) || EVENT_CUES.test(name)) continue;
      const vessel = VESSEL_NOUNS.test(`${before} `) || /^\s*(cargo |landing )?(ships?|vessels?)\b/.test(after);
      // "ships Ivan Gren and Alexander Otrakovsky": a list that starts with a ship goes on with ships.
      const listed: boolean = lastWasVessel && /^\s*(,|and|as well as)\s*$/.test(text.slice(lastEnd, start));
      lastEnd = end;
      lastWasVessel = vessel || listed;
      if (/\d/.test(name) || vessel || listed) continue;
      if (/^\s*(province|governorate|city|region|coast|countryside|district)\b/i.test(after)) continue;
      const prevWord = before.trim().split(/\s+/).at(-1) ?? '';
      // "Russian President Vladimir Putin", "the head of Tartous customs, Riad Joudy".
      const titled =
        TITLES.has(prevWord) ||
        /\b(President|Minister|CEO|leader|dictator|spokesman)\s+$/.test(before) ||
        before
          .trim()
          .split(/\s+/)
          .slice(-6)
          .some((w, i, all) => TITLES.has(w) && i < all.length - 1 && before.trimEnd().endsWith(','));
      const orgNoun = ORG_NOUNS.has(prevWord.toLowerCase());
      const acronym = /^[\p{Lu}]{2,6}$/u.test(name);
      const camel = /^[\p{Lu}][\p{Ll}]+[\p{Lu}][\p{L}]*$/u.test(name);
      const speaks = /^\s*(said|says|told|claimed|reported|noted|added|confirmed|denied)\b/.test(after);
      let subtype: string | null = null;
      if (titled) subtype = 'person';
      else if (ORG_CUES.test(name)) subtype = ARMED_CUES.test(name) ? 'armed_group' : 'organization';
      else if (orgNoun || acronym || camel || words.some((w) => /^[\p{Lu}]{2,6}$/u.test(w))) subtype = 'organization';
      else if (words.length >= 2 && !/^(in|at|near|from|to|outside|across|of)$/i.test(prevWord)) subtype = 'person';
      else if (speaks && start !== sentence.start) subtype = 'organization';
      if (!subtype || (onlyOrganisations && !ORG_CUES.test(name))) continue;
      // "Haddad said": a surname of someone already named is that person, not a new organisation.
      if (words.length === 1) {
        const person = table
          .all()
          .find((e) => e.subtype === 'person' && nameKey(e.name.split(/\s+/).at(-1)!) === nameKey(name));
        if (person) {
          table.mention(person, text, start, end);
          continue;
        }
      }
      const key = subtype === 'person' ? `person:${nameKey(name)}` : `org:${nameKey(name)}`;
      table.mention(table.ensure(key, name, 'actor', subtype), text, start, end);
    }
  }
}

/** "X — better known as Y", "X, also known as Y": one entity with two names. */
export function findAlsoKnownAs(text: string, table: EntityTable): void {
  for (const m of text.matchAll(
    /(?:—|–|,|\()\s*(?:better |also |more commonly )?known as ((?:[\p{Lu}][\p{L}’'-]*\s?)+)/gu,
  )) {
    const aliasStart = m.index + m[0].indexOf(m[1]!);
    const alias = m[1]!.trim();
    const before = table
      .all()
      .filter((e) => e.type === 'actor' && e.mentions.some((x) => x.end <= m.index && m.index - x.end < 4));
    const owner = before[0];
    if (!owner) continue;
    const other = table.at(aliasStart, aliasStart + alias.length);
    if (other && other !== owner) {
      for (const mention of other.mentions) owner.mentions.push(mention);
      for (const a of other.aliases) owner.aliases.add(a);
      other.mentions.length = 0;
    } else if (!table.isTaken(aliasStart, aliasStart + alias.length)) {
      table.mention(owner, text, aliasStart, aliasStart + alias.length);
    }
  }
}

/** Later uses of a name the article has introduced: a surname ("Trifonov"), an acronym ("HUR"), a full name again. */
export function findRepeatedNames(text: string, from: number, table: EntityTable): void {
  mergeShortOrganisationNames(table);
  const short = new Map<string, EntityRecord>();
  for (const entity of table.all()) {
    if (entity.type !== 'actor' || entity.key.startsWith('known:')) continue;
    for (const alias of entity.aliases) {
      // A run of capitalised words thousands long is no name, and would outgrow a RegExp.
      if (alias.length > MAX_NAME_CHARS) continue;
      if (/^[\p{Lu}]/u.test(alias) && alias.length >= 3) short.set(alias, entity);
      if (entity.subtype === 'person') {
        const last = alias.split(/\s+/).at(-1)!;
        const bare = last.replace(/^(al|el|ad|as|an)-/i, '');
        for (const form of [last, bare])
          if (form.length >= 3 && /^[\p{Lu}]/u.test(form) && !short.has(form)) short.set(form, entity);
      }
    }
  }
  const surfaces = [...short.keys()].sort((a, b) => b.length - a.length);
  if (surfaces.length === 0) return;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${surfaces.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.slice(from).matchAll(pattern)) {
    const at = from + m.index;
    if (!table.isTaken(at, at + m[0].length)) table.mention(short.get(m[0])!, text, at, at + m[0].length);
  }
}

/** "STG Stroytransgaz" and later "Stroytransgaz" are one organisation: fold the short one in. */
function mergeShortOrganisationNames(table: EntityTable): void {
  const orgs = table.all().filter((e) => e.key.startsWith('org:'));
  for (const short of orgs) {
    if (/\s/.test(short.name)) continue;
    const long = orgs.find(
      (o) => o !== short && o.name.split(/\s+/).at(-1) === short.name && !ORG_CUES.test(short.name),
    );
    if (!long) continue;
    long.mentions.push(...short.mentions);
    for (const alias of short.aliases) long.aliases.add(alias);
    short.mentions.length = 0;
  }
}
