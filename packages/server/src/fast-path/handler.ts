import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SitrepDatabase } from '@sitrep/db';
import { refusal, viewerFromAuthorization } from '../auth';
import { createContext } from '../context';
import type { QueryLimits } from '../limits';
import { type RegularMediaType, chooseMediaType } from './accept';
import type { Plan } from './plans';
import type { FastPathState } from './plugin';

/**
 * Read queries are small; a bigger body goes to Yoga unread. It also bounds what a fallback
 * costs: Yoga's node adapter takes a body read here as a Buffer (see `handOver`).
 */
const FAST_PATH_MAX_BODY = 64 * 1024;

export interface FastPathOptions extends FastPathState {
  db: SitrepDatabase;
  limits: QueryLimits;
  readsNeedToken: boolean;
  /** The path Yoga serves GraphQL on. */
  path: string;
  /** Yoga's node handler: everything the fast path does not answer goes there unchanged. */
  yoga: (req: IncomingMessage, res: ServerResponse) => unknown;
}

export interface FastPathStats {
  /** Requests answered without Yoga. */
  answered: number;
  /** Requests read here, then handed to Yoga (unknown document, errors, refused viewer, …). */
  handedOver: number;
}

/** The only kind of request that may skip Yoga: a JSON POST with a GraphQL body and nothing else. */
interface Params {
  query: string;
  variables: Record<string, unknown> | null | undefined;
  operationName: string | null | undefined;
}

function paramsOf(body: unknown): Params | null {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  let count = 0;
  for (const key in body) {
    // `extensions` (persisted queries, …) and anything unexpected are Yoga's to judge.
    if (key !== 'query' && key !== 'variables' && key !== 'operationName') return null;
    count += 1;
  }
  if (count === 0) return null;
  const { query, variables, operationName } = body as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  if (operationName != null && (typeof operationName !== 'string' || operationName === '')) return null;
  return {
    query,
    variables: variables as Params['variables'],
    operationName: operationName as Params['operationName'],
  };
}

/** Yoga's JSON check (isContentTypeMatch): the first listed type, exactly or with parameters. */
function isJson(contentType: string | undefined): boolean {
  const first = contentType?.split(',')[0];
  return first === 'application/json' || first?.startsWith('application/json;') === true;
}

/**
 * Answers POST /graphql for queries Yoga has already accepted (see FastPathPlans) with their
 * compiled plan, skipping Yoga's fetch Request/Response layer and plugin orchestration, which
 * cost most of a small query's time. It answers only successes: a request it cannot answer
 * exactly as Yoga would, or whose answer holds an error, goes to Yoga, which answers it from
 * scratch (reads are idempotent), so errors, codes and masking are Yoga's own.
 *
 * Returns false when the request is not a candidate (Yoga must take it, body unread); true when
 * the fast path has taken it, answering it itself or handing it over to Yoga.
 */
export function createFastPath(options: FastPathOptions) {
  const { db, limits, plans, reads, yoga } = options;
  const maxBody = Math.min(FAST_PATH_MAX_BODY, limits.maxBodyBytes);
  const stats: FastPathStats = { answered: 0, handedOver: 0 };

  const handOver = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    stats.handedOver += 1;
    // The stream is consumed: Yoga's node adapter (@whatwg-node/server normalizeNodeRequest)
    // takes a body already read from `req.body`, as it does behind Express' body parsers.
    Object.assign(req, { body });
    void yoga(req, res);
  };

  const send = (res: ServerResponse, mediaType: RegularMediaType, json: string) => {
    stats.answered += 1;
    // The same status and headers as Yoga's answer to a successful query.
    res.writeHead(200, { 'Content-Type': `${mediaType}; charset=utf-8`, 'content-length': Buffer.byteLength(json) });
    res.end(json);
  };

  const answer = (req: IncomingMessage, res: ServerResponse, body: Buffer, mediaType: RegularMediaType) => {
    let params: Params | null;
    try {
      params = paramsOf(JSON.parse(body.toString('utf8')));
    } catch {
      params = null;
    }
    const plan = params && plans.get(params.query, params.operationName);
    if (!params || !plan) return handOver(req, res, body);
    // The access-control plugin's rule for a query (a bad token, or reads that need one).
    const viewer = viewerFromAuthorization(db, req.headers.authorization);
    if (refusal(viewer, false, options.readsNeedToken)) return handOver(req, res, body);
    const transaction = reads.open();
    run(plan, createContext(db, viewer, limits), params.variables)
      .finally(() => reads.close(transaction))
      .then(
        (result) => {
          if (result.errors?.length || !result.data) handOver(req, res, body);
          else send(res, mediaType, JSON.stringify(result));
        },
        () => handOver(req, res, body),
      )
      // Not expected; but nothing thrown while answering may take the server down.
      .catch(() => res.destroy());
  };

  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'POST' || req.url !== options.path) return false;
    const headers = req.headers;
    // Browsers' requests (CORS headers), compressed or chunked bodies: Yoga's.
    if (headers.origin !== undefined || headers['content-encoding'] !== undefined) return false;
    if (headers['transfer-encoding'] !== undefined || !isJson(headers['content-type'])) return false;
    const length = Number(headers['content-length']);
    if (!(length > 0 && length <= maxBody)) return false;
    const mediaType = chooseMediaType(headers.accept);
    if (!mediaType) return false;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), mediaType));
    req.on('error', () => res.destroy());
    return true;
  };

  return { handle, stats };
}

/** Runs a plan, turning a synchronous throw into a rejection. */
async function run(
  plan: Plan,
  context: ReturnType<typeof createContext>,
  variables: Params['variables'],
): Promise<Awaited<ReturnType<Plan>>> {
  return plan(undefined, context, variables);
}
