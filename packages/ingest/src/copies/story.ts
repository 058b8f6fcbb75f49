import { type IngestTarget, writesOf } from '@sitrep/db';
import { containment, fingerprints, sharedCount, shingles } from './shingles';

/**
 * A text is a copy of a stored story when this share of the shorter one's shingles is in the
 * other. Measured on the corpus's 19 articles and 57 copies made of them at run time (cut,
 * re-datelined, trimmed: packages/eval/src/copies.ts): copies 0.88–1.00 with 109 or more
 * shingles shared; any two different articles, reports of one event among them, at most 0.016 and 4.
 */
export const COPY_CONTAINMENT = 0.6;
/** And they share at least this many shingles (about 40 words in a row), so one quoted sentence is not a copy. */
export const COPY_MIN_SHARED = 36;
/** Candidates must share this many fingerprints (a fingerprint is one shingle in eight). */
const MIN_SHARED_FINGERPRINTS = 2;
/** Candidates checked on their whole text, those sharing most fingerprints first. */
const CANDIDATES = 5;

export interface StoryMatch {
  /** The first article of the story the text copies, or null for a story of its own. */
  storyId: number | null;
  /** The text's fingerprints, to store with it. */
  fingerprints: number[];
}

/** Which stored story, if any, a new text is a copy of. */
export function findStory(target: IngestTarget, text: string): StoryMatch {
  const w = writesOf(target);
  const own = shingles(text);
  const prints = fingerprints(own);
  for (const candidate of w.storyCandidates(prints, MIN_SHARED_FINGERPRINTS, CANDIDATES)) {
    const [stored] = w.articleTextsByIds([candidate.articleId]);
    if (!stored) continue;
    const other = shingles(stored.text);
    if (sharedCount(own, other) >= COPY_MIN_SHARED && containment(own, other) >= COPY_CONTAINMENT) {
      return { storyId: candidate.storyId, fingerprints: prints };
    }
  }
  return { storyId: null, fingerprints: prints };
}
