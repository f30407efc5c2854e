// AQuA request validation, files and headers against the reference and guide, with plain fetch:
// https://developer.zuora.com/v1-api-reference/api/operation/POST_BatchQueryJob/ (format csv|zip|gzip, version
// 1.0|1.1, name of 32 characters, useQueryLabels), https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/aqua-api-error-codes,
// https://developer.zuora.com/v1-api-reference/api/operation/GET_Files/ (content types with charset) and
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/post-query/export-deleted-data/json-examples (label headers).
import { parse } from 'csv-parse/sync';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, startHarness, type Harness } from './helpers.js';

type Batch = { name: string; status: string; fileId?: string; apiVersion: string; localizedStatus: string };
type Job = {
  id: string;
  status: string;
  version: string;
  format: string;
  name: string;
  startTime?: string;
  batches: Batch[];
};

const account = {
  name: 'Account',
  query: 'select Id, AccountNumber, PurchaseOrderNumber from Account',
  type: 'zoqlexport',
};

/** The one entry of a ZIP archive, read from its local file header (deflated). */
function unzipOne(zip: Buffer): { name: string; content: string } {
  expect(zip.readUInt32LE(0)).toBe(0x04034b50);
  const size = zip.readUInt32LE(18);
  const nameLength = zip.readUInt16LE(26);
  const extra = zip.readUInt16LE(28);
  const name = zip.subarray(30, 30 + nameLength).toString('utf8');
  const data = zip.subarray(30 + nameLength + extra, 30 + nameLength + extra + size);
  return { name, content: inflateRawSync(data).toString('utf8') };
}

describe('AQuA requests, files and headers as documented', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.emulator.close());

  async function submit(body: Record<string, unknown>): Promise<Response> {
    return h.api('/v1/batch-query/', { method: 'POST', json: body });
  }

  async function completed(body: Record<string, unknown>): Promise<Job> {
    const res = await submit(body);
    expect(res.status, await res.clone().text()).toBe(200);
    const { id } = (await res.json()) as Job;
    return pollUntil(
      async () => (await (await h.api(`/v1/batch-query/jobs/${id}`)).json()) as Job,
      (j) => j.status === 'completed' || j.status === 'error',
    );
  }

  async function refused(body: Record<string, unknown>, code: string): Promise<string> {
    const res = await submit(body);
    const answer = (await res.json()) as { errorCode: string; message: string };
    expect(res.status, JSON.stringify(answer)).toBe(400);
    expect(answer.errorCode, answer.message).toBe(code);
    return answer.message;
  }

  it('refuses unknown format and version values, naming the field', async () => {
    expect(await refused({ format: 'xml', queries: [account] }, '90005')).toMatch(/format/);
    expect(await refused({ version: '1.2', queries: [account] }, '90005')).toMatch(/version/);
    expect(await refused({ queries: [{ ...account, type: 'sql' }] }, '90005')).toMatch(/type/);
    expect(await refused({ sourceData: 'WAREHOUSE', queries: [account] }, '90005')).toMatch(/sourceData/);
    expect(await refused({ offset: 3601, queries: [account] }, '90005')).toMatch(/offset/);
  });

  it('refuses duplicate query names, empty 1.0 requests, long notify URLs and bad incremental times', async () => {
    expect(await refused({ queries: [account, account] }, '90005')).toMatch(/Duplicate query name 'Account'/);
    await refused({ version: '1.0', queries: [] }, '90016');
    await refused({ version: '1.1', queries: [] }, '90004');
    await refused({ notifyUrl: `https://example.com/${'x'.repeat(5000)}`, queries: [account] }, '90014');
    const stateful = { version: '1.1', partner: 'p', project: 'x' };
    await refused({ ...stateful, incrementalTime: '2025-02-30 10:00:00', queries: [account] }, '90015');
    await refused({ incrementalTime: '2025-01-30 10:00:00', queries: [account] }, '90015');
    await refused({ queries: [{ ...account, deleted: { column: 'D', format: 'Boolean' } }] }, '90012');
  });

  it('defaults to version 1.0 (stateless), shows format in capitals and keeps 32 characters of the name', async () => {
    const job = await completed({ name: 'x'.repeat(40), partner: 'p', project: 'q', queries: [account] });
    expect(job.version).toBe('1.0');
    expect(job.format).toBe('CSV');
    expect(job.name).toBe('x'.repeat(32));
    expect(job.startTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(job.batches[0]?.localizedStatus).toBe('completed');
    expect(job.batches[0]?.apiVersion).toMatch(/^\d+\.\d$/);
  });

  it('serves csv, gzip and zip files with the documented content types', async () => {
    const csv = await completed({ queries: [account] });
    const plain = await h.api(`/v1/files/${String(csv.batches[0]?.fileId)}`);
    expect(plain.headers.get('content-type')).toBe('text/csv;charset=UTF-8');
    const text = await plain.text();
    const gz = await completed({ format: 'gzip', queries: [account] });
    const gzFile = await h.api(`/v1/files/${String(gz.batches[0]?.fileId)}`);
    expect(gzFile.headers.get('content-type')).toBe('application/x-gzip;charset=UTF-8');
    expect(gunzipSync(Buffer.from(await gzFile.arrayBuffer())).toString('utf8')).toBe(text);
    const zip = await completed({ format: 'ZIP', queries: [account] });
    expect(zip.format).toBe('ZIP');
    const zipFile = await h.api(`/v1/files/${String(zip.batches[0]?.fileId)}`);
    expect(zipFile.headers.get('content-type')).toBe('application/zip;charset=UTF-8');
    const entry = unzipOne(Buffer.from(await zipFile.arrayBuffer()));
    expect(entry.name).toBe('Account.csv');
    expect(entry.content).toBe(text);
  });

  it('writes labels without useQueryLabels, and nullReplacement for nulls', async () => {
    const job = await completed({ nullReplacement: 'NULL', queries: [account] });
    const rows: string[][] = parse(
      await (await h.api(`/v1/files/${String(job.batches[0]?.fileId)}`)).text(),
      {},
    );
    expect(rows[0]).toEqual(['Account: ID', 'Account: Account Number', 'Account: Purchase Order Number']);
    expect(rows.slice(1).every((r) => r[2] === 'NULL')).toBe(true);
  });

  it('writes API names with useQueryLabels=true in the api-names header style', async () => {
    const documented = await startHarness({ aquaQueryLabelHeaders: 'api-names' });
    try {
      const res = await documented.api('/v1/batch-query/', {
        method: 'POST',
        json: {
          useQueryLabels: true,
          queries: [
            {
              name: 'items',
              query: 'select Id, Account.AccountNumber, Invoice.Id from InvoiceItem',
              type: 'zoqlexport',
            },
          ],
        },
      });
      const { id } = (await res.json()) as Job;
      const job = await pollUntil(
        async () => (await (await documented.api(`/v1/batch-query/jobs/${id}`)).json()) as Job,
        (j) => j.status === 'completed',
      );
      const rows: string[][] = parse(
        await (await documented.api(`/v1/files/${String(job.batches[0]?.fileId)}`)).text(),
        {},
      );
      expect(rows[0]).toEqual(['InvoiceItem.Id', 'Account.AccountNumber', 'Invoice.Id']);
    } finally {
      await documented.emulator.close();
    }
  });
});
