import type { FiledMention } from '../entities/table';

/**
 * Prepositions that only say where something else is: "near Qarawi", "off the coast of X", "north
 * of X", "on the outskirts of X", "not far from X", "in the vicinity of X". Not "off" alone
 * ("sealed off X" acts on X), nor "close to" ("has grown close to China" is about China).
 */
const LOCATING =
  /\b(?:near|nearby|outside|off\s+the\s+coast\s+of|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|outskirts\s+of|not\s+far\s+from|vicinity\s+of)\s+(?:the\s+)?(?:(?:port\s+)?(?:city|town|village)\s+of\s+)?$/i;
/** A mention that carries its own installation word names the installation ("near the Qarawi airbase"). */
const INSTALLATION_WORD =
  /\b(?:bases?|air\s?base|airbases?|air\s?fields?|airfields?|airports?|ports?|facility|facilities|stations?|posts?|depots?|piers?|harbou?rs?)\b/i;
/** How far before a mention its preposition may stand. */
const REACH = 40;

/**
 * Whether a mention only locates something else: a bare name after a preposition of place. The
 * name is still a mention of its entity; the claim is about what is near it.
 */
export function onlyLocates(text: string, found: FiledMention): boolean {
  const { start, text: words } = found.mention;
  return !INSTALLATION_WORD.test(words) && LOCATING.test(text.slice(Math.max(0, start - REACH), start));
}
