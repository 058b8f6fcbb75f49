import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DocumentNode, ExecutionArgs, ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';

/**
 * Every rule the fast path copies from Yoga instead of running it, in one place, each saying
 * where Yoga keeps it. They were read against these versions: the test beside this file fails
 * when others are installed, so an upgrade starts by re-reading them against the new code. Their
 * contract is test/api/fast-path.answers-like-yoga.test.ts (with test/hardening/
 * fast-path.keeps-the-guards.test.ts): the same answers, byte for byte, with and without the
 * fast path.
 */
export const MIRRORED_VERSIONS = {
  'graphql-yoga': '5.24.1',
  '@whatwg-node/server': '0.11.0',
} as const;

/** GraphQL parameters of a JSON POST, as Yoga's POST JSON parser and params check accept them. */
export interface FastParams {
  query: string;
  variables: Record<string, unknown> | null | undefined;
  operationName: string | null | undefined;
}

/** The media types Yoga answers a single (not streamed) result with, in the order it tries them. */
const REGULAR = ['application/graphql-response+json', 'application/json'] as const;
export type RegularMediaType = (typeof REGULAR)[number];

/**
 * Whether Yoga would take `req` the way the fast path can: a plain JSON POST to the GraphQL path,
 * which Yoga's method, mutation-via-GET, batching and body-size checks and Sitrep's CSRF guard all
 * let through. Anything else (a browser's request with an Origin, which useCORS answers; a
 * compressed body, which the server adapter inflates; a chunked one, which useBodyLimit counts; a
 * body over `maxBody`; GET, form or text bodies) is Yoga's, body unread.
 */
export function isCandidate(req: IncomingMessage, path: string, maxBody: number): boolean {
  if (req.method !== 'POST' || req.url !== path) return false;
  const headers = req.headers;
  if (headers.origin !== undefined || headers['content-encoding'] !== undefined) return false;
  if (headers['transfer-encoding'] !== undefined || !isJson(headers['content-type'])) return false;
  const length = Number(headers['content-length']);
  return length > 0 && length <= maxBody;
}

/**
 * Yoga's JSON check (request-parser/utils.js isContentTypeMatch): the first listed type, exactly
 * or with parameters. (Yoga also takes application/graphql+json: that stays Yoga's.)
 */
function isJson(contentType: string | undefined): boolean {
  const first = contentType?.split(',')[0];
  return first === 'application/json' || first?.startsWith('application/json;') === true;
}

const matches = (offered: string, asked: string) => {
  const [askedType, askedSubtype] = asked.split('/');
  const [type, subtype] = offered.split('/');
  return (askedType === '*' || askedType === type) && (askedSubtype === '*' || askedSubtype === subtype);
};

/**
 * The content type Yoga would answer a query result with for this Accept header, or null when it
 * would not pick a plain JSON answer (server-sent events, multipart, 406). Yoga's result-processor
 * choice (plugins/result-processor/accept.js, use-result-processor.js): the last match wins, going
 * through the accepted types from last to first; only UTF-8 counts.
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

/**
 * The parameters of a body Yoga would run as one operation without complaint (post-json.js,
 * use-check-graphql-query-params.js), or null. Stricter than Yoga: `extensions` (persisted
 * queries, …), batches and anything unexpected are Yoga's to judge.
 */
export function paramsOf(body: Buffer): FastParams | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  let count = 0;
  for (const key in parsed) {
    if (key !== 'query' && key !== 'variables' && key !== 'operationName') return null;
    count += 1;
  }
  if (count === 0) return null;
  const { query, variables, operationName } = parsed as Record<string, unknown>;
  if (typeof query !== 'string') return null;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  // An empty operationName is an error in Yoga, not "the only operation".
  if (operationName != null && (typeof operationName !== 'string' || operationName === '')) return null;
  return {
    query,
    variables: variables as FastParams['variables'],
    operationName: operationName as FastParams['operationName'],
  };
}

/**
 * The context Yoga gives plugins for this request: the node adapter's server context (`req`,
 * `res`, `waitUntil`: createServerAdapter.js requestListener) with the fetch `request` and the
 * `params` (server.js handleParams). The request has no body: Yoga's parser has read it before
 * any plugin sees the context, too. Its URL is built as normalizeNodeRequest builds it.
 */
export function yogaContext(
  req: IncomingMessage,
  res: ServerResponse,
  params: FastParams,
  fetchAPI: { Request: typeof Request },
  waitUntil: (promise: Promise<void> | void) => void,
): Record<string, unknown> {
  const url = `http://${req.headers.host ?? 'localhost'}${req.url}`;
  const request = new fetchAPI.Request(url, { method: 'POST', headers: req.headers as Record<string, string> });
  return { req, res, waitUntil, request, params };
}

/** What envelop's getEnveloped gives for one request (@envelop/core create.js). */
export interface Enveloped {
  schema: GraphQLSchema;
  parse(source: string): DocumentNode;
  validate(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[];
  contextFactory(): unknown;
  execute(args: ExecutionArgs): unknown;
}

/**
 * Yoga's processRequest (process-request.js) for a query: envelop's parse, validate, context and
 * execute, in its order, each running every plugin's hooks. A throw is Yoga's to handle (handBack).
 */
export async function processLikeYoga(enveloped: Enveloped, params: FastParams): Promise<unknown> {
  const document = enveloped.parse(params.query);
  const errors = enveloped.validate(enveloped.schema, document);
  if (errors.length > 0) return { errors };
  const contextValue = await enveloped.contextFactory();
  return enveloped.execute({
    schema: enveloped.schema,
    document,
    contextValue,
    variableValues: params.variables,
    operationName: params.operationName,
  });
}

/**
 * What the fast path sends itself: a result Yoga's regular result processor would answer with 200
 * and nothing but the content type (result-processor/regular.js, error.js
 * getResponseInitByRespectingErrors): data, no errors, no `extensions.http` status or headers.
 */
export function isPlainSuccess(result: unknown): result is ExecutionResult {
  if (result === null || typeof result !== 'object' || Symbol.asyncIterator in result) return false;
  const { data, errors, extensions } = result as ExecutionResult;
  return data != null && !errors?.length && extensions?.['http'] === undefined;
}

/** Yoga's answer to a plain success (regular.js, stringify.js: the result's own `stringify` first). */
export function sendSuccess(res: ServerResponse, mediaType: RegularMediaType, result: ExecutionResult): void {
  const stringify = (result as { stringify?: (r: ExecutionResult) => string }).stringify ?? JSON.stringify;
  const json = stringify(result);
  res.writeHead(200, { 'Content-Type': `${mediaType}; charset=utf-8`, 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

/** How far the fast path got before handing a request back: Yoga goes on from there. */
export type Outcome = { result: unknown } | { thrown: unknown };

const outcomes = new WeakMap<IncomingMessage, Outcome>();

/**
 * Hands `req` to Yoga. Its body is already read: Yoga's node adapter takes a body from `req.body`
 * (normalizeNodeRequest), as behind Express' body parsers. With an `outcome`, envelop's phases
 * have run (plugins saw them): Yoga must not run them again, and takes the outcome instead (see
 * resumeInYoga), doing only its HTTP part, result processing and response hooks.
 */
export function handBack(
  yoga: (req: IncomingMessage, res: ServerResponse) => unknown,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  outcome?: Outcome,
): void {
  Object.assign(req, { body });
  if (outcome) outcomes.set(req, outcome);
  void yoga(req, res);
}

/**
 * The Yoga side of handBack. `onParams` gets the server context, whose `req` is the node request
 * (server.js getResultForParams). `setResult` skips parse, validate and execute; a thrown error
 * goes the way Yoga's own handler's does (handleError, then the result processor).
 */
export const resumeInYoga: Pick<Plugin, 'onParams'> = {
  onParams({ context, setResult, setParamsHandler }) {
    const req = (context as { req?: IncomingMessage }).req;
    const outcome = req && outcomes.get(req);
    if (!outcome) return;
    outcomes.delete(req);
    if ('result' in outcome) setResult(outcome.result as ExecutionResult);
    else
      setParamsHandler(() => {
        throw outcome.thrown;
      });
  },
};

/**
 * Yoga's hooks around envelop's phases: request handling (server adapter), parsing the request,
 * parameters, result processing, the response. The fast path runs envelop's phases through Yoga's
 * own orchestrator, but skips these: it mirrors what Yoga's and Sitrep's plugins do there (above,
 * and isCandidate for the body limit, CSRF and CORS), and cannot know what another plugin does.
 */
const YOGA_PHASE_HOOKS = [
  'onRequest',
  'onRequestParse',
  'onParams',
  'onExecutionResult',
  'onResultProcess',
  'onResponse',
] as const;
const YOGA_PHASE_INSTRUMENTATION = ['request', 'requestParse', 'operation', 'resultProcess'] as const;

/** The first of Yoga's own phases `plugin` hooks into (which the fast path would skip), or null. */
export function yogaPhaseHookOf(plugin: object): string | null {
  const hooks = plugin as Record<string, unknown>;
  const hook = YOGA_PHASE_HOOKS.find((name) => hooks[name] !== undefined);
  if (hook) return hook;
  const instrumentation = hooks['instrumentation'] as Record<string, unknown> | undefined;
  const traced = instrumentation && YOGA_PHASE_INSTRUMENTATION.find((name) => instrumentation[name] !== undefined);
  return traced ? `instrumentation.${traced}` : null;
}
