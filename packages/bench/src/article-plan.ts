import type { ReviewStatus, Stance } from '@sitrep/vocabulary';
import type { EntityPlan, PlannedEntity } from './entity-plan';
import type { Random, Zipf } from './random';
import {
  ADJECTIVES,
  COUNT_WORDS,
  DENY_VERBS,
  HEDGES,
  MONTHS,
  NOUNS,
  OUTLETS,
  PLACES_GENERIC,
  SAY_VERBS,
  SOURCE_NOUNS,
  TIME_PHRASES,
  VERBS,
} from './words';

export interface PlannedClaim {
  quote: string;
  start: number;
  end: number;
  /** Plan indices of the entities it is about: subject, object, location. */
  about: number[];
  source: { text: string; actor: number | null; count: number | null; anonymous: boolean } | null;
  stance: Stance;
  hedged: boolean;
  eventDate: string | null;
  reviewStatus: ReviewStatus;
}

export interface PlannedArticle {
  title: string;
  publishedAt: string;
  dateline: string;
  outlet: string;
  text: string;
  claims: PlannedClaim[];
  /** The first place the article names each entity (plan index), as a span of `text`. */
  mentions: Array<{ entity: number; start: number; end: number }>;
}

/** What the generator samples from: the entity ranking and skewed word choices. */
export interface ArticleSampler {
  plan: EntityPlan;
  entityZipf: Zipf;
  actorZipf: Zipf;
  stateZipf: Zipf;
  /** Over VERBS and NOUNS: the first words are common, the last ones rare. */
  verbZipf: Zipf;
  nounZipf: Zipf;
}

const FIRST_DAY = Date.UTC(2024, 11, 1);
export const DAYS_COVERED = 560;

export const dayString = (day: number) => new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(0, 10);

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Writes text left to right and remembers where each name landed. */
class TextBuilder {
  text = '';
  readonly mentions = new Map<number, { start: number; end: number }>();

  add(s: string): number {
    const at = this.text.length;
    this.text += s;
    return at;
  }

  name(entity: number, surface: string): void {
    const start = this.add(surface);
    if (!this.mentions.has(entity)) this.mentions.set(entity, { start, end: start + surface.length });
  }
}

/** A name as it appears in running text: mostly the canonical one, sometimes another alias. */
function surfaceOf(random: Random, e: PlannedEntity): string {
  if (random.chance(0.75)) return e.name;
  return random.pick(e.aliases);
}

/** Draws `n` distinct entity plan indices by rank. */
function drawEntities(random: Random, s: ArticleSampler, n: number): number[] {
  const picked: number[] = [];
  for (let guard = 0; picked.length < n && guard < 20; guard += 1) {
    const index = s.plan.byRank[s.entityZipf.sample(random)]!;
    if (!picked.includes(index)) picked.push(index);
  }
  return picked;
}

function drawSource(
  random: Random,
  s: ArticleSampler,
): { text: string; actor: number; count: number | null; anonymous: boolean } {
  const { entities } = s.plan;
  if (random.chance(0.55)) {
    const actor = s.plan.actorsByRank[s.actorZipf.sample(random)]!;
    const e = entities[actor]!;
    const text = e.type === 'person' ? surfaceOf(random, e) : `a spokesperson for ${e.name}`;
    return { text, actor, count: null, anonymous: false };
  }
  const state = s.plan.statesByRank[s.stateZipf.sample(random)]!;
  const countIndex = random.int(COUNT_WORDS.length);
  const countWord = COUNT_WORDS[countIndex]!;
  const demonym = entities[state]!.demonym ?? entities[state]!.name;
  const text = [countWord, demonym, random.pick(SOURCE_NOUNS)].filter(Boolean).join(' ');
  return { text, actor: state, count: countIndex === 0 ? null : countIndex + 1, anonymous: true };
}

/** Appends one sentence carrying one claim; returns the claim with its span in the text. */
function writeClaim(random: Random, s: ArticleSampler, out: TextBuilder, publishedDay: number): PlannedClaim {
  const { entities } = s.plan;
  const about = drawEntities(random, s, 1 + (random.chance(0.5) ? 1 : 0) + (random.chance(0.15) ? 1 : 0));
  const source = random.chance(0.65) ? drawSource(random, s) : null;
  const stance = source ? (random.chance(0.06) ? 'no_comment' : random.chance(0.22) ? 'denies' : 'affirms') : 'affirms';
  const hedged = stance !== 'no_comment' && random.chance(0.18);
  const eventDay = random.chance(0.3) ? Math.max(0, publishedDay - random.int(10)) : null;
  const eventDate = eventDay == null ? null : dayString(eventDay);
  const reviewStatus = random.chance(0.85) ? 'extracted' : random.chance(0.8) ? 'verified' : 'rejected';
  const sourceWords = source ? source.text : '';

  if (stance === 'no_comment') {
    out.add(`${upperFirst(sourceWords)} `);
    const start = out.add('declined to comment on ');
    out.name(about[0]!, entities[about[0]!]!.name);
    const end = out.text.length;
    out.add('.');
    return {
      quote: out.text.slice(start, end),
      start,
      end,
      about: about.slice(0, 1),
      source,
      stance,
      hedged,
      eventDate,
      reviewStatus,
    };
  }
  const lead = !source
    ? ''
    : stance === 'denies'
      ? `${upperFirst(sourceWords)} ${random.pick(DENY_VERBS)} `
      : random.chance(0.5)
        ? `${upperFirst(sourceWords)} ${random.pick(SAY_VERBS)} `
        : '';
  out.add(lead);
  const start = out.text.length;
  const subject = surfaceOf(random, entities[about[0]!]!);
  out.name(about[0]!, lead === '' ? upperFirst(subject) : subject);
  const verb = VERBS[s.verbZipf.sample(random)]!;
  const noun = NOUNS[s.nounZipf.sample(random)]!;
  out.add(
    `${hedged ? ` ${random.pick(HEDGES)}` : ''} ${verb} ${random.chance(0.4) ? `${random.pick(ADJECTIVES)} ` : ''}${noun} to `,
  );
  if (about[1] != null) out.name(about[1], surfaceOf(random, entities[about[1]]!));
  else out.add(random.pick(PLACES_GENERIC));
  if (about[2] != null) {
    out.add(' near ');
    out.name(about[2], surfaceOf(random, entities[about[2]]!));
  }
  if (eventDay != null) {
    const d = new Date(FIRST_DAY + eventDay * 86_400_000);
    out.add(` on ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`);
  } else {
    out.add(` ${random.pick(TIME_PHRASES)}`);
  }
  const end = out.text.length;
  if (source && lead === '') out.add(`, ${sourceWords} ${random.pick(SAY_VERBS)}`);
  out.add('.');
  return { quote: out.text.slice(start, end), start, end, about, source, stance, hedged, eventDate, reviewStatus };
}

/**
 * One synthetic wire article: the header line, then paragraphs of one to three sentences, each
 * sentence carrying one claim. `index` of `total` sets the date, so dates rise through the run.
 */
export function planArticle(
  random: Random,
  s: ArticleSampler,
  index: number,
  total: number,
  claimCount: number,
): PlannedArticle {
  const day = Math.min(DAYS_COVERED - 1, Math.max(0, Math.floor((index / total) * DAYS_COVERED) + random.int(5) - 2));
  const publishedAt = dayString(day);
  const place = s.plan.entities[s.plan.statesByRank[s.stateZipf.sample(random)]!]!.name.toUpperCase();
  const out = new TextBuilder();
  out.add(`date ${publishedAt} ${place}: `);
  const claims: PlannedClaim[] = [];
  let inParagraph = 0;
  for (let i = 0; i < claimCount; i += 1) {
    if (inParagraph > 0) {
      if (random.chance(0.45)) {
        out.add('\n\n');
        inParagraph = 0;
      } else {
        out.add(' ');
      }
    }
    claims.push(writeClaim(random, s, out, day));
    inParagraph += 1;
  }
  out.add('\n');
  const lead = claims[0];
  const title = lead
    ? upperFirst(
        `${s.plan.entities[lead.about[0]!]!.name} ${VERBS[s.verbZipf.sample(random)]} ${NOUNS[s.nounZipf.sample(random)]}, ${random.pick(SOURCE_NOUNS)} say`,
      )
    : `Briefing ${index + 1}`;
  return {
    title,
    publishedAt,
    dateline: place,
    outlet: random.pick(OUTLETS),
    text: out.text,
    claims,
    mentions: [...out.mentions].map(([entity, span]) => ({ entity, ...span })),
  };
}

/** How many claims each of `articles` articles carries: between half and one and a half times the mean, summing to `claims`. */
export function claimsPerArticle(random: Random, articles: number, claims: number): Uint16Array {
  const counts = new Uint16Array(articles);
  const mean = claims / articles;
  let sum = 0;
  for (let i = 0; i < articles; i += 1) {
    counts[i] = Math.max(1, Math.round(mean * (0.5 + random.next())));
    sum += counts[i]!;
  }
  while (sum !== claims) {
    const i = random.int(articles);
    if (sum < claims) {
      counts[i] = counts[i]! + 1;
      sum += 1;
    } else if (counts[i]! > 1) {
      counts[i] = counts[i]! - 1;
      sum -= 1;
    }
  }
  return counts;
}
