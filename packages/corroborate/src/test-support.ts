import type { ClaimFacts } from './types';

let next = 0;

/**
 * An invented claim for tests, about Russia and the (invented) port of Harbourtown unless told
 * otherwise; each gets an article of its own unless `articleId` is given.
 */
export function claim(quote: string, over: Partial<ClaimFacts> = {}): ClaimFacts {
  next++;
  return {
    id: `c${next}`,
    articleId: `a${next}`,
    quote,
    about: ['russia', 'harbourtown'],
    installations: ['harbourtown'],
    stance: 'affirms',
    hedged: false,
    eventDate: null,
    saidOn: '2031-03-10',
    source: null,
    ...over,
  };
}

export const source = (text: string, actor: string | null = null) => ({ text, actor, count: null, anonymous: false });
