import type { ReviewStatus, Stance } from '@sitrep/vocabulary';
import type { EntityPlan } from './entity-plan';
import type { Random, Zipf } from './random';
export interface PlannedClaim {
    quote: string;
    start: number;
    end: number;
    /** Plan indices of the entities it is about: subject, object, location. */
    about: number[];
    source: {
        text: string;
        actor: number | null;
        count: number | null;
        anonymous: boolean;
    } | null;
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
    mentions: Array<{
        entity: number;
        start: number;
        end: number;
    }>;
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
export declare const DAYS_COVERED = 560;
export declare const dayString: (day: number) => string;
/**
 * One synthetic wire article: the header line, then paragraphs of one to three sentences, each
 * sentence carrying one claim. `index` of `total` sets the date, so dates rise through the run.
 */
export declare function planArticle(random: Random, s: ArticleSampler, index: number, total: number, claimCount: number): PlannedArticle;
/** How many claims each of `articles` articles carries: between half and one and a half times the mean, summing to `claims`. */
export declare function claimsPerArticle(random: Random, articles: number, claims: number): Uint16Array;
