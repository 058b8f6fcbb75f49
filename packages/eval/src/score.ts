import type { ExtractedClaim, ExtractedEntity, Extraction } from '@sitrep/extract';
import type { GoldArticle, GoldClaim, GoldEntity } from './gold';
import { normalizeText, words } from './normalize-text';

/** Found-versus-annotated counts behind a precision and recall. */
export interface Detection {
  extracted: number;
  gold: number;
  /** One-to-one pairs, so matched extracted = matched gold. */
  matched: number;
}

/** Right answers over matched claim pairs; for `about`, `correct` is the sum of the pairs' Jaccard values. */
export interface Tally {
  correct: number;
  total: number;
}

export interface Counts {
  entities: Detection;
  claims: Detection;
  attribution: Tally;
  sourceActor: Tally;
  about: Tally;
  stance: Tally;
  hedged: Tally;
  eventDate: Tally;
}

/** Each ratio is null where its denominator is zero (nothing to measure). */
export interface Ratios {
  entityPrecision: number | null;
  entityRecall: number | null;
  entityF1: number | null;
  claimPrecision: number | null;
  claimRecall: number | null;
  claimF1: number | null;
  attribution: number | null;
  sourceActor: number | null;
  about: number | null;
  stance: number | null;
  hedged: number | null;
  eventDate: number | null;
}

export interface Score {
  counts: Counts;
  ratios: Ratios;
}

/** Scores one article's extraction against its gold annotation, as the corpus README defines. */
export function scoreArticle(extraction: Extraction, gold: GoldArticle): Score {
  const surfaces = new SurfaceLookup(extraction, gold);
  const scoredKinds = new Set(['actor', 'installation']);
  const extracted = extraction.entities.filter((e) => scoredKinds.has(e.type)).map(extractedSurfaces);
  const annotated = gold.entities.filter((e) => scoredKinds.has(e.type)).map(goldSurfaces);
  const entitiesMatched = maximumMatching(extracted.length, annotated.length, (i, j) =>
    intersects(extracted[i]!, annotated[j]!),
  );

  const pairs = matchClaims(extraction.claims, gold.claims);
  const tally = (test: (e: ExtractedClaim, g: GoldClaim) => boolean | number, among = pairs): Tally => ({
    correct: among.reduce((sum, [e, g]) => sum + Number(test(e, g)), 0),
    total: among.length,
  });
  return withRatios({
    entities: { extracted: extracted.length, gold: annotated.length, matched: entitiesMatched },
    claims: { extracted: extraction.claims.length, gold: gold.claims.length, matched: pairs.length },
    attribution: tally(attributionCorrect),
    sourceActor: tally((e, g) => surfaces.sameActor(e.source?.actor ?? null, g.source_actor)),
    about: tally((e, g) => surfaces.jaccard(e.about, g.about)),
    stance: tally((e, g) => e.stance === g.stance),
    hedged: tally((e, g) => e.hedged === g.hedged),
    eventDate: tally(
      (e, g) => e.event_date === g.event_date,
      pairs.filter(([, g]) => g.event_date !== undefined),
    ),
  });
}

/** Micro-averages: sums every article's counts, then divides once (not a mean of per-article ratios). */
export function totals(scores: ReadonlyArray<Pick<Score, 'counts'>>): Score {
  const sum = <K extends keyof Counts>(key: K, field: keyof Counts[K]): number =>
    scores.reduce((total, s) => total + (s.counts[key][field] as number), 0);
  const detection = (key: 'entities' | 'claims'): Detection => ({
    extracted: sum(key, 'extracted'),
    gold: sum(key, 'gold'),
    matched: sum(key, 'matched'),
  });
  const tally = (key: Exclude<keyof Counts, 'entities' | 'claims'>): Tally => ({
    correct: sum(key, 'correct'),
    total: sum(key, 'total'),
  });
  return withRatios({
    entities: detection('entities'),
    claims: detection('claims'),
    attribution: tally('attribution'),
    sourceActor: tally('sourceActor'),
    about: tally('about'),
    stance: tally('stance'),
    hedged: tally('hedged'),
    eventDate: tally('eventDate'),
  });
}

function withRatios(counts: Counts): Score {
  const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
  const detection = ({ extracted, gold, matched }: Detection) => ({
    precision: ratio(matched, extracted),
    recall: ratio(matched, gold),
    // 2PR/(P+R) written with counts: defined (as 0) even when nothing was extracted.
    f1: ratio(2 * matched, extracted + gold),
  });
  const entities = detection(counts.entities);
  const claims = detection(counts.claims);
  const of = (t: Tally) => ratio(t.correct, t.total);
  return {
    counts,
    ratios: {
      entityPrecision: entities.precision,
      entityRecall: entities.recall,
      entityF1: entities.f1,
      claimPrecision: claims.precision,
      claimRecall: claims.recall,
      claimF1: claims.f1,
      attribution: of(counts.attribution),
      sourceActor: of(counts.sourceActor),
      about: of(counts.about),
      stance: of(counts.stance),
      hedged: of(counts.hedged),
      eventDate: of(counts.eventDate),
    },
  };
}

type Surfaces = ReadonlySet<string>;

const surfaceSet = (texts: readonly string[]): Surfaces =>
  new Set(texts.map(normalizeText).filter((text) => text !== ''));
const extractedSurfaces = (e: ExtractedEntity): Surfaces =>
  surfaceSet([e.name, ...e.aliases, ...e.mentions.map((m) => m.text)]);
const goldSurfaces = (e: GoldEntity): Surfaces => surfaceSet([e.name, ...e.mentions]);
const intersects = (a: Surfaces, b: Surfaces) => [...a].some((text) => b.has(text));

/**
 * Size of a maximum one-to-one matching (Kuhn's augmenting paths). Unlike a greedy pass, its size
 * does not depend on the order of either list: an extracted entity that could stand for two gold
 * entities never blocks another extracted entity from the only one it matches.
 */
export function maximumMatching(left: number, right: number, edge: (i: number, j: number) => boolean): number {
  const ownerOf = new Array<number>(right).fill(-1);
  const augment = (i: number, seen: boolean[]): boolean => {
    for (let j = 0; j < right; j++) {
      if (seen[j] || !edge(i, j)) continue;
      seen[j] = true;
      if (ownerOf[j] === -1 || augment(ownerOf[j]!, seen)) {
        ownerOf[j] = i;
        return true;
      }
    }
    return false;
  };
  let size = 0;
  for (let i = 0; i < left; i++) if (augment(i, new Array<boolean>(right).fill(false))) size++;
  return size;
}

/** One-to-one claim pairs: overlap of at least half the gold span, largest overlap first, greedy. */
export function matchClaims<E extends Pick<ExtractedClaim, 'start' | 'end'>>(
  extracted: readonly E[],
  gold: readonly GoldClaim[],
): Array<[E, GoldClaim]> {
  const candidates: Array<{ e: number; g: number; overlap: number; misfit: number }> = [];
  gold.forEach((g, gi) =>
    extracted.forEach((e, ei) => {
      const overlap = Math.min(e.end, g.end) - Math.max(e.start, g.start);
      const length = g.end - g.start;
      if (overlap > 0 && 2 * overlap >= length)
        candidates.push({ e: ei, g: gi, overlap, misfit: Math.abs(e.end - e.start - length) });
    }),
  );
  // Ties go to the closer-fitting span, then to text order, so the result never depends on chance.
  candidates.sort((a, b) => b.overlap - a.overlap || a.misfit - b.misfit || a.g - b.g || a.e - b.e);
  const usedE = new Set<number>();
  const usedG = new Set<number>();
  const pairs: Array<[E, GoldClaim]> = [];
  for (const { e, g } of candidates) {
    if (usedE.has(e) || usedG.has(g)) continue;
    usedE.add(e);
    usedG.add(g);
    pairs.push([extracted[e]!, gold[g]!]);
  }
  return pairs;
}

const ARTICLES = new Set(['a', 'an', 'the']);

/** "The article" ⇔ no source; otherwise half the gold source's (or source_mention's) words said. */
export function attributionCorrect(e: ExtractedClaim, g: GoldClaim): boolean {
  const goldIsArticle = normalizeText(g.source) === 'the article';
  if (goldIsArticle || e.source === null) return goldIsArticle && e.source === null;
  const said = new Set(words(e.source.text));
  return [g.source, g.source_mention].some((text) => {
    if (text === undefined) return false;
    const wanted = new Set(words(text).filter((word) => !ARTICLES.has(word)));
    const found = [...wanted].filter((word) => said.has(word)).length;
    // A source made only of articles has nothing to find: not evidence of a right attribution.
    return wanted.size > 0 && 2 * found >= wanted.size;
  });
}

/** Resolves the canonical names a claim refers to (about, source actor) into surface sets. */
class SurfaceLookup {
  private readonly extracted = new Map<string, { key: string; surfaces: Surfaces }>();
  private readonly gold = new Map<string, { key: string; surfaces: Surfaces }>();

  constructor(extraction: Extraction, gold: GoldArticle) {
    // Canonical names win over aliases when both would claim the same text.
    extraction.entities.forEach((e, i) => {
      for (const alias of e.aliases)
        this.extracted.set(normalizeText(alias), { key: `entity ${i}`, surfaces: extractedSurfaces(e) });
    });
    extraction.entities.forEach((e, i) =>
      this.extracted.set(normalizeText(e.name), { key: `entity ${i}`, surfaces: extractedSurfaces(e) }),
    );
    [...gold.places, ...gold.entities].forEach((e, i) =>
      this.gold.set(normalizeText(e.name), { key: `entity ${i}`, surfaces: goldSurfaces(e) }),
    );
  }

  /** A name no entity carries still stands for itself. */
  private resolve(table: Map<string, { key: string; surfaces: Surfaces }>, name: string) {
    const text = normalizeText(name);
    return table.get(text) ?? { key: `name ${text}`, surfaces: surfaceSet([name]) };
  }

  sameActor(extracted: string | null, gold: string | null): boolean {
    if (extracted === null || gold === null) return extracted === gold;
    return intersects(this.resolve(this.extracted, extracted).surfaces, this.resolve(this.gold, gold).surfaces);
  }

  /** Jaccard of two entity sets, where "in both" means paired one-to-one by the entity rule. */
  jaccard(extracted: readonly string[], gold: readonly string[]): number {
    const unique = (table: Map<string, { key: string; surfaces: Surfaces }>, names: readonly string[]) => [
      ...new Map(names.map((name) => this.resolve(table, name)).map((r) => [r.key, r.surfaces])).values(),
    ];
    const a = unique(this.extracted, extracted);
    const b = unique(this.gold, gold);
    if (a.length === 0 && b.length === 0) return 1;
    const both = maximumMatching(a.length, b.length, (i, j) => intersects(a[i]!, b[j]!));
    return both / (a.length + b.length - both);
  }
}
