import type { ActorType } from '@sitrep/vocabulary';
import type { KnownName } from '../knowledge/countries';
import { REGIONS } from '../knowledge/institutions';
import type { Sentence, Token } from '../segment';
import { startOfOneOf, wordAlternation } from './alternation';
import { type EntityRecord, type EntityTable, nameKey } from './table';
import { matchesOf } from '../matches';

const MAX_NAME_CHARS = 120;

/** Countries, demonyms, capitals and well-known bodies, wherever the text names them. */
const knownPatterns = new WeakMap<KnownName[], { bySurface: Map<string, KnownName>; pattern: RegExp }>();

/** The look-up table and the one big pattern for a gazetteer, built once. */
function knownPattern(known: KnownName[]) {
  let built = knownPatterns.get(known);
  if (!built) {
    const bySurface = new Map(known.map((k) => [k.surface, k]));
    const surfaces = [...bySurface.keys()];
    // Whole words only: "Russian" is not "Russia", "Niger" is not "Nigeria".
    const pattern = new RegExp(
      `${startOfOneOf(surfaces)}(?<![\\p{L}\\p{N}-])${wordAlternation(surfaces)}(?![\\p{L}\\p{N}])`,
      'gu',
    );
    built = { bySurface, pattern };
    knownPatterns.set(known, built);
  }
  return built;
}

const POSSESSIVE = /^[’']s\b/u;
const WATER_OF = /\b(?:Gulf|Sea|Bay|Strait|Straits|Horn|Gulfs) of $/;
const STARTS_WITH_THE = /^the /i;

export function findKnownNames(text: string, from: number, table: EntityTable, known: KnownName[]): void {
  const { bySurface, pattern } = knownPattern(known);
  for (const m of matchesOf(pattern, text.slice(from))) {
    const at = from + m.index;
    const name = bySurface.get(m[0]);
    if (!name) continue;
    // "the Gulf of Thailand", "the Sea of Azov": a state's name inside a sea's or a gulf's is a place.
    if (name.via !== 'demonym' && WATER_OF.test(text.slice(Math.max(0, at - 16), at))) continue;
    // Inside a longer name only as its owner or adjective: "Ukraine's military intelligence",
    // "Syrian rebels" name Ukraine and Syria too; "Kyiv Independent" does not name Ukraine.
    const possessive = POSSESSIVE.test(text.slice(at + m[0].length, at + m[0].length + 3));
    if (table.isTaken(at, at + m[0].length) && !possessive && name.via !== 'demonym') continue;
    const entity = table.ensure(`known:${name.canonical}`, name.canonical, name.type, name.subtype);
    table.mention(entity, text, at, at + m[0].length);
    if (name.via === 'demonym' && !STARTS_WITH_THE.test(name.surface)) entity.adjectival.add(at);
  }
}

/** Words of titles and ranks that stand before a person's name ("President", "Field Marshal"). */
export const TITLE_WORDS = new Set(
  'President Prime Minister Minister CEO Chairman Chairwoman Spokesman Spokeswoman spokesman spokeswoman General Gen. Admiral Colonel Col. Commander Chief chief Director director Head head Leader leader Ambassador ambassador Envoy envoy King Prince Emir Sheikh Mr. Ms. Mrs. Dr. dictator president minister premier founder official analyst Secretary secretary Governor governor Mayor Marshal Field Brigadier Lieutenant Captain Sergeant Lt. Maj. Capt. Brig. Sgt. Deputy deputy Vice Senator Sen. Rep. Judge Emir Sultan'.split(
    ' ',
  ),
);
const ORG_NOUNS = new Set(
  'newspaper agency company firm group outlet broadcaster website channel operator daily magazine contractor'.split(
    ' ',
  ),
);
const ORG_CUES =
  /\b(Department|Office|Bureau|Commission|Assembly|Authority|Federation|Union|League|Association|Academy|Centre|Center|Court|Fund|Society|Coalition|Board|Labs?|Engineering|Group|Corps|Company|Corporation|Corp\.?|Inc\.?|Ltd\.?|Agency|Independent|Times|Post|News|Television|TV|Bank|Institute|University|Council|Committee|Army|Forces|Front|Brigades?|Movement|Party|Ministry|Directorate|Service|Guard|Fleet|Navy|Media|Press|Watch|Observatory|Foundation|Systems|Industries|Holding|Energy|Airlines|Journal|Gazette|Herald|Tribune|Telegraph|Monitor|Review|Daily|Weekly|Magazine|Task Force|Command|Division|Regiment|Battalion)\b/;
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

// Patterns asked of every token or name are built once here: a literal in a function body is a new
// RegExp object each time the line runs.
const CAPITALISED = /^[\p{Lu}]/u;
const PARTICLE = /^(al|el|bin|ibn|bint|abu|de|van|von|der)$/i;
const ARTICLE = /^(The|A|An)$/;
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;

const isNameToken = (t: Token) => startsCapitalised(t.text) && t.pos !== 'PUNCT' && !MONTHS_AND_DAYS.test(t.text);

/** Whether the first letter is a capital; asked of every token, so ASCII is answered without a RegExp. */
function startsCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return CAPITALISED.test(word);
}
// The length rules out most tokens before the pattern runs.
const isParticle = (t: Token) => t.text.length <= 4 && PARTICLE.test(t.text);

/** Lower-case words inside the name of a body: "Institute for …", "Ministry of …". */
const CONNECTOR_WORDS = new Set(['of', 'for', 'on']);
/** Nouns that head the names of bodies, after which such a connector goes on with the name. */
const BODY_WORDS = new Set(
  'Institute Foundation Directorate Ministry Council Committee Centre Center Assembly Agency Department Office Bureau Commission League Union Federation Association Academy University School Service Organization Organisation Bank Court Fund Society Party Front Movement Coalition Command Forces Force Corps Army Navy Guard Board Authority Observatory'.split(
    ' ',
  ),
);

/** "4" + "12th": the digits the tagger split off a unit's ordinal. */
const startsNumber = (run: Token[], at = 0) =>
  ORDINAL.test(run[at]!.text) || (run[at]!.pos === 'NUM' && ORDINAL.test(run[at + 1]?.text ?? ''));

/** Tags a name may start with. */
const NAME_TAGS = new Set(['PROPN', 'NOUN', 'ADJ', 'X']);

/** A sentence and its runs of capitalised tokens. */
export interface NameChains {
  sentence: Sentence;
  chains: Token[][];
}

/** The candidate names of each sentence: found once, read by both passes of findProperNames. */
export function nameChains(sentences: Sentence[]): NameChains[] {
  return sentences.map((sentence) => ({ sentence, chains: chains(sentence) }));
}

/** Runs of capitalised tokens ("Bashar al-Assad", "Planet Labs", "STG Engineering"), titles split off. */
function chains(sentence: Sentence): Token[][] {
  const found: Token[][] = [];
  const tokens = sentence.tokens;
  let run: Token[] = [];
  // Whether the run holds a body's noun, kept as it grows rather than asked of the whole run.
  let body = false;
  const push = (token: Token) => {
    run.push(token);
    body ||= BODY_WORDS.has(token.text);
  };
  // The token before the run: after a determiner comes a noun phrase (see endRun).
  let before: Token | undefined;
  const end = () => {
    run = endRun(run, found, before);
    body = false;
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const prev = tokens[i - 1];
    if (!run.length) before = prev;
    const joined = prev && prev.end === token.start;
    if (TITLE_WORDS.has(token.text) && !BODY_WORDS.has(tokens[i + 1]?.text ?? '')) {
      // A title before a name ends the run; before a body's noun it is part of the body's name
      // ("the General Command").
      end();
    } else if (!run.length && ORDINAL.test(token.text) && tokens[i + 1] && isNameToken(tokens[i + 1]!)) {
      // "the 559th Guards Bomber Aviation Regiment": a unit's number is part of its name (the
      // tagger may split "412th" as "4" + "12th").
      if (prev && joined && /^\d+$/.test(prev.text)) push(prev);
      push(token);
    } else if (run.length && CONNECTOR_WORDS.has(token.text) && tokens[i + 1] && isNameToken(tokens[i + 1]!) && body) {
      // "Foundation for Defense of Democracies", "Main Directorate of Intelligence": a body's name goes on.
      push(token);
    } else if (isNameToken(token) || (run.length && (isParticle(token) || (token.text === '-' && joined)))) {
      // A space-separated particle ("bin", "de") or a hyphen glued to its neighbours keeps the run going.
      if (run.length && !joined && token.text !== '-' && run.at(-1)!.text === '-') end();
      push(token);
    } else if (!run.length && tokens[i + 1]?.text === '-' && isParticle(token)) {
      push(token);
    } else {
      end();
    }
  }
  end();
  return found;
}

/** Ends a run of name tokens: keeps what is left of it once trimmed, and returns the run to go on with. */
function endRun(run: Token[], found: Token[][], before?: Token): Token[] {
  // Called after most tokens of a sentence, mostly with nothing in hand.
  if (run.length === 0) return run;
  while (run.length && (isParticle(run.at(-1)!) || run.at(-1)!.text === '-' || CONNECTOR_WORDS.has(run.at(-1)!.text)))
    run.pop();
  // A leading "The" belongs to the sentence, not the name ("The West", "The Kyiv Independent").
  // Nor does a capitalised function word opening the sentence ("But Dmitry Trifonov").
  // A word in title case that the tagger read as a verb starts a name after a determiner: "the
  // Levant Imagery Group", where it took "Levant" for the verb (to levant: to abscond). A
  // determiner is followed by a noun phrase, not a finite verb. Not a capitalised pronoun or
  // auxiliary ("the IT network", "the IS militants"), which the tags already keep out.
  let first = 0;
  const afterDeterminer = (at: number) => {
    const previous = at === 0 ? before : run[at - 1];
    return (
      run[at]!.pos === 'VERB' &&
      TITLE_CASE.test(run[at]!.text) &&
      previous !== undefined &&
      (previous.pos === 'DET' ||
        ARTICLE.test(previous.text) ||
        // After a preposition, a noun phrase too ("by Levant Imagery Group"); alone, a capitalised
        // word there may still be a headline's verb, so only where the name goes on.
        (previous.pos === 'ADP' && at + 1 < run.length))
    );
  };
  const starts = (at: number) => NAME_TAGS.has(run[at]!.pos) || startsNumber(run, at) || afterDeterminer(at);
  while (first < run.length && (ARTICLE.test(run[first]!.text) || !starts(first))) first += 1;
  if (first < run.length) found.push(first === 0 ? run : run.slice(first));
  return [];
}

const SPACES = /\s+/;
const DIGIT = /\d/;
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
const NUMBERED_UNIT =
  /^\d+(?:st|nd|rd|th) .*\b(?:Regiment|Brigade|Division|Army|Corps|Battalion|Fleet|Squadron|Wing|Group|Command)\b/;
/** Acronyms of weapons and military hardware, which name things, not actors. General knowledge. */
const HARDWARE = new Set([
  'UAV',
  'UAVs',
  'UAS',
  'SAM',
  'SAMs',
  'ICBM',
  'ATACMS',
  'HIMARS',
  'MANPADS',
  'MLRS',
  'APC',
  'IED',
]);
const SHIPS_AFTER = /^\s*(cargo |landing )?(ships?|vessels?)\b/;
const LIST_GOES_ON = /^\s*(,|and|as well as)\s*$/;
const PLACE_NOUN_AFTER = /^\s*(province|governorate|city|region|coast|countryside|district)\b/i;
const TITLE_BEFORE = /\b(President|Minister|CEO|leader|dictator|spokesman)\s+$/;
const ACRONYM = /^[\p{Lu}]{2,6}$/u;
const CAMEL_CASE = /^[\p{Lu}][\p{Ll}]+[\p{Lu}][\p{L}]*$/u;
const SPEAKS_AFTER = /^\s*(said|says|told|claimed|reported|noted|added|confirmed|denied)\b/;
const ACCORDING_TO_END = /\baccording to\s*$/i;
const PLACE_PREPOSITION = /^(in|at|near|from|to|outside|across|of)$/i;

export interface NameContext {
  isKnown(word: string): boolean;
}

/** Proper names of people and organisations that general knowledge does not list. */
export function findProperNames(
  text: string,
  named: NameChains[],
  table: EntityTable,
  ctx: NameContext,
  onlyOrganisations = false,
): void {
  const people = new People(table.all());
  for (const { sentence, chains } of named) {
    let lastWasVessel = false;
    let lastEnd = sentence.start;
    for (const run of chains.flatMap((c) => (outletNamed(text, c, table) ? [] : untakenRuns(c, table)))) {
      // "the Royal Services Institute Libya specialist": a place right after a body's noun is not
      // part of the body's name (bodies are "X Institute" or "Institute of X").
      const chain =
        run.length > 2 && BODY_WORDS.has(run.at(-2)!.text) && ctx.isKnown(run.at(-1)!.text) ? run.slice(0, -1) : run;
      const start = chain[0]!.start;
      const end = chain.at(-1)!.end;
      const name = text.slice(start, end);
      const before = text.slice(Math.max(sentence.start, start - 40), start);
      const after = text.slice(end, Math.min(sentence.end, end + 30));
      const words = name.split(SPACES);
      // A lone capitalised common noun opening a sentence ("Agency was unable…") is no name.
      if (words.length === 1 && start === sentence.start && ORG_CUES.test(name)) continue;
      if (REGIONS.has(name) || ctx.isKnown(name) || PLACE_CUES.test(name) || EVENT_CUES.test(name)) continue;
      const vessel = VESSEL_NOUNS.test(`${before} `) || SHIPS_AFTER.test(after);
      // "ships Ivan Gren and Alexander Otrakovsky": a list that starts with a ship goes on with ships.
      const listed: boolean = lastWasVessel && LIST_GOES_ON.test(text.slice(lastEnd, start));
      lastEnd = end;
      lastWasVessel = vessel || listed;
      // The first pass keeps only names with an organisation's cue; the rest wait for the second.
      if (onlyOrganisations && !ORG_CUES.test(name)) continue;
      if ((DIGIT.test(name) && !NUMBERED_UNIT.test(name)) || vessel || listed || HARDWARE.has(name)) continue;
      if (PLACE_NOUN_AFTER.test(after)) continue;
      const beforeWords = before.trim().split(SPACES);
      const prevWord = beforeWords.at(-1) ?? '';
      // "Russian President Vladimir Putin", "the head of Tartous customs, Riad Joudy".
      const titled =
        TITLE_WORDS.has(prevWord) ||
        TITLE_BEFORE.test(before) ||
        beforeWords
          .slice(-6)
          .some((w, i, all) => TITLE_WORDS.has(w) && i < all.length - 1 && before.trimEnd().endsWith(','));
      const orgNoun = ORG_NOUNS.has(prevWord.toLowerCase());
      const acronym = ACRONYM.test(name);
      const camel = CAMEL_CASE.test(name);
      const speaks = SPEAKS_AFTER.test(after);
      let subtype: ActorType | null = null;
      if (titled) subtype = 'person';
      else if (ORG_CUES.test(name)) subtype = ARMED_CUES.test(name) ? 'armed_group' : 'organization';
      else if (orgNoun || acronym || camel || words.some((w) => ACRONYM.test(w))) subtype = 'organization';
      // "the fall of Bashar al-Assad": after "of" a name is a place's unless it has a name particle.
      // After "according to" a name is a source, whoever it is, not a place.
      else if (
        words.length >= 2 &&
        (!PLACE_PREPOSITION.test(prevWord) || chain.some(isParticle) || ACCORDING_TO_END.test(before))
      )
        subtype = 'person';
      else if (speaks && start !== sentence.start) subtype = 'organization';
      if (!subtype) continue;
      // "Haddad said": a surname of someone already named is that person, not a new organisation.
      if (words.length === 1) {
        const person = people.bySurname(nameKey(name));
        if (person) {
          table.mention(person, text, start, end);
          continue;
        }
      }
      const key = subtype === 'person' ? `person:${nameKey(name)}` : `org:${nameKey(name)}`;
      const entity = table.ensure(key, name, 'actor', subtype);
      people.add(entity);
      table.mention(entity, text, start, end);
    }
  }
}

/** The people of the table by the key of their last name, the first of each kept. */
class People {
  private readonly surnames = new Map<string, EntityRecord>();
  private readonly known = new Set<EntityRecord>();

  constructor(entities: readonly EntityRecord[]) {
    for (const entity of entities) this.add(entity);
  }

  /** Files an entity not seen before; entities come in the table's order, so the first stays. */
  add(entity: EntityRecord): void {
    if (entity.subtype !== 'person' || this.known.has(entity)) return;
    this.known.add(entity);
    const key = nameKey(entity.name.split(SPACES).at(-1)!);
    if (!this.surnames.has(key)) this.surnames.set(key, entity);
  }

  bySurname(key: string): EntityRecord | undefined {
    return this.surnames.get(key);
  }
}

// "the Al-Qarawi Syria television channel", "RBC-Ukraine": an outlet's name may hold a country's.
const MEDIA_AFTER =
  /^\s+(?:television|TV|satellite|radio|news)?\s*(?:channel|station|broadcaster|newspaper|daily|weekly|agency|news agency|outlet|website|magazine)\b/i;
const ACRONYM_HYPHEN = /^[\p{Lu}]{2,6}-[\p{Lu}]/u;
const NAME_NEXT = /^\s+[\p{Lu}]/u;

/**
 * A chain that names an outlet whole, a country's name and all: recorded as an organisation
 * (the country keeps its own mention). Returns whether it did.
 */
function outletNamed(text: string, chain: Token[], table: EntityTable): boolean {
  const start = chain[0]!.start;
  const end = chain.at(-1)!.end;
  const name = text.slice(start, end);
  const media = MEDIA_AFTER.exec(text.slice(end, end + 60));
  // "… Syrian newspaper Al-Watan": a name after the noun is the outlet's; what stands before describes it.
  const namedAfter = media && NAME_NEXT.test(text.slice(end + media[0].length, end + media[0].length + 4));
  if ((!media || namedAfter) && !ACRONYM_HYPHEN.test(name)) return false;
  if (chain.length < 2 && !ACRONYM_HYPHEN.test(name)) return false;
  const entity = table.ensure(`org:${nameKey(name)}`, name, 'actor', 'organization');
  table.mention(entity, text, start, end, false);
  return true;
}

/**
 * The parts of a chain that no stronger rule has taken, each as a chain of its own: in "the
 * Russian Air Force Viktor Bondarev" a known body takes its words and the person's name remains.
 */
function untakenRuns(chain: Token[], table: EntityTable): Token[][] {
  if (!table.isTaken(chain[0]!.start, chain.at(-1)!.end)) return [chain];
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const token of chain) {
    if (table.isTaken(token.start, token.end)) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(token);
  }
  if (run.length) runs.push(run);
  // A lone word left over ("Force" of "Air Force") is a fragment, not a name.
  return runs.filter((r) => r.filter((t) => t.text !== '-' && !isParticle(t)).length >= 2);
}

const KNOWN_AS = /(?:—|–|,|\()\s*(?:better |also |more commonly )?known as ((?:[\p{Lu}][\p{L}’'-]*\s?)+)/gu;

/** "X — better known as Y", "X, also known as Y": one entity with two names. */
export function findAlsoKnownAs(text: string, table: EntityTable): void {
  for (const m of matchesOf(KNOWN_AS, text)) {
    const aliasStart = m.index + m[0].indexOf(m[1]!);
    const alias = m[1]!.trim();
    const owner = table.endingIn(m.index - 3, m.index, (f) => f.entity.type === 'actor');
    if (!owner) continue;
    const other = table.at(aliasStart, aliasStart + alias.length);
    if (other && other !== owner) table.absorb(other, owner);
    else if (!table.isTaken(aliasStart, aliasStart + alias.length)) {
      table.mention(owner, text, aliasStart, aliasStart + alias.length);
    }
  }
}

const PARENTHESISED_ACRONYM = /\s?\(([\p{Lu}][\p{Lu}\p{N}&-]{1,9})\)/gu;

/**
 * "the Department of Defense (DOD)", "Hay’at Tahrir al-Sham (HTS)": an acronym in brackets right
 * after a name is another name of it, so later uses of the acronym are that entity too.
 */
export function findParenthesisedAcronyms(text: string, table: EntityTable): void {
  for (const m of matchesOf(PARENTHESISED_ACRONYM, text)) {
    const owner = table.endingIn(m.index, m.index);
    if (!owner) continue;
    const at = m.index + m[0].indexOf(m[1]!);
    const other = table.at(at, at + m[1]!.length);
    if (other && other !== owner) table.merge(other, owner);
    else if (!other && !table.isTaken(at, at + m[1]!.length)) table.mention(owner, text, at, at + m[1]!.length);
  }
}

const ARABIC_ARTICLE = /^(al|el|ad|as|an)-/i;
const WORD_BREAKS = /[\s-]+/;
/** Later uses of a name the article has introduced: a surname ("Trifonov"), an acronym ("HUR"), a full name again. */
export function findRepeatedNames(text: string, from: number, table: EntityTable, named: NameChains[]): void {
  mergeShortOrganisationNames(table);
  const short = new Map<string, EntityRecord>();
  for (const entity of table.all()) {
    if (entity.type !== 'actor' || entity.key.startsWith('known:')) continue;
    for (const alias of entity.aliases) {
      // A run of capitalised words thousands long is no name.
      if (alias.length > MAX_NAME_CHARS) continue;
      if (CAPITALISED.test(alias) && alias.length >= 3) short.set(alias, entity);
      if (entity.subtype === 'person') {
        // "Ali Yousuf Al-Sharif" is "Yousuf" too: a later mention may use any name but the given one.
        for (const middle of alias.split(SPACES).slice(1, -1))
          if (middle.length >= 4 && CAPITALISED.test(middle) && !short.has(middle)) short.set(middle, entity);
        const last = alias.split(SPACES).at(-1)!;
        const bare = last.replace(ARABIC_ARTICLE, '');
        for (const form of [last, bare])
          if (form.length >= 3 && CAPITALISED.test(form) && !short.has(form)) short.set(form, entity);
      }
    }
  }
  // Matched on folded words, as the editor matches names: "Bashar Al Assad" again as "Bashar
  // al-Assad", "Tartous" as "Tartus". A name in running text starts with a capital.
  // A trie of the names' keys: at each word, the longest name that starts there is found in as
  // many steps as it has words, not by trying every name that shares its first word.
  const names: KeyTrie = { next: new Map() };
  for (const [alias, entity] of short) {
    let node = names;
    for (const key of alias.split(WORD_BREAKS).filter(Boolean).map(nameKey)) {
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map() }));
      node = child;
    }
    // Of two names with the same keys, the first one listed wins.
    if (node !== names) node.entity ??= entity;
  }
  for (const { sentence } of named) {
    const words = sentence.tokens.filter((t) => t.text !== '-' && t.start >= from);
    for (let i = 0; i < words.length; i += 1) {
      if (!startsCapitalised(words[i]!.text)) continue;
      let hit: { entity: EntityRecord; words: number } | undefined;
      let node: KeyTrie | undefined = names;
      for (let j = 0; node && i + j < words.length; j += 1) {
        node = node.next.get(nameKey(words[i + j]!.text));
        if (node?.entity) hit = { entity: node.entity, words: j + 1 };
      }
      if (!hit) continue;
      const [start, end] = [words[i]!.start, words[i + hit.words - 1]!.end];
      if (!table.isTaken(start, end)) table.mention(hit.entity, text, start, end);
      i += hit.words - 1;
    }
  }
}

interface KeyTrie {
  next: Map<string, KeyTrie>;
  /** The entity whose name's keys end here. */
  entity?: EntityRecord;
}

/** "STG Stroytransgaz" and later "Stroytransgaz" are one organisation: fold the short one in. */
function mergeShortOrganisationNames(table: EntityTable): void {
  const orgs = table.all().filter((e) => e.key.startsWith('org:'));
  const byLastWord = new Map<string, EntityRecord[]>();
  for (const org of orgs) {
    const last = org.name.split(SPACES).at(-1)!;
    const same = byLastWord.get(last);
    if (same) same.push(org);
    else byLastWord.set(last, [org]);
  }
  for (const short of orgs) {
    if (/\s/.test(short.name) || ORG_CUES.test(short.name)) continue;
    const long = byLastWord.get(short.name)?.find((o) => o !== short);
    if (long) table.absorb(short, long);
  }
}
