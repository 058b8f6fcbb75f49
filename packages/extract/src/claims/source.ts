import type { ActorType } from '@sitrep/vocabulary';
import type { EntityRecord, EntityTable } from '../entities/table';
import { matchesOf } from '../matches';
import type { ExtractedSource } from '../types';
import { type SourceMemory, SourceLog } from './source-log';

const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  several: 0,
  some: 0,
  many: 0,
};
const PEOPLE =
  /\b(officials?|sources?|diplomats?|officers?|businessm[ae]n|people|persons?|analysts?|residents?|witnesses|insiders?|experts?|commanders?|soldiers?|aides?|advisers?|advisors?|member|members|person)\b/i;
const EVIDENCE =
  /\b(imagery|images?|footage|photos?|photographs?|video|videos|analysis|data|satellite|reports?|documents?|records?|tracking)\b/i;
const FOLLOW_UP =
  /^(?:the\s+)?(?:official|officials|source|sources|officer|diplomat|agency|ministry|company|firm|spokes(?:man|woman))$|^(?:he|she|they|it|his|her|their|its)$/i;
/**
 * The head nouns of a definite description that points back at someone already introduced: "the
 * minister", "the Syrian leader", "the Cambodian defence ministry spokesman", "the interlocutor".
 */
const ROLE_WORDS = [
  ...'official officials source sources officer diplomat spokesman spokeswoman spokesperson minister'.split(' '),
  ...'president leader premier general commander expert analyst ambassador envoy interlocutor chief'.split(' '),
  ...'head governor mayor secretary researcher specialist adviser advisor representative'.split(' '),
];
const ROLE_HEAD = new Set(ROLE_WORDS);
const DEFINITE = /^the\s+/i;
const MAX_DESCRIPTION_WORDS = 7;
// A participle after the source says to whom or by whom it spoke, not whose side it is on:
// "an Iraqi security source speaking to Shafaq News", "an official quoted by the agency".
const SPOKE_TO = /\s+(?:speaking|talking|quoted|cited|interviewed|writing|told)\s+(?:to|by|in|for|with)\b/i;
// The source names a firm or a body whose product the evidence is: "satellite company Maxar".
const HEAD_ENDS = /,|\s(?:from|by|of|taken|released|published)\s/;
const ORGANISATION_HEAD = /\b(?:company|firm|agency|provider|operator|group|outlet|institute|organi[sz]ation)\b/i;

// Built once: a literal in a function body is a new RegExp object each time the line runs.
const SPACES = /\s+/;
const DIGITS = /^\d+$/;
const LEADING_CONJUNCTION = /^(?:But|And)\s+/;
const HE_OR_SHE = /^(he|she|his|her)$/i;
const HE_SHE_OR_THEY = /^(he|she|they|his|her|their)$/i;

const ACTOR_RANK: Record<string, number> = {
  person: 0,
  organization: 1,
  government_body: 1,
  armed_group: 1,
  military: 2,
  state: 3,
} satisfies Record<ActorType, number>;

/** The log describeSource reads earlier sources from, indexed for the questions it asks. */
export const sourceLog = () => new SourceLog(ROLE_HEAD, (s) => s.person || PEOPLE.test(s.head));

/** The entity a source span belongs to: the most specific actor named inside it. */
function actorIn(table: EntityTable, start: number, end: number): EntityRecord | undefined {
  // Where each actor is first named inside the span; entities in the table's order.
  const first = new Map<EntityRecord, number>();
  for (const { entity, mention } of table.inside(start, end))
    if (entity.type === 'actor') first.set(entity, Math.min(first.get(entity) ?? Infinity, mention.start));
  // The most specific kind wins; between equals, the one named first ("Syrian … sources in contact with the Russians").
  return table
    .ordered(first.keys())
    .sort((a, b) => (ACTOR_RANK[a.subtype] ?? 9) - (ACTOR_RANK[b.subtype] ?? 9) || first.get(a)! - first.get(b)!)[0];
}

// "the sources" points back at earlier sources (plural), "the official" at an official.
const headOf = (text: string) => text.toLowerCase().match(PEOPLE)?.[1] ?? text.toLowerCase().split(SPACES).at(-1) ?? '';

/**
 * Describes a source span: its actor, how many, whether named. A follow-up ("the official",
 * "he", "the sources") takes the actor of the source it points back to.
 */
export function describeSource(
  text: string,
  spanStart: number,
  end: number,
  table: EntityTable,
  earlier: SourceLog,
): { source: ExtractedSource; memory: SourceMemory } {
  // "Harchaoui recalls that the ambassador, X, recently told …": who speaks is who comes after "that".
  const relay = RELAYED.exec(text.slice(spanStart, end));
  const start = relay ? spanStart + relay.index + relay[0].length : spanStart;
  const words = text.slice(start, end).replace(LEADING_CONJUNCTION, '').trim();
  const spokeTo = SPOKE_TO.exec(text.slice(start, end));
  const entity = actorIn(table, start, spokeTo ? start + spokeTo.index : end);
  const followUp = FOLLOW_UP.test(words);
  let actor = entity?.name ?? null;
  const described = pointsBack(words, earlier);
  if (described) actor = described.actor;
  else if (!entity && OUTLET_FOLLOW_UP.test(words))
    actor = table.lastMentionedBefore(start, isNamedOrganisation)?.name ?? null;
  else if (followUp && !entity) {
    const pronoun = HE_OR_SHE.test(words);
    const head = headOf(words);
    const antecedent = pronoun ? earlier.latestPersonOrOfficial() : earlier.latestWithHead(head);
    // Else the latest source, where it can be what the words name: "the ministry" is no person.
    const latest = earlier.last();
    const fits = latest !== undefined && !(INSTITUTION_HEAD.test(head) && latest.person);
    actor =
      antecedent?.actor ??
      (pronoun ? undefined : introducedIn(text, start, head, table)) ??
      (fits ? latest.actor : null);
  }
  // "an analysis of satellite imagery by BlackSky": the evidence speaks, not the firm behind it.
  // The head phrase decides: "satellite images from BlackSky, an imagery company" are evidence,
  // "satellite company Maxar" is a firm.
  const head = words.split(HEAD_ENDS)[0]!;
  const evidence =
    EVIDENCE.test(head.split(SPACES).slice(0, 4).join(' ')) && !PEOPLE.test(words) && !ORGANISATION_HEAD.test(head);
  if (evidence) actor = null;
  const anonymous = PEOPLE.test(words) && (!entity || entity.subtype !== 'person') && !described?.person;
  const first = words.split(SPACES)[0]!.toLowerCase();
  const count = DIGITS.test(first) ? Number(first) : (NUMBERS[first] ?? null);
  const source: ExtractedSource = {
    text: words,
    actor,
    count: count && count > 0 && anonymous ? count : null,
    anonymous: described
      ? !described.person && anonymous
      : anonymous || (followUp && HE_SHE_OR_THEY.test(words) && !earlier.last()?.person),
  };
  return {
    source,
    memory: {
      text: words,
      actor,
      head: headOf(words),
      person: described?.person ?? (entity?.subtype === 'person' || (followUp && HE_OR_SHE.test(words))),
    },
  };
}

/**
 * The actor of where a follow-up's noun was introduced outside any frame ("RBC-Ukraine spoke to a
 * source in Ukrainian special services. … the source said"): the latest "a/an/one … <noun> …"
 * before it, read to the end of its phrase.
 */
function introducedIn(text: string, before: number, head: string, table: EntityTable): string | undefined {
  if (!/^[a-z]+$/.test(head)) return undefined;
  const pattern = new RegExp(
    `\\b(?:an?|one|two|three|several)\\s+(?:[\\p{L}-]+\\s+){0,3}${head}s?\\b[^.,;:“”"]{0,80}`,
    'giu',
  );
  let last: RegExpExecArray | undefined;
  for (const m of matchesOf(pattern, text.slice(Math.max(0, before - 5_000), before))) last = m;
  if (!last) return undefined;
  const at = Math.max(0, before - 5_000) + last.index;
  return actorIn(table, at, at + last[0].length)?.name;
}

const RELAYED = /^.{1,80}?\b(?:recalls?|recalled|says?|said|notes?|noted|believes?|believed)\s+that\s+/u;
/** Follow-up heads that name a body, never one person. */
const INSTITUTION_HEAD = /^(?:agency|ministry|company|firm)$/i;
// "the publication", "the newspaper": the outlet named last.
const OUTLET_FOLLOW_UP = /^the (?:publication|newspaper|paper|outlet|channel|broadcaster|website|daily|magazine)$/i;

/** An outlet by its name: "Russian media" is no one outlet. */
const isNamedOrganisation = (entity: EntityRecord) =>
  entity.subtype === 'organization' && !entity.key.startsWith('media:');

/**
 * The earlier source a definite description points back at: "the minister" at "Foreign Minister
 * Asaad al-Shaibani", "the Cambodian defence ministry spokesman" at "Chhum Socheat, a Cambodian
 * defence ministry spokesman". The latest earlier source with the same head noun wins.
 */
function pointsBack(words: string, earlier: SourceLog): SourceMemory | undefined {
  if (!DEFINITE.test(words)) return undefined;
  const all = words.split(SPACES);
  const head = all.at(-1)!.toLowerCase();
  if (all.length > MAX_DESCRIPTION_WORDS || !ROLE_HEAD.has(head)) return undefined;
  // "the interlocutor", "the expert": the latest source with that noun, else the latest one who is a person.
  return earlier.latestNaming(head, words) ?? earlier.latestPersonLike(words);
}
