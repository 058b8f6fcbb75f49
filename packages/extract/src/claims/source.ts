import type { EntityRecord, EntityTable } from '../entities/table';
import type { ExtractedSource } from '../types';

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
  /^(?:the\s+)?(?:official|officials|source|sources|officer|diplomat|agency|ministry|company|firm|spokes(?:man|woman))$|^(?:he|she|they|it)$/i;

// Built once: a literal in a function body is a new RegExp object each time the line runs.
const SPACES = /\s+/;
const DIGITS = /^\d+$/;
const LEADING_CONJUNCTION = /^(?:But|And)\s+/;
const HE_OR_SHE = /^(he|she)$/i;
const HE_SHE_OR_THEY = /^(he|she|they)$/i;

const ACTOR_RANK: Record<string, number> = {
  person: 0,
  organization: 1,
  government_body: 1,
  armed_group: 1,
  military: 2,
  state: 3,
};

export interface SourceMemory {
  text: string;
  actor: string | null;
  head: string;
  person: boolean;
}

/** Where the entity is first named inside [start, end). (Not a closure in actorIn: tsx renames each closure it creates, which is costly.) */
function firstMentionIn(e: EntityRecord, start: number, end: number): number {
  return Math.min(...e.mentions.filter((m) => m.start >= start && m.end <= end).map((m) => m.start));
}

/** The entity a source span belongs to: the most specific actor named inside it. */
function actorIn(table: EntityTable, start: number, end: number): EntityRecord | undefined {
  const inside = table
    .all()
    .filter((e) => e.type === 'actor' && e.mentions.some((m) => m.start >= start && m.end <= end));
  // The most specific kind wins; between equals, the one named first ("Syrian … sources in contact with the Russians").
  return inside.sort(
    (a, b) =>
      (ACTOR_RANK[a.subtype] ?? 9) - (ACTOR_RANK[b.subtype] ?? 9) ||
      firstMentionIn(a, start, end) - firstMentionIn(b, start, end),
  )[0];
}

// "the sources" points back at earlier sources (plural), "the official" at an official.
const headOf = (text: string) => text.toLowerCase().match(PEOPLE)?.[1] ?? text.toLowerCase().split(SPACES).at(-1) ?? '';

/**
 * Describes a source span: its actor, how many, whether named. A follow-up ("the official",
 * "he", "the sources") takes the actor of the source it points back to.
 */
export function describeSource(
  text: string,
  start: number,
  end: number,
  table: EntityTable,
  earlier: SourceMemory[],
): { source: ExtractedSource; memory: SourceMemory } {
  const words = text.slice(start, end).replace(LEADING_CONJUNCTION, '').trim();
  const entity = actorIn(table, start, end);
  const followUp = FOLLOW_UP.test(words);
  let actor = entity?.name ?? null;
  if (followUp && !entity) {
    const pronoun = HE_OR_SHE.test(words);
    const head = headOf(words);
    const antecedent = [...earlier]
      .reverse()
      .find((s) => (pronoun ? s.person || s.head === 'official' : s.head === head));
    actor = antecedent?.actor ?? earlier.at(-1)?.actor ?? null;
  }
  // "an analysis of satellite imagery by BlackSky": the evidence speaks, not the firm behind it.
  const evidence = EVIDENCE.test(words.split(SPACES).slice(0, 4).join(' ')) && !PEOPLE.test(words);
  if (evidence) actor = null;
  const described = PEOPLE.test(words) && (!entity || entity.subtype !== 'person');
  const first = words.split(SPACES)[0]!.toLowerCase();
  const count = DIGITS.test(first) ? Number(first) : (NUMBERS[first] ?? null);
  const source: ExtractedSource = {
    text: words,
    actor,
    count: count && count > 0 && described ? count : null,
    anonymous: described || (followUp && HE_SHE_OR_THEY.test(words) && !earlier.at(-1)?.person),
  };
  return {
    source,
    memory: {
      text: words,
      actor,
      head: headOf(words),
      person: entity?.subtype === 'person' || (followUp && HE_OR_SHE.test(words)),
    },
  };
}
