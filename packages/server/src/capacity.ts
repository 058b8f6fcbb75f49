import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ServerLimits } from './limits';

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 100) / 100} MiB`;

/**
 * A body this small (any read query) is always let in, so a flood of large bodies cannot lock out
 * ordinary queries; the connection cap bounds what such bodies hold (256 × 64 KiB = 16 MiB).
 */
export const SMALL_BODY_BYTES = 64 * 1024;

/** Seconds a client is asked to wait before it tries again. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * How long a refused connection is kept open, unread, after its 503, so a client still sending its
 * body reads the answer instead of a reset.
 */
const LINGER_MS = 1000;

/** How long a connection over the cap has to send its request line and headers to hear why it is refused. */
const OVER_CAP_GRACE_MS = 2000;

export interface CapacityStats {
  /** Connections open now, over the cap or not. */
  connections: number;
  /** Request body bytes reserved now (the requests in flight). */
  inflightBodyBytes: number;
  /** Requests answered 503 because the server was full. */
  refused: number;
}

function busy(req: IncomingMessage, res: ServerResponse, message: string, limit: string, value: number) {
  // Node destroys the socket as soon as a `connection: close` answer is out; a client still
  // sending its body then gets a reset, and its TCP stack may drop the answer unread. Close
  // gently instead: end our side, stop reading (the client's writes wait in TCP, costing us
  // nothing, while it reads the answer), and destroy it after a grace.
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    socket.pause();
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  };
  const body = JSON.stringify({
    errors: [{ message, extensions: { code: 'SERVER_BUSY', limit, [limit]: value } }],
  });
  res.writeHead(503, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'retry-after': String(RETRY_AFTER_SECONDS),
    connection: 'close',
  });
  res.end(body);
}

/**
 * Bounds what all requests together may hold: open connections (`maxConnections`) and request
 * bodies being read or served (`maxInflightBodyBytes`). A request over either gets 503
 * SERVER_BUSY with Retry-After, its body unread, and its connection is closed. A body of up to
 * SMALL_BODY_BYTES is not counted against maxInflightBodyBytes. A larger body's bytes are
 * reserved before it is read (its Content-Length, or maxBodyBytes when chunked) and given back
 * when its response closes: finished, aborted or failed.
 *
 * Also sets Node's request and headers timeouts, so a slow body is cut off (408) in seconds.
 */
export function createCapacity(server: Server, limits: ServerLimits & { maxBodyBytes: number }) {
  const stats: CapacityStats = { connections: 0, inflightBodyBytes: 0, refused: 0 };
  const overCap = new WeakSet<Socket>();

  server.requestTimeout = limits.requestTimeoutMs;
  server.headersTimeout = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  // Beyond four times the cap, connections are not even answered: Node closes them at once.
  server.maxConnections = limits.maxConnections * 4;

  server.on('connection', (socket: Socket) => {
    stats.connections += 1;
    socket.once('close', () => (stats.connections -= 1));
    if (stats.connections > limits.maxConnections) {
      overCap.add(socket);
      // Long enough to send a request and read the 503; not long enough to hold a slot.
      socket.setTimeout(OVER_CAP_GRACE_MS, () => socket.destroy());
    }
  });

  /** False when the request was refused (503 sent); true when it may go on. */
  const admit = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (overCap.has(req.socket)) {
      stats.refused += 1;
      busy(
        req,
        res,
        `The server is busy: it has its limit of ${limits.maxConnections} connections open (maxConnections); retry in a moment.`,
        'maxConnections',
        limits.maxConnections,
      );
      return false;
    }
    const declared = req.headers['content-length'];
    const chunked = req.headers['transfer-encoding'] != null;
    // A declared body over maxBodyBytes is refused with 413 unread; one without a length may be
    // up to maxBodyBytes long.
    let reserve = 0;
    if (chunked) reserve = limits.maxBodyBytes;
    else if (declared != null) {
      const size = Number(declared);
      reserve = Number.isFinite(size) && size <= limits.maxBodyBytes ? size : 0;
    }
    if (reserve <= SMALL_BODY_BYTES) return true;
    if (stats.inflightBodyBytes + reserve > limits.maxInflightBodyBytes) {
      stats.refused += 1;
      busy(
        req,
        res,
        `The server is busy: requests in flight hold its limit of ${limits.maxInflightBodyBytes} body bytes (${megabytes(limits.maxInflightBodyBytes)}, maxInflightBodyBytes); retry in a moment.`,
        'maxInflightBodyBytes',
        limits.maxInflightBodyBytes,
      );
      return false;
    }
    stats.inflightBodyBytes += reserve;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      stats.inflightBodyBytes -= reserve;
    };
    res.once('close', release);
    res.once('finish', release);
    req.once('error', release);
    return true;
  };

  return { admit, stats };
}
