// The resources clients discover with or extract through, with plain fetch:
// https://developer.zuora.com/v1-api-reference/api/operation/GET_Describe/ (XML field list, contexts, related objects),
// https://developer.zuora.com/v1-api-reference/older-api/operation/Object_POSTExport/ (CRUD export and its file),
// https://developer.zuora.com/v1-api-reference/api/operation/POST_DataQueryJob/ and
// https://docs.zuora.com/en/zuora-platform/data/data-query/overview-of-data-query (jobs, formats, limits).
import { XMLParser } from 'fast-xml-parser';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZRecord } from '../src/model/zuora-record.js';
import { pollUntil, startHarness, type Harness } from './helpers.js';

type DescribeField = { name: string; type: string; createable: boolean; contexts: { context: string[] } };
type DataJob = {
  id: string;
  queryStatus: string;
  dataFile?: string;
  outputRows?: number;
  errorMessage?: string;
};

const xml = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['field', 'object', 'context'].includes(name),
});

describe('describe, CRUD export and Data Query as documented', () => {
  let h: Harness;
  let accounts: ZRecord[];
  beforeAll(async () => {
    h = await startHarness();
    accounts = [...h.emulator.tenant.scan('Account', null)].map((s) => s.record);
  });
  afterAll(async () => h.emulator.close());

  it('describes an object as XML with field types, flags and contexts', async () => {
    const res = await h.api('/v1/describe/account?showRelationships=true');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    const doc = xml.parse(await res.text()) as {
      object: {
        name: string;
        fields: { field: DescribeField[] };
        'related-objects': { object: { name: string; path: string }[] };
      }[];
    };
    const object = doc.object[0];
    expect(object?.name).toBe('Account');
    const byName = new Map(object?.fields.field.map((f) => [f.name, f]));
    expect(byName.get('Id')?.createable).toBe(false);
    expect(byName.get('Name')?.type).toBe('text');
    expect(byName.get('Balance')?.type).toBe('decimal');
    expect(byName.get('BillCycleDay')?.type).toBe('integer');
    expect(byName.get('AutoPay')?.type).toBe('boolean');
    expect(byName.get('LastInvoiceDate')?.type).toBe('date');
    expect(byName.get('UpdatedDate')?.type).toBe('datetime');
    expect(byName.get('Name')?.contexts.context).toEqual(['soap', 'export']);
    expect(object?.['related-objects'].object.map((o) => o.path)).toContain('Account.BillToContact');
    const list = xml.parse(await (await h.api('/v1/describe')).text()) as {
      objects: { object: { name: string }[] };
    };
    expect(list.objects.object.map((o) => o.name)).toContain('InvoiceItem');
  });

  it('answers 404 with an XML document for an unknown object', async () => {
    const res = await h.api('/v1/describe/Spaceship');
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/<error><code>INVALID_TYPE<\/code>/);
  });

  async function exportJob(body: Record<string, unknown>): Promise<Record<string, unknown>> {
    const res = await h.api('/v1/object/export', { method: 'POST', json: body });
    const created = (await res.json()) as { Success: boolean; Id: string };
    expect(created.Success).toBe(true);
    return pollUntil(
      async () => (await (await h.api(`/v1/object/export/${created.Id}`)).json()) as Record<string, unknown>,
      (e) => e.Status === 'Completed' || e.Status === 'Failed',
    );
  }

  it('creates a CRUD export, reads it back and downloads its zipped CSV', async () => {
    const job = await exportJob({
      Name: 'accounts',
      Format: 'csv',
      Query: 'select AccountNumber from Account order by AccountNumber',
    });
    expect(job.Status).toBe('Completed');
    expect(job.Zip).toBe(true);
    const file = await h.api(`/v1/files/${String(job.FileId)}`);
    expect(file.headers.get('content-type')).toBe('application/zip;charset=UTF-8');
    const zip = Buffer.from(await file.arrayBuffer());
    const nameLength = zip.readUInt16LE(26);
    expect(zip.subarray(30, 30 + nameLength).toString()).toBe('accounts.csv');
    const csv = inflateRawSync(
      zip.subarray(30 + nameLength, 30 + nameLength + zip.readUInt32LE(18)),
    ).toString();
    expect(csv.split('\n')[0]).toBe('Account: Account Number');
    expect(csv.trim().split('\n').slice(1)).toEqual(accounts.map((a) => String(a.AccountNumber)).sort());
    const plain = await exportJob({
      Name: 'x',
      Format: 'csv',
      Zip: false,
      Query: 'select count(Id) from Account',
    });
    expect(await (await h.api(`/v1/files/${String(plain.FileId)}`)).text()).toBe('count(Id)\n50\n');
    const deleted = await h.api(`/v1/object/export/${String(plain.Id)}`, { method: 'DELETE' });
    expect(((await deleted.json()) as { success: boolean }).success).toBe(true);
    expect((await h.api(`/v1/object/export/${String(plain.Id)}`)).status).toBe(404);
  });

  it('fails an export whose query cannot run, with a StatusReason, and refuses a missing Query', async () => {
    const job = await exportJob({ Format: 'csv', Query: 'select Shoe from Account' });
    expect(job.Status).toBe('Failed');
    expect(job.StatusReason).toMatch(/Shoe/);
    const res = await h.api('/v1/object/export', { method: 'POST', json: { Format: 'csv' } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { Errors: { Code: string }[] }).Errors[0]?.Code).toBe(
      'MISSING_REQUIRED_VALUE',
    );
  });

  async function dataQuery(body: Record<string, unknown>): Promise<DataJob> {
    const res = await h.api('/query/jobs', {
      method: 'POST',
      json: { output: { target: 's3' }, compression: 'NONE', ...body },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const { data } = (await res.json()) as { data: DataJob };
    expect(data.queryStatus).toBe('accepted');
    return pollUntil(
      async () => ((await (await h.api(`/query/jobs/${data.id}`)).json()) as { data: DataJob }).data,
      (j) => ['completed', 'failed', 'cancelled'].includes(j.queryStatus),
    );
  }

  it('runs an SQL data query to JSON Lines behind a pre-signed URL', async () => {
    const job = await dataQuery({
      query: 'SELECT accountnumber, balance FROM account WHERE balance > 0 ORDER BY balance DESC LIMIT 3',
      outputFormat: 'JSON',
    });
    expect(job.queryStatus).toBe('completed');
    expect(job.outputRows).toBe(3);
    const res = await fetch(String(job.dataFile));
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { accountnumber: string; balance: number });
    const top = [...accounts].sort((a, b) => Number(b.Balance) - Number(a.Balance)).slice(0, 3);
    expect(lines).toEqual(top.map((a) => ({ accountnumber: a.AccountNumber, balance: a.Balance })));
    expect(
      (await fetch(String(job.dataFile).replace(/[0-9a-f]$/, (c) => (c === '0' ? '1' : '0')))).status,
    ).toBe(403);
  });

  it('writes CSV, TSV and DSV, gzipped on request, and names unnamed expressions _col<n>', async () => {
    const csv = await dataQuery({
      query: "select count(*), currency from account where status = 'Active' group by currency",
      outputFormat: 'CSV',
      compression: 'GZIP',
    });
    const text = gunzipSync(Buffer.from(await (await fetch(String(csv.dataFile))).arrayBuffer())).toString();
    expect(text.split('\n')[0]).toBe('_col0,currency');
    const tsv = await dataQuery({ query: 'select id, name from account limit 1', outputFormat: 'TSV' });
    expect((await (await fetch(String(tsv.dataFile))).text()).split('\n')[0]).toBe('id\tname');
    const dsv = await dataQuery({
      query: 'select id, name as "n" from account limit 1',
      outputFormat: 'DSV',
      columnSeparator: '|',
    });
    expect((await (await fetch(String(dsv.dataFile))).text()).split('\n')[0]).toBe('id|n');
  });

  it('fails a query it cannot run and refuses bad requests, naming the field', async () => {
    const join = await dataQuery({
      query: 'select a.id from account a join contact c on c.accountid = a.id',
      outputFormat: 'CSV',
    });
    expect(join.queryStatus).toBe('failed');
    expect(join.errorMessage).toMatch(/join/i);
    for (const [body, field] of [
      [
        { query: 'select 1', outputFormat: 'XML', compression: 'NONE', output: { target: 's3' } },
        'outputFormat',
      ],
      [{ query: 'select id from account', outputFormat: 'CSV', compression: 'NONE' }, 'output'],
      [
        {
          query: 'select id from account',
          outputFormat: 'DSV',
          compression: 'NONE',
          output: { target: 's3' },
        },
        'columnSeparator',
      ],
      [
        { query: 'x'.repeat(1_000_001), outputFormat: 'CSV', compression: 'NONE', output: { target: 's3' } },
        'query',
      ],
    ] as const) {
      const res = await h.api('/query/jobs', { method: 'POST', json: body });
      expect(res.status, field).toBe(400);
      expect(((await res.json()) as { reasons: { message: string }[] }).reasons[0]?.message).toContain(field);
    }
  });

  it('lists jobs and reads deleted records with readDeleted', async () => {
    const victim = [...h.emulator.tenant.scan('PaymentMethod', null)][0]?.record;
    h.emulator.tenant.delete('PaymentMethod', String(victim?.Id));
    const job = await dataQuery({
      query: 'select id from paymentmethod',
      outputFormat: 'CSV',
      readDeleted: true,
    });
    expect((await (await fetch(String(job.dataFile))).text()).trim().split('\n')).toEqual([
      'id',
      String(victim?.Id),
    ]);
    const list = (await (await h.api('/query/jobs')).json()) as { data: DataJob[] };
    expect(list.data.map((j) => j.id)).toContain(job.id);
  });
});
