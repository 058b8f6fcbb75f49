import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { type CORSOptions, type Plugin, createGraphQLError } from 'graphql-yoga';

/**
 * Headers that mark a request as coming from a script, not a form or a link: a browser sends a
 * custom header only after a CORS preflight. A JSON POST (GraphiQL's, curl's, the editor's) needs
 * none, since `content-type: application/json` is preflighted too.
 */
export const CSRF_HEADERS = ['x-graphql-csrf', 'x-graphql-yoga-csrf'];

/**
 * Refuses, with 403, what a browser could send cross-site without asking: a GET without one of
 * CSRF_HEADERS, or a form or text/plain POST. The plugin's own error has no code or advice: add them.
 */
export function useCsrfPrevention(): Plugin {
  const { onRequestParse } = useCSRFPrevention({ requestHeaders: CSRF_HEADERS });
  return {
    onRequestParse(payload) {
      try {
        return onRequestParse?.(payload);
      } catch {
        throw createGraphQLError(
          `Refused as a possible cross-site request: send content-type application/json, or the header ${CSRF_HEADERS[0]}: 1.`,
          { extensions: { code: 'CSRF_PREVENTED', http: { status: 403 } } },
        );
      }
    },
  };
}

/**
 * CORS for the listed origins only; other origins (and every origin when the list is empty)
 * get no CORS headers, so a browser keeps their pages from reading our answers. Bearer tokens
 * travel in a header, never in cookies: credentials stay off.
 */
export function corsFor(origins: readonly string[]): false | ((request: Request) => CORSOptions) {
  if (origins.length === 0) return false;
  const allowed = new Set(origins.map((o) => o.replace(/\/+$/, '')));
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || !allowed.has(origin)) return false;
    return {
      origin: [origin],
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', ...CSRF_HEADERS],
      maxAge: 600,
    };
  };
}
