import { MOVABLE_CLASSES } from './lexicon';
import type { ClaimFeatures } from './types';

/** Predicate classes that say where something goes or stays: who or what moves is part of what they state. */
const MOVEMENT_CLASSES: ReadonlySet<string> = new Set(['depart', 'arrive', 'stay']);

const moves = (f: ClaimFeatures) => f.predicateClass !== null && MOVEMENT_CLASSES.has(f.predicateClass);

/** The class of a movable part the claim's subject is ("frigates have left" → ship), or null. */
const movablePart = (f: ClaimFeatures) =>
  f.subjectClass !== null && MOVABLE_CLASSES.has(f.subjectClass) ? f.subjectClass : null;

/**
 * Whether `part` reports a movable part moving of itself ("the frigates have left the port": active
 * voice) and `holder` a named actor's own move ("Ruritania is withdrawing its assets") that does not
 * name that kind of part. A holder moves some of its ships for many reasons without withdrawing,
 * and withdraws without every ship leaving: one is seen, the other decided. Where the holder's claim
 * names the part ("is withdrawing its frigates") both may state one move; a passive part ("equipment
 * is being shipped back") is what someone moved, which may be the holder's move told from its object.
 */
function partAndHolder(part: ClaimFeatures, holder: ClaimFeatures): boolean {
  const cls = movablePart(part);
  return cls !== null && !part.passive && holder.subjectNamed && !holder.passive && !holder.terms.has(`~${cls}`);
}

/**
 * Whether two reports of movement are about different things moving: parts of different kinds
 * ("ships have left" / "equipment is being flown out": an event about ships is not one about
 * equipment), or a part moving of itself and its holder's move (`partAndHolder`). The same verb
 * with different movers reports different events, however alike the rest of the words.
 */
export function differentThingsMoved(a: ClaimFeatures, b: ClaimFeatures): boolean {
  if (!moves(a) || !moves(b)) return false;
  const [pa, pb] = [movablePart(a), movablePart(b)];
  if (pa !== null && pb !== null && pa !== pb) return true;
  return partAndHolder(a, b) || partAndHolder(b, a);
}
