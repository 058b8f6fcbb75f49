import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusal, viewerFromAuthorization } from '../auth';
import type { Viewer } from '../context';
import { createContext } from '../context';
import type { ServerStore } from '../store';
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

/** A viewer looked up too late to hand the request over unread: Yoga answers it with the refusal. */
const REFUSED = Symbol('refused');

export interface FastPathOptions extends FastPathState {
  /** The Store Yoga's contexts read through, for the same resolvers here; bearer tokens are looked up in it. */
  store: ServerStore;
  /** Where queries read, when not `store`: a read replica (see read-replica.ts). */
  readStore?: ServerStore;
  limits: QueryLimits;
  readsNeedToken: boolean;
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
 * query's time. It sends only plain successes; any other result goes to Yoga, so errors, codes
 * and status are Yoga's own. With plugins added, envelop's phases run through Yoga's own
 * orchestrator (see fastPathPlugins).
 *
 * `handle` returns false when the request is not a candidate (Yoga must take it, body unread);
 * true when the fast path has taken it, answering it itself or handing it over to Yoga.
 */
export function createFastPath(options: FastPathOptions) {
  const { store, limits, plans, reads, yoga } = options;
  const readStore = options.readStore ?? store;
  // Each is a property lookup through the server adapter's proxy, which binds a new function.
  const { fetchAPI, getEnveloped, waitUntil } = yoga;
  const maxBody = Math.min(FAST_PATH_MAX_BODY, limits.maxBodyBytes);
  const stats: FastPathStats = { answered: 0, handedOver: 0 };

  const handOver = (req: IncomingMessage, res: ServerResponse, body: Buffer, outcome?: Outcome) => {
    stats.handedOver += 1;
    handBack(yoga, req, res, body, outcome);
  };
  const inReadTransaction = async <T>(run: () => Promise<T>): Promise<T> => {
    const transaction = reads.open();
    try {
      return await run();
    } finally {
      reads.close(transaction);
    }
  };

  /**
   * Sitrep's plugins alone: what they do to a query that succeeds is done here, with their own
   * functions (the context's viewer, access control's refusal); masking and error codes touch
   * only errors, armor and the introspection rule only documents, which Yoga accepted. Null: Yoga
   * refuses this viewer.
   */
  const direct = (req: IncomingMessage, params: FastParams, plan: Plan): Promise<unknown> | null => {
    const run = (viewer: Viewer) =>
      refusal(viewer, false, options.readsNeedToken)
        ? null
        : inReadTransaction(() => plan.run(createContext(readStore, viewer, limits), params.variables));
    // At once on SQLite; on PostgreSQL, once the token is looked up (REFUSED: Yoga refuses it).
    const viewer = viewerFromAuthorization(store, req.headers.authorization);
    return viewer instanceof Promise
      ? viewer.then((v): Promise<unknown> | typeof REFUSED => run(v) ?? REFUSED)
      : run(viewer);
  };

  /** Every plugin's envelop hooks, as Yoga runs them. */
  const throughEnvelop = (req: IncomingMessage, res: ServerResponse, params: FastParams, plan: Plan) => {
    const context = withPlan(yogaContext(req, res, params, fetchAPI, waitUntil), plan);
    return inReadTransaction(() => processLikeYoga(getEnveloped(context) as Enveloped, params));
  };

  const answer = (req: IncomingMessage, res: ServerResponse, body: Buffer, mediaType: RegularMediaType) => {
    const params = paramsOf(body);
    const plan = params && plans.get(params.query, params.operationName);
    // graphql-jit words its refusal of variables differently: Yoga refuses them.
    if (!params || !plan || plan.refuses(params.variables)) return handOver(req, res, body);
    const { runsPlugins } = options;
    const running = runsPlugins ? throughEnvelop(req, res, params, plan) : direct(req, params, plan);
    if (!running) return handOver(req, res, body);
    // Once plugins have seen the request, Yoga resumes from the outcome; before, it starts over.
    running
      .then(
        (result) => {
          if (result === REFUSED) return handOver(req, res, body);
          if (!isPlainSuccess(result)) return handOver(req, res, body, runsPlugins ? { result } : undefined);
          stats.answered += 1;
          sendSuccess(res, mediaType, result);
        },
        (thrown: unknown) => handOver(req, res, body, runsPlugins ? { thrown } : undefined),
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
