import type { ActorType } from '@sitrep/vocabulary';
import type { EntityRecord, EntityTable } from '../entities/table';
import { findEventDate } from '../rules/event-date';
import { isHedged } from '../rules/hedges';
import { stanceOf } from '../rules/negation';
import type { Sentence } from '../segment';
import type { ExtractedClaim } from '../types';
import { type Frame, findFrames } from './attribution';
import { type SourceMemory, describeSource } from './source';
import { matchesOf } from '../matches';

// The outlet speaking about its own reporting is not a claim about the world.
const META =
  /\b(?:(?:could not|was unable to|were unable to|cannot|has not been able to)\s+(?:immediately\s+)?(?:independently\s+)?(?:verify|confirm|ascertain|determine)|could not be (?:immediately |independently )?(?:located|verified|confirmed|identified|determined|reached))\b/i;
// Plural references to bases point at every base the article names.
const ALL_BASES = /\b(?:bases|two (?:main )?(?:military )?(?:bases|sites|installations))\b/i;

// ", a pledge suggesting …": the outlet's reading of what it reports is a claim of its own.
const GLOSS =
  /,\s+(?:a|an|in a)\s+\w+\s+(?:suggesting|indicating|signalling|signaling|showing|underscoring|highlighting)\b/;

// The patterns below are built once: a literal in a function body is a new RegExp object each
// time the line runs, and these run for every sentence or claim.
const SPACES = /\s+/;
// "A but B", "A, and B", "A — B": two clauses, split where one affirms and the other denies.
const BUT = /(?:,|\s+[—–])?\s+but\s+|,\s+and\s+|\s+[—–]\s+/g;
const DASHES = /\s[—–]\s/g;
const DASH = /[—–]/;
// "is not leaving …": a claim that starts with its verb.
const NO_SUBJECT = /^(?:is|are|was|were|has|have|had|will|would|is now|was now)\b/;
const OPENING_QUOTE = /^[“"]/;
const QUOTE_MARK = /[“"]/;
// A sentence that closes a quotation (“…, we will,” X said) names who the next quoted paragraph goes on quoting.
const ANY_QUOTE_MARK = /[“”"]/;
// From an opening mark to a closing one, with no closing mark followed by more words in between.
const WHOLLY_QUOTED = /^[“"](?:(?![”"]\s+\S)[\s\S])*[”"]$/;
const CLOSING_QUOTE = /[”"]/;
const QUOTED_SENTENCE = /[”"]\s*$|^[“"]/;
const CLOSING_PUNCTUATION = /[.,]?[”"]?$/;
const FINAL_COMMA_OR_STOP = /[.,]$/;
const FINAL_STOPS = /[.!?]+$/;
const LEADING_SPACE = /^\s+/;
const NOT_SPACE = /\S/;

/**
 * One sentence part becomes two claims where it asserts one thing and denies another ("… but is
 * not leaving …", "we agree on this, and there are no obstacles", "there is no base — we are only
 * repairing our own").
 */
function splitOnContrast(text: string, start: number, end: number): Array<[number, number]> {
  const part = text.slice(start, end);
  // Two dashes enclose an aside ("— despite Beijing funding the revamp —"); one joins two clauses.
  const dashes = part.match(DASHES)?.length ?? 0;
  for (const m of matchesOf(BUT, part)) {
    if (dashes > 1 && DASH.test(m[0]) && !m[0].includes('but')) continue;
    const left = part.slice(0, m.index);
    const right = part.slice(m.index + m[0].length);
    if (left.split(SPACES).length < 3 || right.split(SPACES).length < 3) continue;
    if (stanceOf(left) !== stanceOf(right)) {
      return [
        [start, start + m.index],
        [start + m.index + m[0].length, end],
      ];
    }
  }
  return [[start, end]];
}

// "was a message to Turkey: “Do not …”" / "“A” and “B”": each quotation is a statement of its own.
const COLON_THEN_QUOTE = /:\s*[“"]/;
const QUOTE_AND_QUOTE = /[”"],?\s+and\s+[“"]/;

/** One part becomes several where it holds a quoted message after a colon, or two quotations joined by "and". */
function splitOnQuotations(text: string, start: number, end: number): Array<[number, number]> {
  const part = text.slice(start, end);
  const m = COLON_THEN_QUOTE.exec(part) ?? QUOTE_AND_QUOTE.exec(part);
  if (!m || part.slice(0, m.index).split(SPACES).length < 3) return [[start, end]];
  const inner = (a: number, b: number): [number, number] => {
    const piece = text.slice(a, b);
    const lead = piece.length - piece.replace(/^[\s“"]+/, '').length;
    const tail = piece.length - piece.replace(/[\s”".,]+$/, '').length;
    return [a + lead, b - tail];
  };
  const left = inner(start, start + m.index + (m[0].startsWith(':') ? 0 : 1));
  return [left, ...splitOnQuotations(text, ...inner(start + m.index + m[0].length - 1, end))];
}

/** The entities with a mention overlapping [start, end). */
function entitiesIn(table: EntityTable, start: number, end: number): EntityRecord[] {
  return table.all().filter((x) => x.mentions.some((m) => m.start < end && m.end > start));
}

function aboutOf(
  table: EntityTable,
  text: string,
  span: [number, number],
  sentence: Sentence,
  sourceSpan: [number, number] | null,
): string[] {
  const names = new Set<string>();
  for (const entity of entitiesIn(table, span[0], span[1])) names.add(entity.name);
  // "is not leaving its two main bases": a claim with no subject of its own is about the sentence's subject.
  const quote = text.slice(span[0], span[1]);
  if (NO_SUBJECT.test(quote)) {
    // The subject: what the sentence names before its first verb.
    const verb = sentence.tokens.find((t) => t.pos === 'VERB' || t.pos === 'AUX');
    for (const entity of entitiesIn(table, sentence.start, Math.min(span[0], verb?.start ?? span[0]))) {
      const inSource = sourceSpan && entity.mentions.some((m) => m.start >= sourceSpan[0] && m.end <= sourceSpan[1]);
      if (!inSource) names.add(entity.name);
    }
  }
  if (ALL_BASES.test(quote)) {
    for (const entity of table.all())
      if (entity.type === 'installation' && entity.subtype.includes('base')) names.add(entity.name);
  }
  return [...names];
}

const STATE_ORGANS = new Set<string>(['government_body', 'military'] satisfies ActorType[]);
/** How far before a person's first mention the state in their title may stand ("Sudanese Foreign Minister X"). */
const TITLE_REACH = 40;

/**
 * Whether the claim's own words name an actor before its first "it"/"its"/"they": then the
 * pronoun points at that actor ("as Beijing seeks to buttress its heft"), not at the speaker.
 */
function thirdPersonHasAntecedent(claim: ExtractedClaim, table: EntityTable): boolean {
  if (FIRST_PERSON.test(claim.quote)) return false;
  const at = claim.start + (THIRD_PERSON.exec(claim.quote)?.index ?? 0);
  return table.all().some((e) => e.type === 'actor' && e.mentions.some((m) => m.start >= claim.start && m.end <= at));
}

/** The state a person's title names at their first mention: "we" in their mouth is that state. */
function stateOfTitle(table: EntityTable, person: EntityRecord): EntityRecord | undefined {
  const first = person.mentions.reduce((a, b) => (b.start < a.start ? b : a), person.mentions[0]!);
  return table
    .all()
    .find(
      (e) =>
        e.subtype === 'state' && e.mentions.some((m) => m.end <= first.start && first.start - m.end <= TITLE_REACH),
    );
}
const THIRD_PERSON = /\b(?:it|its|they|their|them)\b/i;
const AND = /\band\b/;
const THEY = /\b(?:they|their|them)\b/i;
const FIRST_PERSON = /\b(?:we|our|us)\b/i;
const PRONOUNS = /\b(?:it|its|they|their|them|we|our|us)\b/i;
// "it was a coordinated attack": an "it" that says what something was points at no one.
const IT_WAS_A = /^it (?:was|is) (?:a|an)\b/i;
const TOPICAL = /\b(?:contract|agreement|deal|lease|port|base|bases|facility|presence|site)\b/i;

/**
 * What a claim is about when its words point elsewhere: "we", "its contract" mean the speaker's
 * side (the organisation a source belongs to), and "the contract" the installation the article is about.
 */
function completeAbout(claims: ExtractedClaim[], table: EntityTable): void {
  const installations = table.all().filter((e) => e.type === 'installation');
  const topic = installations.sort((a, b) => b.mentions.length - a.mentions.length)[0];
  for (const claim of claims) {
    const about = new Set(claim.about);
    const pointing = PRONOUNS.test(IT_WAS_A.test(claim.quote) ? claim.quote.slice(3) : claim.quote);
    if (claim.source && pointing && !thirdPersonHasAntecedent(claim, table)) {
      const named = table
        .all()
        .filter(
          (e) =>
            e.type === 'actor' && e.subtype !== 'person' && e.mentions.some((m) => claim.source!.text.includes(m.text)),
        );
      // A ministry's or an army's spokesman saying "we" speaks for the state when the source names it.
      const side =
        named.find((e) => e.subtype === 'state' && named.some((o) => STATE_ORGANS.has(o.subtype))) ?? named[0];
      const actor = table.all().find((e) => e.name === claim.source!.actor);
      const speaker =
        side ??
        (actor && actor.subtype !== 'person'
          ? actor
          : actor && FIRST_PERSON.test(claim.quote)
            ? stateOfTitle(table, actor)
            : undefined);
      if (speaker) about.add(speaker.name);
      // "Russia and Syria said they would …": "they" is every one of them.
      if (THEY.test(claim.quote) && named.length > 1 && AND.test(claim.source.text))
        for (const e of named) about.add(e.name);
    }
    const hasInstallation = installations.some((i) => about.has(i.name));
    if (topic && !hasInstallation && (about.size === 0 || TOPICAL.test(claim.quote))) about.add(topic.name);
    claim.about = [...about];
  }
}

const INDEFINITE_HEAD =
  /^(?:an?|one)\s+(?:[\p{L}-]+\s+){0,2}?(expert|analyst|official|source|diplomat|officer|researcher|specialist)\b/iu;

/**
 * A source introduced without a name and named later ("an expert quoted by BlackSky" … "said the
 * expert, Craig Singleton") is that person from the start.
 */
function nameIntroducedSources(claims: ExtractedClaim[]): void {
  claims.forEach((claim, i) => {
    const head = claim.source && !claim.source.actor ? INDEFINITE_HEAD.exec(claim.source.text)?.[1] : undefined;
    if (!head) return;
    const named = new RegExp(`^the ${head},\\s`, 'i');
    const later = claims.slice(i + 1).find((c) => c.source?.actor && named.test(c.source.text));
    if (later) claim.source = { ...claim.source!, actor: later.source!.actor, anonymous: false };
  });
}

/** Turns sentences into claims: attributed statements with their sources, and the outlet's own key statements. */
export function buildClaims(
  text: string,
  sentences: Sentence[],
  table: EntityTable,
  published: string,
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  const sources: SourceMemory[] = [];
  let lastQuoted: { paragraph: number; source: ExtractedClaim['source'] } | null = null;
  // Quoted sentences whose speaker is named only at the end of the quote: “A. B,” X said.
  let pending: Array<ExtractedClaim & { paragraph?: number }> = [];
  const paragraphEnds = new Map<number, number>();
  for (const sentence of sentences) paragraphEnds.set(sentence.paragraph, sentence.end);
  for (const sentence of sentences) {
    const frames: Frame[] = findFrames(sentence.text, sentence.tokens, sentence.start);
    const date = findEventDate(sentence.text, published)?.date ?? null;
    // Quoted speech with no attribution of its own goes on quoting the last speaker: later in the
    // same paragraph, or in the next paragraphs when each is a quotation from its first mark to its
    // last (the news convention for a long quote); a paragraph that names its speaker later does not.
    const quoteOpen =
      lastQuoted?.paragraph === sentence.paragraph
        ? OPENING_QUOTE.test(sentence.text) || !OPENING_QUOTE.test(text.slice(sentence.end))
        : lastQuoted?.paragraph === sentence.paragraph - 1 &&
          OPENING_QUOTE.test(sentence.text) &&
          WHOLLY_QUOTED.test(text.slice(sentence.start, paragraphEnds.get(sentence.paragraph)));
    if (frames.length === 0 && quoteOpen && lastQuoted?.source && QUOTED_SENTENCE.test(sentence.text)) {
      const [start, end] = [sentence.start, sentence.end];
      const quote = text.slice(start, end).replace(OPENING_QUOTE, '').replace(CLOSING_PUNCTUATION, '');
      const offset = text.slice(start, end).indexOf(quote);
      claims.push({
        start: start + offset,
        end: start + offset + quote.length,
        quote,
        source: lastQuoted.source,
        about: aboutOf(table, text, [start, end], sentence, null),
        stance: stanceOf(quote),
        hedged: isHedged(quote),
        event_date: date,
      });
      lastQuoted = { paragraph: sentence.paragraph, source: lastQuoted.source };
      continue;
    }
    // Inside a quotation that opened in an earlier sentence of this paragraph and has not closed yet.
    const insideQuote =
      pending.length > 0 && pending.at(-1)!.paragraph === sentence.paragraph && !QUOTE_MARK.test(sentence.text);
    const opensQuote = OPENING_QUOTE.test(sentence.text);
    // A straight quote mark opens and closes alike: the one that opens the sentence does not close it.
    if (frames.length === 0 && ((opensQuote && !CLOSING_QUOTE.test(sentence.text.slice(1))) || insideQuote)) {
      const quote = sentence.text.replace(OPENING_QUOTE, '').replace(FINAL_COMMA_OR_STOP, '');
      const start = sentence.start + (opensQuote ? 1 : 0);
      const claim: ExtractedClaim = {
        start,
        end: start + quote.length,
        quote,
        source: null,
        about: aboutOf(table, text, [start, start + quote.length], sentence, null),
        stance: stanceOf(quote),
        hedged: isHedged(quote),
        event_date: date,
      };
      claims.push(claim);
      pending.push(Object.assign(claim, { paragraph: sentence.paragraph }));
      continue;
    }
    if (pending.length && frames[0]?.source) {
      const [s0, s1] = frames[0].source;
      const named = describeSource(text, sentence.start + s0, sentence.start + s1, table, sources).source;
      for (const claim of pending) claim.source = named;
      // The closing sentence of a quotation may itself be plain quoted speech: “C,” said X.
    }
    pending = [];
    if (frames.length === 0) {
      if (sentence.heading || META.test(sentence.text)) continue;
      const mentions = table
        .all()
        .some((e) => e.mentions.some((m) => m.start >= sentence.start && m.end <= sentence.end));
      if (!mentions) continue;
      frames.push({ content: [0, sentence.text.replace(FINAL_STOPS, '').length], source: null, noComment: false });
    }
    for (const frame of frames) {
      const sourceSpan: [number, number] | null = frame.source
        ? [sentence.start + frame.source[0], sentence.start + frame.source[1]]
        : null;
      const described = sourceSpan ? describeSource(text, sourceSpan[0], sourceSpan[1], table, sources) : null;
      if (described) sources.push(described.memory);
      const contentStart = sentence.start + frame.content[0];
      let contentEnd = sentence.start + frame.content[1];
      const gloss = frame.source ? GLOSS.exec(text.slice(contentStart, contentEnd)) : null;
      if (gloss) {
        const glossStart = contentStart + gloss.index + gloss[0].search(NOT_SPACE) + 1;
        const quote = text.slice(glossStart, contentEnd).replace(LEADING_SPACE, '');
        const start = contentEnd - quote.length;
        claims.push({
          start,
          end: contentEnd,
          quote,
          source: null,
          about: aboutOf(table, text, [start, contentEnd], sentence, null),
          stance: stanceOf(quote),
          hedged: isHedged(quote),
          event_date: null,
        });
        contentEnd = contentStart + gloss.index;
      }
      const parts = frame.noComment
        ? [[contentStart, contentEnd] as [number, number]]
        : splitOnContrast(text, contentStart, contentEnd).flatMap(([a, b]) => splitOnQuotations(text, a, b));
      for (const [start, end] of parts) {
        if (end - start < 8) continue;
        const quote = text.slice(start, end);
        claims.push({
          start,
          end,
          quote,
          source: described?.source ?? null,
          about: aboutOf(table, text, [start, end], sentence, sourceSpan),
          stance: frame.noComment ? 'no_comment' : frame.denyingVerb ? 'denies' : stanceOf(quote),
          hedged: isHedged(quote) || frame.hedgedVerb === true,
          event_date: date,
        });
      }
      if (described && ANY_QUOTE_MARK.test(sentence.text))
        lastQuoted = { paragraph: sentence.paragraph, source: described.source };
    }
  }
  nameIntroducedSources(claims);
  completeAbout(claims, table);
  return claims;
}
