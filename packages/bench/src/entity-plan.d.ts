import type { EntityKind } from '@sitrep/vocabulary';
import type { Random } from './random';
/** An entity to create: its canonical name and two more names (three aliases in all). */
export interface PlannedEntity {
    kind: EntityKind;
    /** actor type or installation type */
    type: string;
    name: string;
    aliases: string[];
    /** A made-up word that stands for it in running text when a short form is needed. */
    demonym: string | null;
    /** Index (in the plan) of the state it belongs to, for bodies, militaries and people. */
    affiliation: number | null;
    /** Index of the actor that runs an installation, and of the state it stands in. */
    operator: number | null;
    hostCountry: number | null;
    region: string | null;
    latitude: number | null;
    longitude: number | null;
}
export interface EntityPlan {
    entities: PlannedEntity[];
    /** Plan indices from the most to the least talked-about: Zipf rank r is entities[byRank[r]]. */
    byRank: number[];
    /** Plan indices of actors, by rank: who speaks. */
    actorsByRank: number[];
    /** Plan indices of states, by rank: whom anonymous officials belong to. */
    statesByRank: number[];
}
/** Hands out made-up words and full names that no other name folds to. */
export declare class NameSource {
    private readonly random;
    private readonly taken;
    constructor(random: Random);
    /** A word of 2 or 3 syllables ("Kavoren"). */
    word(): string;
    firstName(): string;
    /** True and reserved when none of the names is taken; nothing is reserved otherwise. */
    reserve(names: readonly string[]): boolean;
    /** Draws names until `make` gives three free ones. */
    unique(make: (attempt: number) => [string, string, string]): [string, string, string];
}
/**
 * Plans `count` entities with three names each: a few well-known states, bodies, people and
 * installations at the top of the ranking, then made-up ones. Creation order puts states first
 * (others refer to them), then other actors, then installations.
 */
export declare function planEntities(random: Random, count: number): EntityPlan;
/** `count` distinct names for a name-scan dictionary, three per made-up entity. */
export declare function planNames(random: Random, count: number): Array<{
    name: string;
    kind: EntityKind;
    entity: number;
}>;
