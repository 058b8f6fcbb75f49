import { foldWord, normalizeName } from '@sitrep/names';
import type { EntityKind } from '@sitrep/vocabulary';
import type { Random } from './random';
import {
  BODY_TYPES,
  CODAS,
  FIRST_NAMES_SYLLABLES,
  GROUP_TYPES,
  INSTALLATION_TYPES,
  MILITARY_TYPES,
  ONSETS,
  ORG_TYPES,
  REGIONS,
  TITLES,
  VOWELS,
  WELL_KNOWN,
} from './words';

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

/** The key the name matcher and the alias index see: two names with one key would collide. */
const keyOf = (name: string) => normalizeName(name).split(' ').filter(Boolean).map(foldWord).join(' ');

const capitalize = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Hands out made-up words and full names that no other name folds to. */
export class NameSource {
  private readonly taken = new Set<string>();

  constructor(private readonly random: Random) {}

  /** A word of 2 or 3 syllables ("Kavoren"). */
  word(): string {
    const r = this.random;
    const syllables = 2 + (r.chance(0.35) ? 1 : 0);
    let w = '';
    for (let i = 0; i < syllables; i += 1)
      w += r.pick(ONSETS) + r.pick(VOWELS) + (i === syllables - 1 ? r.pick(CODAS) : '');
    return capitalize(w);
  }

  firstName(): string {
    const r = this.random;
    return capitalize(
      r.pick(FIRST_NAMES_SYLLABLES) + r.pick(FIRST_NAMES_SYLLABLES) + r.pick(['', 'n', 'r', 'a', 'el']),
    );
  }

  /** True and reserved when none of the names is taken; nothing is reserved otherwise. */
  reserve(names: readonly string[]): boolean {
    const keys = names.map(keyOf);
    if (keys.some((k) => k === '' || this.taken.has(k)) || new Set(keys).size !== keys.length) return false;
    for (const k of keys) this.taken.add(k);
    return true;
  }

  /** Draws names until `make` gives three free ones. */
  unique(make: (attempt: number) => [string, string, string]): [string, string, string] {
    for (let attempt = 0; attempt < 1000; attempt += 1) {
      const names = make(attempt);
      if (this.reserve(names)) return names;
    }
    throw new Error('could not find a free name in 1000 attempts');
  }
}

const demonymOf = (w: string) => (/[aeiou]$/.test(w) ? `${w}n` : `${w}ian`);

/**
 * Plans `count` entities with three names each: a few well-known states, bodies, people and
 * installations at the top of the ranking, then made-up ones. Creation order puts states first
 * (others refer to them), then other actors, then installations.
 */
export function planEntities(random: Random, count: number): EntityPlan {
  const names = new NameSource(random);
  const entities: PlannedEntity[] = [];
  const blank = {
    demonym: null,
    affiliation: null,
    operator: null,
    hostCountry: null,
    region: null,
    latitude: null,
    longitude: null,
  };
  const wellKnown = WELL_KNOWN.slice(0, Math.min(WELL_KNOWN.length, Math.floor(count / 10)));
  for (const w of wellKnown) names.reserve([w.name, ...w.aliases]);

  const states = Math.max(10, Math.round(count * 0.02));
  const installations = Math.round(count * 0.2);
  const otherActors = count - states - installations;
  const stateIndices: number[] = [];
  const actorIndices: number[] = [];
  const addState = (name: string, aliases: string[], demonym: string | null) => {
    stateIndices.push(entities.length);
    actorIndices.push(entities.length);
    entities.push({ ...blank, kind: 'actor', type: 'state', name, aliases, demonym });
  };
  for (const w of wellKnown) if (w.type === 'state') addState(w.name, [...w.aliases], w.demonym ?? null);
  while (stateIndices.length < states) {
    let word = '';
    const [name, ...aliases] = names.unique(() => {
      word = names.word();
      return [word, `Republic of ${word}`, demonymOf(word)];
    });
    addState(name, aliases, demonymOf(word));
  }
  const stateOf = () => stateIndices[random.int(stateIndices.length)]!;
  const addActor = (type: string, n: [string, string, string], affiliation: number | null) => {
    actorIndices.push(entities.length);
    entities.push({ ...blank, kind: 'actor', type, name: n[0], aliases: [n[1], n[2]], affiliation });
  };
  for (const w of wellKnown) {
    if (w.kind !== 'actor' || w.type === 'state') continue;
    addActor(w.type, [w.name, ...w.aliases], stateIndices[0] ?? null);
  }
  while (actorIndices.length < states + otherActors) {
    const roll = random.next();
    if (roll < 0.2) {
      // A state's ministry or armed force; once a state has them all, one of a made-up authority.
      const [full, short] = roll < 0.1 ? random.pick(BODY_TYPES) : random.pick(MILITARY_TYPES);
      let state = stateOf();
      const n = names.unique((attempt) => {
        state = stateOf();
        const owner = attempt < 20 ? entities[state]!.name : names.word();
        return [`${owner} ${full}`, `${owner} ${short}`, `${full} of ${owner}`];
      });
      addActor(roll < 0.1 ? 'government body' : 'military', n, state);
    } else if (roll < 0.32) {
      addActor(
        'armed group',
        names.unique(() => {
          const w = names.word();
          const kind = random.pick(GROUP_TYPES);
          return [
            `${w} ${kind}`,
            `${kind} of ${w}`,
            `${w.toUpperCase().slice(0, 2)}${kind.charAt(0)}${random.int(90) + 10}`,
          ];
        }),
        null,
      );
    } else if (roll < 0.82) {
      addActor(
        'person',
        names.unique(() => {
          const first = names.firstName();
          const last = names.word();
          return [`${first} ${last}`, `${random.pick(TITLES)} ${last}`, `${first.charAt(0)}. ${last}`];
        }),
        stateOf(),
      );
    } else {
      addActor(
        'organisation',
        names.unique(() => {
          const w = names.word();
          const kind = random.pick(ORG_TYPES);
          return [`${w} ${kind}`, `${w} ${kind} Company`, `${w}${kind.slice(0, 3)}`];
        }),
        null,
      );
    }
  }
  const militaries = actorIndices.filter((i) => entities[i]!.type === 'military' || entities[i]!.type === 'state');
  const installationIndices: number[] = [];
  const addInstallation = (type: string, n: [string, string, string]) => {
    installationIndices.push(entities.length);
    entities.push({
      ...blank,
      kind: 'installation',
      type,
      name: n[0],
      aliases: [n[1], n[2]],
      operator: random.pick(militaries),
      hostCountry: stateOf(),
      region: random.pick(REGIONS),
      latitude: Math.round((random.next() * 60 + 10) * 1e4) / 1e4,
      longitude: Math.round((random.next() * 60 + 10) * 1e4) / 1e4,
    });
  };
  for (const w of wellKnown) if (w.kind === 'installation') addInstallation(w.type, [w.name, ...w.aliases]);
  while (entities.length < count) {
    const t = random.pick(INSTALLATION_TYPES);
    addInstallation(
      t.type,
      names.unique(() => {
        const w = names.word();
        return [`${w} ${t.suffix}`, `${w} ${t.aliases[0]}`, `${w} ${t.aliases[1]}`];
      }),
    );
  }

  // Well-known names lead the ranking in their list's order; everything else is shuffled behind them.
  const top = wellKnown.map((w) => entities.findIndex((e) => e.name === w.name));
  const rest = entities.map((_, i) => i).filter((i) => !top.includes(i));
  for (let i = rest.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    [rest[i], rest[j]] = [rest[j]!, rest[i]!];
  }
  const byRank = [...top, ...rest];
  return {
    entities,
    byRank,
    actorsByRank: byRank.filter((i) => entities[i]!.kind === 'actor'),
    statesByRank: byRank.filter((i) => entities[i]!.type === 'state'),
  };
}

/** `count` distinct names for a name-scan dictionary, three per made-up entity. */
export function planNames(random: Random, count: number): Array<{ name: string; kind: EntityKind; entity: number }> {
  const plan = planEntities(random, Math.ceil(count / 3) + 1);
  const out: Array<{ name: string; kind: EntityKind; entity: number }> = [];
  plan.entities.forEach((e, i) => {
    for (const name of [e.name, ...e.aliases]) out.push({ name, kind: e.kind, entity: i });
  });
  return out.slice(0, count);
}
