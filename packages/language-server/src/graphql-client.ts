/** Where the server is and how to talk to it. */
export interface Endpoint {
  url: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token?: string | null;
}

export class UnreachableError extends Error {
  constructor(
    readonly endpoint: string,
    cause: unknown,
  ) {
    super(
      `Sitrep is unreachable at ${endpoint}: ${cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause)}`,
    );
    this.name = 'UnreachableError';
  }
}

export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'GraphQLRequestError';
  }
}

/** One GraphQL request; a hover must never hang, so every request has a deadline. */
export async function graphql<T>(
  endpoint: Endpoint,
  query: string,
  variables: Record<string, unknown> = {},
  timeoutMs = 5000,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(endpoint.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new UnreachableError(endpoint.url, error);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: T;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  } | null;
  if (!body) throw new UnreachableError(endpoint.url, new Error(`HTTP ${response.status} without a GraphQL answer`));
  const first = body.errors?.[0];
  if (first) throw new GraphQLRequestError(first.message, first.extensions?.code);
  if (!body.data) throw new GraphQLRequestError('The server answered without data.', undefined);
  return body.data;
}
