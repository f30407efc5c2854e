// A result file read into one reused buffer (result-socket.ts): every body byte reaches the sink once, in order,
// whatever the framing (Content-Length, chunked in pieces that cut size lines and CRLFs, to the close), and an
// answer other than 200 gives no byte and answers false.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getInto } from '../../src/salesforce/result-socket.js';

const body = Buffer.from(
  Array.from(
    { length: 20_000 },
    (_, i) => `"a0B${String(i).padStart(15, '0')}","${i % 3 === 0}",k${i}\n`,
  ).join(''),
);

type Answer = (res: ServerResponse) => void;
const answers: Record<string, Answer> = {
  '/length': (res) => {
    res.writeHead(200, { 'content-type': 'text/csv', 'content-length': body.length });
    res.end(body);
  },
  '/chunked': (res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    // Many small chunks, each its own write: size lines and CRLFs fall anywhere in the reads.
    let at = 0;
    const next = (): void => {
      if (at >= body.length) return void res.end();
      const size = 1 + ((at * 7919) % 5000);
      res.write(body.subarray(at, at + size), next);
      at += size;
    };
    next();
  },
  '/close': (res) => {
    // No length and not chunked: the body runs to the connection's close.
    res.socket?.end(Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\ncontent-type: text/csv\r\n\r\n'), body]));
  },
  '/missing': (res) => {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end('[{"errorCode":"NOT_FOUND","message":"no such job"}]');
  },
  '/cut': (res) => {
    const head = `HTTP/1.1 200 OK\r\ncontent-length: ${String(body.length)}\r\n\r\n`;
    res.socket?.end(Buffer.concat([Buffer.from(head), body.subarray(0, 1000)]));
  },
};

describe('getInto', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      expect(req.headers.authorization).toBe('Bearer token');
      answers[req.url ?? '']?.(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const read = async (path: string): Promise<{ ok: boolean; bytes: Buffer; views: number }> => {
    const copies: Buffer[] = [];
    const ok = await getInto(new URL(path, base), { authorization: 'Bearer token' }, (bytes) => {
      copies.push(Buffer.from(bytes));
    });
    return { ok, bytes: Buffer.concat(copies), views: copies.length };
  };

  for (const path of ['/length', '/chunked', '/close']) {
    it(`gives every body byte once, in order: ${path}`, async () => {
      const { ok, bytes } = await read(path);
      expect(ok).toBe(true);
      expect(bytes.equals(body)).toBe(true);
    });
  }

  it('answers false for another status, no byte given', async () => {
    expect(await read('/missing')).toEqual({ ok: false, bytes: Buffer.alloc(0), views: 0 });
  });

  it('rejects a body that ends before its Content-Length', async () => {
    await expect(read('/cut')).rejects.toThrow(/ended early/);
  });

  it('cuts a connection that answers nothing for its idle time', async () => {
    // '/silent' has no answer: the server reads the request and says nothing.
    const silent = getInto(new URL('/silent', base), { authorization: 'Bearer token' }, () => undefined, 200);
    await expect(silent).rejects.toThrow(/\/silent: no byte from Salesforce for 0.2 s/);
  });

  it('reads one answer after another (the buffer is read into again)', async () => {
    const [a, b] = [await read('/chunked'), await read('/length')];
    expect(a.bytes.equals(body) && b.bytes.equals(body)).toBe(true);
  });
});
