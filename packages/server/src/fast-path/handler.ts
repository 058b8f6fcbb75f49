import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecutionResult } from 'graphql';
import type { QueryLimits } from '../limits';
import type { SitrepYoga } from '../yoga';
import type { Plan } from './plans';
import { type FastPathState, withPlan } from './plugin';
import {
  type Enveloped,
  type FastParams,
  type Outcome,
  type RegularMediaType,
  chooseMediaType,
  handBack,
  isCandidate,
  isPlainSuccess,
  paramsOf,
  processLikeYoga,
  sendSuccess,
  yogaContext,
} from './yoga-mirror';

/**
 * Read queries are small; a bigger body goes to Yoga unread. It also bounds what a fallback
 * costs: Yoga's node adapter takes a body read here as a Buffer (see handBack).
 */
const FAST_PATH_MAX_BODY = 64 * 1024;

export interface FastPathOptions extends FastPathState {
  limits: QueryLimits;
  /** The path Yoga serves GraphQL on. */
  path: string;
  /** Everything the fast path does not answer goes there. */
  yoga: SitrepYoga;
}

export interface FastPathStats {
  /** Requests answered without Yoga's HTTP layer. */
  answered: number;
  /** Requests read here, then handed to Yoga (unknown document, refused variables, errors, …). */
  handedOver: number;
}

/**
 * Answers POST /graphql for queries Yoga has already accepted (see FastPathPlans) with their
 * compiled plan, skipping Yoga's fetch Request/Response layer, which costs most of a small
 * query's time. Envelop's phases still run, through Yoga's own orchestrator: every plugin's parse,
 * validate, context and execute hooks (access control, masking, limits, logging) see the request.
 * It sends only plain successes; any other result goes to Yoga, which answers it from there
 * (see handBack), so errors, codes and status are Yoga's own.
 *
 * `handle` returns false when the request is not a candidate (Yoga must take it, body unread);
 * true when the fast path has taken it, answering it itself or handing it over to Yoga.
 */
export function createFastPath(options: FastPathOptions) {
  const { plans, reads, yoga } = options;
  // Each is a property lookup through the server adapter's proxy, which binds a new function.
  const { fetchAPI, getEnveloped, waitUntil } = yoga;
  const maxBody = Math.min(FAST_PATH_MAX_BODY, options.limits.maxBodyBytes);
  const stats: FastPathStats = { answered: 0, handedOver: 0 };

  const handOver = (req: IncomingMessage, res: ServerResponse, body: Buffer, outcome?: Outcome) => {
    stats.handedOver += 1;
    handBack(yoga, req, res, body, outcome);
  };

  const execute = async (req: IncomingMessage, res: ServerResponse, params: FastParams, plan: Plan) => {
    const context = withPlan(yogaContext(req, res, params, fetchAPI, waitUntil), plan);
    const transaction = reads.open();
    try {
      return await processLikeYoga(getEnveloped(context) as Enveloped, params);
    } finally {
      reads.close(transaction);
    }
  };

  const answer = (req: IncomingMessage, res: ServerResponse, body: Buffer, mediaType: RegularMediaType) => {
    const params = paramsOf(body);
    const plan = params && plans.get(params.query, params.operationName);
    // Before any plugin has seen it, a request can still go to Yoga as it came.
    if (!params || !plan || plan.refuses(params.variables)) return handOver(req, res, body);
    execute(req, res, params, plan)
      .then(
        (result) => {
          if (!isPlainSuccess(result)) return handOver(req, res, body, { result: result as ExecutionResult });
          stats.answered += 1;
          sendSuccess(res, mediaType, result);
        },
        (thrown: unknown) => handOver(req, res, body, { thrown }),
      )
      // Not expected; but nothing thrown while answering may take the server down.
      .catch(() => res.destroy());
  };

  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!isCandidate(req, options.path, maxBody)) return false;
    const mediaType = chooseMediaType(req.headers.accept);
    if (!mediaType) return false;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, res, chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), mediaType));
    req.on('error', () => res.destroy());
    return true;
  };

  return { handle, stats };
}
