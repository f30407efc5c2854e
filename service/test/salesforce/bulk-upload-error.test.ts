// A Bulk job whose CSV body fails while it is uploaded (a spool part that cannot be read) must neither end the
// process (jsforce pipes the body without an error listener) nor let Salesforce process a partial upload: the
// job is aborted, runBulkJob rejects naming the job, the object and the cause, and nothing is stored.
import { Readable } from 'node:stream';
import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../emulators/salesforce/src/index.js';
import { BulkUploadError, runBulkJob } from '../../src/salesforce/bulk-upsert.js';
import { connectToEmulator } from '../support/emulator-connection.js';

/** A body that gives `lines` and then fails as a file read would. */
function failingBody(lines: readonly string[]): Readable {
  let at = 0;
  return new Readable({
    read() {
      if (at < lines.length) this.push(lines[at++]);
      else this.destroy(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
    },
  });
}

describe('a Bulk job whose body fails to upload', () => {
  let sf: SalesforceEmulator;
  let conn: jsforce.Connection;
  const accounts = async () => (await conn.query<{ Name: string }>('SELECT Name FROM Account')).records;

  beforeAll(async () => {
    sf = await startSalesforceEmulator({});
    conn = await connectToEmulator(sf.url);
  });
  afterAll(async () => {
    await sf.close();
  });

  for (const [name, lines] of [
    ['after part of its rows', ['Name\n', 'Upload Error One\n', 'Upload Error Two\n']],
    ['before any byte', []],
  ] as const) {
    it(`is aborted and rejected, nothing stored: ${name}`, async () => {
      const before = (await accounts()).length;
      const created: string[] = [];
      const run = runBulkJob(conn, {
        object: 'Account',
        operation: 'insert',
        csv: () => failingBody(lines),
        minPollMs: 10,
        onJobCreated: async (id) => {
          created.push(id);
        },
      });
      const error = await run.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(BulkUploadError);
      const e = error as BulkUploadError;
      expect(e.jobId).toBe(created[0]);
      expect(e.message).toContain('(Account)');
      expect(e.message).toContain('EIO: i/o error, read');
      const info = await conn.bulk2.job('ingest', { id: e.jobId }).check();
      expect(info.state).toBe('Aborted');
      expect((await accounts()).length).toBe(before);
    });
  }

  it('still uploads a body that reads to its end', async () => {
    const outcome = await runBulkJob(conn, {
      object: 'Account',
      operation: 'insert',
      csv: () => Readable.from(['Name\n', 'Upload Fine One\n', 'Upload Fine Two\n']),
      minPollMs: 10,
    });
    expect(outcome.succeeded).toBe(2);
    const names = (await accounts()).map((a) => a.Name);
    expect(names).toEqual(expect.arrayContaining(['Upload Fine One', 'Upload Fine Two']));
    expect(names).not.toContain('Upload Error One');
  });
});
