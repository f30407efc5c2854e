// A job's data PUT chunk by chunk (ingest-upload.ts): the caller hears of each chunk once the socket has taken
// it, in order, then of none once Salesforce has answered for the whole body; the job then processes every row.
// An answer other than 2xx rejects with its status.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../emulators/salesforce/src/index.js';
import { putIngestData } from '../../src/salesforce/ingest-upload.js';
import { connectToEmulator } from '../support/emulator-connection.js';

describe('putIngestData', () => {
  let sf: SalesforceEmulator;
  let conn: jsforce.Connection;

  beforeAll(async () => {
    sf = await startSalesforceEmulator({});
    conn = await connectToEmulator(sf.url);
  });
  afterAll(async () => {
    await sf.close();
  });

  it('tells of each chunk written, then of none once answered', async () => {
    const job = conn.bulk2.createJob({ object: 'Account', operation: 'insert', lineEnding: 'LF' });
    await job.open();
    const rows = Array.from({ length: 3000 }, (_, i) => `Ingest Upload ${String(i)}\n`);
    const chunks = [Buffer.from('Name\n'), ...rows.map((r) => Buffer.from(r))];
    const heard: (Uint8Array | undefined)[] = [];
    await putIngestData(conn, job.id ?? '', Readable.from(chunks), (chunk) => heard.push(chunk));
    expect(heard).toEqual([...chunks, undefined]);
    expect(heard.slice(0, -1).every((c, i) => c === chunks[i])).toBe(true);
    await job.close();
    await job.poll(10, 30_000);
    expect((await job.check()).numberRecordsProcessed).toBe(3000);
  });

  it('rejects with the status of an answer other than 2xx', async () => {
    const job = conn.bulk2.createJob({ object: 'Account', operation: 'insert', lineEnding: 'LF' });
    await job.open();
    await job.abort();
    const put = putIngestData(conn, job.id ?? '', Readable.from([Buffer.from('Name\nX\n')]));
    await expect(put).rejects.toMatchObject({ statusCode: 409, errorCode: 'INVALIDJOBSTATE' });
  });

  it('cuts a connection that answers nothing for its idle time, so the load retries it', async () => {
    // A server that takes the whole body and never answers.
    const silent = createServer((req) => req.resume());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    const quiet = { instanceUrl: `http://127.0.0.1:${String(port)}`, version: '60.0', accessToken: 't' };
    try {
      const body = Readable.from([Buffer.from('Name\nX\n')]);
      const put = putIngestData(quiet as jsforce.Connection, '750000000000001', body, undefined, 200);
      await expect(put).rejects.toThrow(/job 750000000000001: no byte from Salesforce for 0.2 s/);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
