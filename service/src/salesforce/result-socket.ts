// A GET whose response body is read into one buffer, read into again for every read (the socket's `onread`
// option: https://nodejs.org/api/net.html#socketconnectoptions-connectlistener, and tls.connect's), for a
// result file that is only counted (success-count.ts). fetch and node:http allocate a new buffer for every read,
// external memory that only a mark-compact frees, and V8 counts external memory allocated since the last one
// against the old generation's limit: reading a job's results that way started a full collection every few
// megabytes (issue 19). HTTP/1.1 only as far as a response needs: a status line, headers, then a body of
// Content-Length bytes, chunked (RFC 9112 section 7.1), or up to the connection's close (`Connection: close`).
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

const CR = 13;
const LF = 10;
const readSize = 1 << 16;
const spare: Buffer[] = [];

/** Body bytes: a view valid during the call only (the buffer is read into again). */
export type BodySink = (bytes: Buffer) => void;

/**
 * GETs `url`; the body of a 200 answer goes to `sink` as it is read and the answer is true. Any other status
 * answers false, no byte given to `sink` (the caller reads it another way, for its error handling).
 */
export function getInto(
  url: URL,
  headers: Readonly<Record<string, string>>,
  sink: BodySink,
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
    socket.once('end', () => {
      const done = response.close();
      settle(done === undefined ? new Error(`${url.pathname}: the answer ended early`) : undefined, done);
    });
  });
}

/** The response's head, then its body to the sink; `read` and `close` answer once it is whole. */
class ResponseReader {
  readonly #sink: BodySink;
  #head: Buffer | undefined = Buffer.alloc(0);
  /** Body bytes still to come: of the whole body (Content-Length), of the current chunk, or -1 (to the close). */
  #left = -1;
  #chunked = false;
  /** Chunked: the size line or trailer read so far (its bytes, short), or undefined inside a chunk's data. */
  #line: number[] | undefined;
  #trailer = false;

  constructor(sink: BodySink) {
    this.#sink = sink;
  }

  read(bytes: Buffer): boolean | undefined {
    let at = 0;
    if (this.#head !== undefined) {
      const head = Buffer.concat([this.#head, bytes]);
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) {
        this.#head = head;
        return undefined;
      }
      this.#head = undefined;
      if (!this.#start(head.toString('latin1', 0, end))) return false;
      at = end + 4 - (head.length - bytes.length);
      if (at < 0) throw new Error('a response head split oddly');
    }
    return this.#chunked ? this.#chunks(bytes, at) : this.#plain(bytes, at);
  }

  close(): boolean | undefined {
    return this.#head === undefined && !this.#chunked && this.#left === -1 ? true : undefined;
  }

  /** Reads the status line and headers; false unless 200. */
  #start(head: string): boolean {
    const [status, ...fields] = head.split('\r\n');
    if (!/^HTTP\/1\.[01] 200 /.test(`${status ?? ''} `)) return false;
    for (const field of fields) {
      const colon = field.indexOf(':');
      const name = field.slice(0, colon).trim().toLowerCase();
      const value = field
        .slice(colon + 1)
        .trim()
        .toLowerCase();
      if (name === 'transfer-encoding' && value.endsWith('chunked')) this.#chunked = true;
      else if (name === 'content-length') this.#left = Number(value);
    }
    if (this.#chunked) {
      this.#left = 0;
      this.#line = [];
    }
    return true;
  }

  #plain(bytes: Buffer, at: number): boolean | undefined {
    const take = this.#left === -1 ? bytes.length - at : Math.min(this.#left, bytes.length - at);
    if (take > 0) this.#sink(bytes.subarray(at, at + take));
    if (this.#left === -1) return undefined;
    this.#left -= take;
    return this.#left === 0 ? true : undefined;
  }

  /** Chunk data to the sink; size lines and the trailer read byte by byte (they are short). */
  #chunks(bytes: Buffer, at: number): boolean | undefined {
    let i = at;
    while (i < bytes.length) {
      if (this.#line === undefined) {
        const take = Math.min(this.#left, bytes.length - i);
        this.#sink(bytes.subarray(i, i + take));
        i += take;
        this.#left -= take;
        // The data's CRLF is read as an empty line before the next size line.
        if (this.#left === 0) this.#line = [];
        continue;
      }
      const byte = bytes[i] as number;
      i += 1;
      if (byte !== LF) {
        if (byte !== CR) this.#line.push(byte);
        continue;
      }
      const line = String.fromCharCode(...this.#line);
      this.#line = [];
      if (this.#trailer) {
        if (line === '') return true;
        continue;
      }
      if (line === '') continue;
      const size = parseInt(line.split(';')[0] ?? '', 16);
      if (!Number.isFinite(size)) throw new Error(`a chunk size line reads ${JSON.stringify(line)}`);
      if (size === 0) this.#trailer = true;
      else {
        this.#left = size;
        this.#line = undefined;
      }
    }
    return undefined;
  }
}
