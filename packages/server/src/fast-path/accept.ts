/** The media types Yoga answers a single (not streamed) result with, in the order it tries them. */
const REGULAR = ['application/graphql-response+json', 'application/json'] as const;
export type RegularMediaType = (typeof REGULAR)[number];

const matches = (offered: string, asked: string) => {
  const [askedType, askedSubtype] = asked.split('/');
  const [type, subtype] = offered.split('/');
  return (askedType === '*' || askedType === type) && (askedSubtype === '*' || askedSubtype === subtype);
};

/**
 * The content type Yoga would answer a query result with for this Accept header, or null when it
 * would not pick a plain JSON answer (server-sent events, multipart, 406). Mirrors Yoga 5's
 * result-processor choice (plugins/result-processor/accept.js and use-result-processor.js): the
 * last match wins, going through the accepted types from last to first; only UTF-8 counts.
 */
function chooseUncached(accept: string | undefined): RegularMediaType | null {
  const asked = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',').reverse();
  let chosen: RegularMediaType | null = null;
  for (const entry of asked) {
    const [mediaType = '', ...params] = entry.split(';');
    const charset = params.find((p) => p.includes('charset=')) ?? 'charset=utf-8';
    if (charset !== 'charset=utf-8') continue;
    for (const offered of REGULAR) if (matches(offered, mediaType)) chosen = offered;
  }
  return chosen;
}

// Clients send one Accept header over and over: remember a few answers.
const MAX_REMEMBERED = 64;
const remembered = new Map<string, RegularMediaType | null>();

export function chooseMediaType(accept: string | undefined): RegularMediaType | null {
  const key = accept ?? '';
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const chosen = chooseUncached(accept);
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(key, chosen);
  return chosen;
}
