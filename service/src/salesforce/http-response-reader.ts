// An HTTP/1.1 response read from the bytes of a socket (result-socket.ts) only as far as a result file needs: a
// status line, headers, then a body of Content-Length bytes, chunked (RFC 9112 section 7.1:
// https://www.rfc-editor.org/rfc/rfc9112#section-7.1), or up to the connection's close (`Connection: close`).
// Body bytes go to a sink as views of the bytes read, never copied.

const CR = 13;
const LF = 10;

/** Body bytes: a view valid during the call only (the buffer is read into again). */
export type BodySink = (bytes: Buffer) => void;

/** The response's head, then its body to the sink; `read` and `close` answer once it is whole. */
export class ResponseReader {
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
