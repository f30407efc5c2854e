// A GET whose response body is read into one buffer, read into again for every read (the socket's `onread`
// option: https://nodejs.org/api/net.html#socketconnectoptions-connectlistener, and tls.connect's), for a
// result file that is only counted (success-count.ts). fetch and node:http allocate a new buffer for every read,
// external memory that only a mark-compact frees, and V8 counts external memory allocated since the last one
// against the old generation's limit: reading a job's results that way started a full collection every few
// megabytes (issue 19). The response is read by http-response-reader.ts.
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { ResponseReader, type BodySink } from './http-response-reader.js';
import { idleTimeoutMs } from './request-events.js';

const readSize = 1 << 16;
const spare: Buffer[] = [];

type Headers = Readonly<Record<string, string>>;

/** GETs `url`: true once a 200 answer's body went to `sink`; false, no byte given, for another status. A
 * connection with no byte either way for `idleMs` is cut and the promise rejects. */
export function getInto(
  url: URL,
  headers: Headers,
  sink: BodySink,
  idleMs = idleTimeoutMs,
): Promise<boolean> {
  const buffer = spare.pop() ?? Buffer.allocUnsafeSlow(readSize);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const https = url.protocol === 'https:';
  const port = Number(url.port || (https ? 443 : 80));
  return new Promise<boolean>((resolve, reject) => {
    const response = new ResponseReader(sink);
    let settled = false;
    const settle = (error: Error | undefined, ok?: boolean): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      // Never handed back while the socket may still read into it.
      socket.once('close', () => spare.length < 2 && spare.push(buffer));
      if (error === undefined) resolve(ok === true);
      else reject(error);
    };
    const onread = {
      buffer,
      callback: (n: number): boolean => {
        try {
          const done = response.read(buffer.subarray(0, n));
          if (done !== undefined) settle(undefined, done);
        } catch (error) {
          settle(error instanceof Error ? error : new Error(`${url.pathname}: the answer could not be read`));
        }
        return true;
      },
    };
    const options = { host, port, onread };
    const socket: Socket = https ? tlsConnect({ ...options, servername: host }) : netConnect(options);
    const lines = [`GET ${url.pathname}${url.search} HTTP/1.1`, `host: ${url.host}`];
    for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
    lines.push('accept-encoding: identity', 'connection: close', '', '');
    socket.once(https ? 'secureConnect' : 'connect', () => socket.write(lines.join('\r\n')));
    socket.on('error', (error) => settle(error));
    socket.setTimeout(idleMs, () => {
      settle(new Error(`${url.pathname}: no byte from Salesforce for ${String(idleMs / 1000)} s`));
    });
    socket.once('end', () => {
      const done = response.close();
      settle(done === undefined ? new Error(`${url.pathname}: the answer ended early`) : undefined, done);
    });
  });
}

export type { BodySink } from './http-response-reader.js';
