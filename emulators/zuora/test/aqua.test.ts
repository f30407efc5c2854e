import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, startHarness, type Harness } from './helpers.js';

type Job = {
  id: string;
  status: string;
  batches: {
    name: string;
    status: string;
    recordCount: number;
    fileId?: string;
    full: boolean;
    message?: string;
  }[];
};

describe('AQuA batch export', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.emulator.close());

  async function run(body: unknown): Promise<{ job: Job; files: Record<string, string[][]> }> {
    const res = await h.api('/v1/batch-query/', { method: 'POST', json: body });
    expect(res.status).toBe(200);
    const submitted = (await res.json()) as Job;
    expect(submitted.status).toBe('submitted');
    const job = await pollUntil(
      async () => (await (await h.api(`/v1/batch-query/jobs/${submitted.id}`)).json()) as Job,
      (j) => j.status === 'completed' || j.status === 'error',
    );
    expect(job.status).toBe('completed');
    const files: Record<string, string[][]> = {};
    for (const b of job.batches) {
      const file = await h.api(`/v1/file/${String(b.fileId)}`);
      expect(file.headers.get('content-type')).toContain('text/csv');
      const rows: string[][] = parse(await file.text(), {});
      files[b.name] = rows;
      expect(files[b.name]?.length).toBe(b.recordCount + 1);
    }
    return { job, files };
  }

  const stateful = (queries: unknown[]) => ({
    format: 'csv',
    version: '1.1',
    name: 'sync',
    encrypted: 'none',
    useQueryLabels: 'true',
    partner: 'salesforce',
    project: 'p1',
    queries,
  });

  it('exports ZOQL and Export ZOQL (joined fields) queries to CSV', async () => {
    const { files } = await run({
      format: 'csv',
      version: '1.0',
      queries: [
        { name: 'Account', query: 'select Id, AccountNumber, CrmId, Balance from Account', type: 'zoql' },
        {
          name: 'Items',
          query:
            'select Id, ChargeAmount, Account.AccountNumber, Invoice.InvoiceNumber from InvoiceItem where ChargeAmount > 0',
          type: 'zoqlexport',
        },
      ],
    });
    // Without useQueryLabels, headers are labels ("Account: ID"), as in
    // https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/post-query/export-deleted-data/json-examples
    expect(files.Account?.[0]).toEqual([
      'Account: ID',
      'Account: Account Number',
      'Account: Crm ID',
      'Account: Balance',
    ]);
    expect(files.Account?.length).toBe(51);
    const items = files.Items ?? [];
    expect(items[0]).toEqual([
      'Invoice Item: ID',
      'Invoice Item: Charge Amount',
      'Account: Account Number',
      'Invoice: Invoice Number',
    ]);
    expect(items.slice(1).every((r) => /^A\d{8}$/.test(r[2] ?? '') && (r[3] ?? '').startsWith('INV'))).toBe(
      true,
    );
  });

  it('returns exactly the rows changed and deleted between two stateful runs', async () => {
    const queries = [
      {
        name: 'Account',
        query: 'select Id, CrmId, UpdatedDate from Account',
        type: 'zoql',
        deleted: { column: 'IsDeleted', format: 'Boolean' },
      },
      {
        name: 'PaymentMethod',
        query: 'select Id, AccountId from PaymentMethod',
        type: 'zoql',
        deleted: { column: 'IsDeleted', format: 'Numeric' },
      },
      { name: 'Invoice', query: 'select Id, Balance from Invoice', type: 'zoql' },
    ];
    const first = await run(stateful(queries));
    expect(first.job.batches.every((b) => b.full)).toBe(true);
    expect(first.files.Account?.length).toBe(51);
    expect(first.files.Account?.slice(1).every((r) => r[0] === 'false')).toBe(true);

    const accounts = [...h.emulator.tenant.scan('Account', null)].map((s) => s.record);
    const changed = accounts[4];
    const withTwoMethods = accounts.find(
      (a) =>
        [...h.emulator.tenant.scan('PaymentMethod', null)].filter((p) => p.record.AccountId === a.Id).length >
        1,
    );
    expect(withTwoMethods).toBeDefined();
    expect(
      h.emulator.changes.apply({
        type: 'crm-id-change',
        accountNumber: changed?.AccountNumber,
        crmId: '001000000000001AAA',
      }).ok,
    ).toBe(true);
    const deletion = h.emulator.changes.apply({
      type: 'delete-payment-method',
      accountNumber: withTwoMethods?.AccountNumber,
    });
    expect(deletion.ok).toBe(true);
    const deletedId = deletion.ok ? deletion.changes[0]?.id : undefined;

    const second = await run(stateful(queries));
    expect(second.job.batches.every((b) => !b.full)).toBe(true);
    expect(second.files.Account?.slice(1)).toEqual([
      ['false', String(changed?.Id), '001000000000001AAA', expect.any(String)],
    ]);
    expect(second.files.PaymentMethod?.slice(1)).toEqual([
      ['1', String(deletedId), String(withTwoMethods?.Id)],
    ]);
    expect(second.files.Invoice?.length).toBe(1);

    const third = await run(stateful(queries));
    expect(third.job.batches.map((b) => b.recordCount)).toEqual([0, 0, 0]);
    const changedQuery = await run(
      stateful([{ ...queries[2], query: 'select Id, Balance, Amount from Invoice' }]),
    );
    expect(changedQuery.job.batches[0]?.full).toBe(true);
  });

  it('refuses deleted columns in stateless mode, too many queries and bad ZOQL', async () => {
    const stateless = await h.api('/v1/batch-query/', {
      method: 'POST',
      json: {
        version: '1.0',
        queries: [
          {
            name: 'A',
            query: 'select Id from Account',
            type: 'zoql',
            deleted: { column: 'IsDeleted', format: 'Boolean' },
          },
        ],
      },
    });
    expect(stateless.status).toBe(400);
    expect(((await stateless.json()) as { errorCode: string }).errorCode).toBe('90012');
    const many = Array.from({ length: 51 }, (_, i) => ({
      name: `q${i}`,
      query: 'select Id from Account',
      type: 'zoql',
    }));
    expect(
      (
        (await (await h.api('/v1/batch-query/', { method: 'POST', json: { queries: many } })).json()) as {
          errorCode: string;
        }
      ).errorCode,
    ).toBe('90004');
    const bad = await h.api('/v1/batch-query/', {
      method: 'POST',
      json: { queries: [{ name: 'bad', query: 'select Nope from Account', type: 'zoql' }] },
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { errorCode: string; message: string };
    expect(body.errorCode).toBe('90005');
    expect(body.message).toContain('bad');
    expect((await h.api('/v1/batch-query/jobs/doesnotexist')).status).toBe(404);
  });
});
