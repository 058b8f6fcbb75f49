import type { GraphQLResponse } from '../helpers';

/** The numeric row id behind a Relay global ID (base64 of `Type:id`). */
export const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]);

const INGEST = `mutation($text: String!) {
  ingestArticle(input: { text: $text }) {
    article { id mentions { totalCount } }
    claims { id about { entity { id } } }
    createdEntities { id }
  }
}`;

interface IngestData {
  ingestArticle: {
    article: { id: string; mentions: { totalCount: number } };
    claims: Array<{ id: string; about: Array<{ entity: { id: string } }> }>;
    createdEntities: Array<{ id: string }>;
  };
}

/** What the server said it stored, in row ids. */
export interface Acknowledged {
  article: number;
  claims: number[];
  created: number[];
  mentions: number;
  about: number;
}

export type IngestOutcome =
  | { kind: 'acknowledged'; stored: Acknowledged }
  /** A GraphQL error, e.g. CONFLICT for a text stored before. */
  | { kind: 'refused'; code: string | undefined; message: string }
  /** No answer: the connection failed or was cut. */
  | { kind: 'lost'; reason: string };

/** Sends one ingestArticle over HTTP and says what came of it. */
export async function ingestOverHttp(url: string, token: string, text: string): Promise<IngestOutcome> {
  let body: GraphQLResponse<IngestData>;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: INGEST, variables: { text } }),
      signal: AbortSignal.timeout(30_000),
    });
    body = (await response.json()) as GraphQLResponse<IngestData>;
  } catch (error) {
    return { kind: 'lost', reason: String(error) };
  }
  const error = body.errors?.[0];
  if (error || !body.data) return { kind: 'refused', code: error?.extensions?.code, message: error?.message ?? '' };
  const { article, claims, createdEntities } = body.data.ingestArticle;
  return {
    kind: 'acknowledged',
    stored: {
      article: rowId(article.id),
      claims: claims.map((c) => rowId(c.id)),
      created: createdEntities.map((e) => rowId(e.id)),
      mentions: article.mentions.totalCount,
      about: claims.reduce((sum, c) => sum + c.about.length, 0),
    },
  };
}
