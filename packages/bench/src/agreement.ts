import type { HoverAnswer as HoverData } from '@sitrep/vocabulary';
import { HOVER_QUERY, LIST_QUERY, graphqlBody } from './queries';

/** GraphQL and the baseline answered one question differently: the benchmark would compare apples and pears. */
export class Disagreement extends Error {}

async function post(url: string, body: string): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Disagreement(`${url} answered HTTP ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}

/** The first path where two JSON values differ, or null when they are equal (key order aside). */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
      if (i >= a.length || i >= b.length) return `${path}[${i}]: one list is ${a.length} long, the other ${b.length}`;
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const d = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (d) return d;
    }
    return null;
  }
  return Object.is(a, b) ? null : `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

interface HoverAnswer {
  data?: HoverData;
  errors?: unknown[];
}

export interface AgreementFigures {
  hoverNames: number;
  listPages: number;
  /** Of the names checked, how many found an entity with at least one claim, statement, contested statement. */
  withClaims: number;
  withStatements: number;
  withContested: number;
}

/**
 * Asks GraphQL and the baseline the same questions and fails loudly unless they give the same
 * answer: the same entity and names, the same claims, quotes in the same order.
 */
export async function checkAgreement(
  graphqlUrl: string,
  baselineUrl: string,
  names: readonly string[],
  listDates: readonly string[],
): Promise<AgreementFigures> {
  let withClaims = 0;
  let withStatements = 0;
  let withContested = 0;
  for (const name of names) {
    const [g, b] = (await Promise.all([
      post(graphqlUrl, graphqlBody(HOVER_QUERY, { name })),
      post(`${baselineUrl}/hover`, JSON.stringify({ name })),
    ])) as [HoverAnswer, HoverAnswer];
    if (g.errors)
      throw new Disagreement(`GraphQL failed the hover on “${name}”: ${JSON.stringify(g.errors).slice(0, 500)}`);
    const difference = firstDifference(g.data, b.data);
    if (difference) throw new Disagreement(`GraphQL and baseline disagree on the hover for “${name}” at ${difference}`);
    if ((g.data?.entity?.claims.edges.length ?? 0) > 0) withClaims += 1;
    if ((g.data?.entity?.statements.edges.length ?? 0) > 0) withStatements += 1;
    if ((g.data?.entity?.contested.edges.length ?? 0) > 0) withContested += 1;
  }
  for (const to of listDates) {
    const [g, b] = (await Promise.all([
      post(graphqlUrl, graphqlBody(LIST_QUERY, { to })),
      post(`${baselineUrl}/list`, JSON.stringify({ to })),
    ])) as [{ data?: unknown; errors?: unknown[] }, { data?: unknown }];
    if (g.errors)
      throw new Disagreement(`GraphQL failed the list up to ${to}: ${JSON.stringify(g.errors).slice(0, 500)}`);
    const difference = firstDifference(g.data, b.data);
    if (difference) throw new Disagreement(`GraphQL and baseline disagree on the list up to ${to} at ${difference}`);
  }
  return { hoverNames: names.length, listPages: listDates.length, withClaims, withStatements, withContested };
}
