import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Plugin } from 'graphql-yoga';

const gzipped = promisify(gzip);

/** Pages kept compressed: GraphiQL plain, and a few "Open in GraphiQL" links with their variables. */
const KEPT = 16;

const acceptsGzip = (header: string | null): boolean =>
  (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    return coding === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });

/**
 * GraphiQL's page carries its whole editor (about 9 MB, to work offline): gzip brings it to about
 * a quarter, which matters on a team's network. Only HTML is compressed, never GraphQL answers
 * (small, and cheaper sent as they are). zlib compresses on libuv's threads, so the server's one
 * thread goes on answering meanwhile; each page is compressed once and kept, since it depends only
 * on the link's query string (the variables of an "Open in GraphiQL" link).
 */
export function useCompressedPages(): Plugin {
  const pages = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
  return {
    async onResponse({ request, response, setResponse, fetchAPI }) {
      if (request.method !== 'GET' || response.status !== 200) return;
      if (!response.headers.get('content-type')?.startsWith('text/html')) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.append('vary', 'accept-encoding');
      if (!acceptsGzip(request.headers.get('accept-encoding'))) {
        setResponse(new fetchAPI.Response(response.body, { status: 200, headers }));
        return;
      }
      const html = await response.text();
      const key = `${html.length}:${new URL(request.url).search}`;
      let page = pages.get(key);
      if (!page) {
        page = gzipped(html).then((zipped) => new Uint8Array(zipped));
        // The oldest goes first; a failed compression is not kept.
        if (pages.size >= KEPT) pages.delete(pages.keys().next().value!);
        pages.set(key, page);
        page.catch(() => pages.delete(key));
      }
      const body = await page;
      headers.set('content-encoding', 'gzip');
      headers.set('content-length', String(body.length));
      setResponse(new fetchAPI.Response(body, { status: 200, headers }));
    },
  };
}
