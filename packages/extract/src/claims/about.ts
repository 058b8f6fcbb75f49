import type { ActorType } from '@sitrep/vocabulary';
import type { EntityRecord, EntityTable } from '../entities/table';
import type { Sentence } from '../segment';
import type { ExtractedClaim } from '../types';
import { onlyLocates } from './located';
import { Substrings } from './substrings';

// Plural references to bases point at every base the article names.
const ALL_BASES = /\b(?:bases|two (?:main )?(?:military )?(?:bases|sites|installations))\b/i;
// "is not leaving …": a claim that starts with its verb.
const NO_SUBJECT = /^(?:is|are|was|were|has|have|had|will|would|is now|was now)\b/;
const STATE_ORGANS = new Set<string>(['government_body', 'military'] satisfies ActorType[]);
/** How far before a person's first mention the state in their title may stand ("Sudanese Foreign Minister X"). */
const TITLE_REACH = 40;
const THIRD_PERSON = /\b(?:it|its|they|their|them)\b/i;
const AND = /\band\b/;
const THEY = /\b(?:they|their|them)\b/i;
const FIRST_PERSON = /\b(?:we|our|us)\b/i;
const PRONOUNS = /\b(?:it|its|they|their|them|we|our|us)\b/i;
// "it was a coordinated attack": an "it" that says what something was points at no one.
const IT_WAS_A = /^it (?:was|is) (?:a|an)\b/i;
const TOPICAL = /\b(?:contract|agreement|deal|lease|port|base|bases|facility|presence|site)\b/i;

/**
 * What claims are about, read from a table that no longer changes: what it is asked for every
 * claim (the bases, the entity by name, who is named inside a source) is worked out once.
 */
export class About {
  private readonly bases: EntityRecord[];
  private readonly byName = new Map<string, EntityRecord>();
  private readonly titles = new Map<EntityRecord, EntityRecord | undefined>();
  private readonly sides = new Map<string, EntityRecord[]>();
  private names: Substrings<EntityRecord> | undefined;

  constructor(
    private readonly table: EntityTable,
    private readonly text: string,
  ) {
    const all = table.all();
    this.bases = all.filter((e) => e.type === 'installation' && e.subtype.includes('base'));
    for (const entity of [...all].reverse()) this.byName.set(entity.name, entity);
  }

  /**
   * The entities with a mention overlapping [start, end), in the table's order, but for those named
   * there only to say where something else is ("near Qarawi").
   */
  private entitiesIn(start: number, end: number): EntityRecord[] {
    const found = this.table.overlapping(start, end);
    const named = new Set(found.filter((f) => !onlyLocates(this.text, f)).map((f) => f.entity));
    return this.table.entitiesOf(found.filter((f) => named.has(f.entity)));
  }

  /** Whether the claim names this entity, and only to say where something else is. */
  private onlyLocatedIn(claim: ExtractedClaim, entity: EntityRecord): boolean {
    const found = this.table.overlapping(claim.start, claim.end).filter((f) => f.entity === entity);
    return found.length > 0 && found.every((f) => onlyLocates(this.text, f));
  }

  of(span: [number, number], sentence: Sentence, sourceSpan: [number, number] | null): string[] {
    const text = this.text;
    const names = new Set<string>();
    for (const entity of this.entitiesIn(span[0], span[1])) names.add(entity.name);
    // "is not leaving its two main bases": a claim with no subject of its own is about the sentence's subject.
    const quote = text.slice(span[0], span[1]);
    if (NO_SUBJECT.test(quote)) {
      // The subject: what the sentence names before its first verb.
      const verb = sentence.tokens.find((t) => t.pos === 'VERB' || t.pos === 'AUX');
      const inSource = new Set(sourceSpan ? this.table.inside(...sourceSpan).map((f) => f.entity) : []);
      for (const entity of this.entitiesIn(sentence.start, Math.min(span[0], verb?.start ?? span[0])))
        if (!inSource.has(entity)) names.add(entity.name);
    }
    if (ALL_BASES.test(quote)) for (const entity of this.bases) names.add(entity.name);
    return [...names];
  }

  /**
   * What a claim is about when its words point elsewhere: "we", "its contract" mean the speaker's
   * side (the organisation a source belongs to), and "the contract" the installation the article is about.
   */
  complete(claims: ExtractedClaim[]): void {
    const installations = this.table.all().filter((e) => e.type === 'installation');
    const installationNames = new Set(installations.map((i) => i.name));
    const topic = installations.sort((a, b) => b.mentions.length - a.mentions.length)[0];
    for (const claim of claims) {
      const about = new Set(claim.about);
      const pointing = PRONOUNS.test(IT_WAS_A.test(claim.quote) ? claim.quote.slice(3) : claim.quote);
      if (claim.source && pointing && !this.thirdPersonHasAntecedent(claim)) {
        const named = this.sideNamedIn(claim.source.text);
        // A ministry's or an army's spokesman saying "we" speaks for the state when the source names it.
        const side =
          named.find((e) => e.subtype === 'state' && named.some((o) => STATE_ORGANS.has(o.subtype))) ?? named[0];
        const actor = claim.source.actor === null ? undefined : this.byName.get(claim.source.actor);
        const speaker =
          side ??
          (actor && actor.subtype !== 'person'
            ? actor
            : actor && FIRST_PERSON.test(claim.quote)
              ? this.stateOfTitle(actor)
              : undefined);
        if (speaker) about.add(speaker.name);
        // "Russia and Syria said they would …": "they" is every one of them.
        if (THEY.test(claim.quote) && named.length > 1 && AND.test(claim.source.text))
          for (const e of named) about.add(e.name);
      }
      const hasInstallation = [...about].some((name) => installationNames.has(name));
      // The article's topic fills in a claim that names no installation, but not one that names the
      // topic's place only to locate something else ("near Qarawi").
      if (
        topic &&
        !hasInstallation &&
        (about.size === 0 || TOPICAL.test(claim.quote)) &&
        !this.onlyLocatedIn(claim, topic)
      )
        about.add(topic.name);
      claim.about = [...about];
    }
  }

  /** The organisations and states (no people) some mention of which the source's words contain. */
  private sideNamedIn(source: string): EntityRecord[] {
    let named = this.sides.get(source);
    if (!named) {
      this.names ??= new Substrings(
        this.table
          .all()
          .filter((e) => e.type === 'actor' && e.subtype !== 'person')
          .flatMap((e) => e.mentions.map((m) => [m.text, e] as const)),
      );
      named = this.table.ordered(this.names.in(source));
      this.sides.set(source, named);
    }
    return named;
  }

  /**
   * Whether the claim's own words name an actor before its first "it"/"its"/"they": then the
   * pronoun points at that actor ("as Beijing seeks to buttress its heft"), not at the speaker.
   */
  private thirdPersonHasAntecedent(claim: ExtractedClaim): boolean {
    if (FIRST_PERSON.test(claim.quote)) return false;
    const at = claim.start + (THIRD_PERSON.exec(claim.quote)?.index ?? 0);
    return this.table.inside(claim.start, at).some((f) => f.entity.type === 'actor');
  }

  /** The state a person's title names at their first mention: "we" in their mouth is that state. */
  private stateOfTitle(person: EntityRecord): EntityRecord | undefined {
    if (!this.titles.has(person)) {
      const first = person.mentions.reduce<EntityRecord['mentions'][number] | undefined>(
        (a, b) => (!a || b.start < a.start ? b : a),
        undefined,
      );
      const state = first
        ? this.table.endingIn(first.start - TITLE_REACH, first.start, (f) => f.entity.subtype === 'state')
        : undefined;
      this.titles.set(person, state);
    }
    return this.titles.get(person);
  }
}
