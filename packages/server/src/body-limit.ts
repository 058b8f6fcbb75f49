import type { Plugin } from 'graphql-yoga';

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 100) / 100} MiB`;

function tooLarge(fetchAPI: { Response: typeof Response }, limit: number, size: number | null): Response {
  const seen = size == null ? 'over' : `${size} bytes, over`;
  const message = `The request body is ${seen} the limit of ${limit} bytes (${megabytes(limit)}, maxBodyBytes). Send a smaller request.`;
  return fetchAPI.Response.json(
    { errors: [{ message, extensions: { code: 'PAYLOAD_TOO_LARGE', limit } }] },
    { status: 413, headers: { connection: 'close' } },
  );
}

/** The body's bytes, or null as soon as there are more than `limit`. */
async function readUpTo(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Refuses a request body over `limit` bytes with 413 before anything parses it. A declared
 * Content-Length is checked at once; a chunked body is counted as it arrives, so neither can
 * make the server hold more than `limit` bytes of one request.
 */
export function useBodyLimit(limit: number): Plugin {
  return {
    async onRequest({ request, setRequest, endResponse, fetchAPI }) {
      if (!request.body) return;
      const declared = request.headers.get('content-length');
      if (declared != null && Number(declared) > limit) {
        endResponse(tooLarge(fetchAPI, limit, Number(declared)));
        return;
      }
      const bytes = await readUpTo(request.body, limit);
      if (!bytes) {
        endResponse(tooLarge(fetchAPI, limit, null));
        return;
      }
      setRequest(new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body: bytes }));
    },
  };
}
