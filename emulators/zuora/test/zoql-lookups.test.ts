// Action queries that look accounts up by a text field (`CrmId = 'a' or CrmId = 'b' ...`, as the CPQ sync
// asks) read only the records holding those values (query/where-lookup.ts). Each is compared with the same
// query plus a disjunct on another field that matches nothing, which the look-up leaves alone (a scan):
// same records in the same order, also after the field changes on a record and after a new account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';

type Page = { records: Record<string, unknown>[]; size: number };

describe('Action query look-ups by a text field', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.emulator.close());

  const query = async (queryString: string): Promise<Page> => {
    const res = await h.api('/v1/action/query', {
      method: 'POST',
      json: { queryString, conf: { batchSize: 2000 } },
    });
    expect(res.status, queryString.slice(0, 80)).toBe(200);
    return (await res.json()) as Page;
  };

  async function same(where: string): Promise<number> {
    const select = 'select Id, AccountNumber, CrmId, Name, Status from Account where ';
    const [indexed, scanned] = await Promise.all([
      query(`${select}${where}`),
      query(`${select}${where} or Name = 'no account has this name'`),
    ]);
    expect(indexed.records, where).toEqual(scanned.records);
    expect(indexed.size).toBe(scanned.size);
    return indexed.size;
  }

  async function checkAll(crmIds: string[], numbers: string[]): Promise<void> {
    const or = (field: string, values: string[]) => values.map((v) => `${field} = '${v}'`).join(' or ');
    expect(await same(or('CrmId', crmIds))).toBeGreaterThan(0);
    expect(await same(or('AccountNumber', numbers))).toBe(numbers.length - 1);
    await same(`CrmId = '${crmIds[0] ?? ''}'`);
    await same(`Status = 'Active' and CrmId = '${crmIds[2] ?? ''}'`);
    await same(`${or('crmid', [...crmIds].reverse())}`);
  }

  it('answer exactly as a scan, before and after a change of the field and a new account', async () => {
    const all = (await query('select Id, AccountNumber, CrmId from Account')).records;
    const withCrm = all.filter((r) => typeof r.CrmId === 'string');
    const crmIds = withCrm.slice(0, 6).map((r) => String(r.CrmId));
    crmIds.push(crmIds[1] ?? '', 'no-such-crm-id');
    const numbers = all.slice(3, 9).map((r) => String(r.AccountNumber));
    numbers.push('no-such-number');
    await checkAll(crmIds, numbers);
    // One account takes another's CRM id (two now hold it), then a new account takes a third's.
    const first = withCrm[0];
    const moved = await h.api(`/v1/accounts/${String(first?.Id)}`, {
      method: 'PUT',
      json: { crmId: crmIds[2] },
    });
    expect(moved.status).toBe(200);
    await checkAll(crmIds, numbers);
    const created = await h.api('/v1/accounts', {
      method: 'POST',
      json: {
        name: 'Lookup test',
        currency: 'USD',
        billCycleDay: 1,
        crmId: crmIds[3],
        billToContact: { firstName: 'A', lastName: 'B', country: 'United States', state: 'CA' },
      },
    });
    expect(created.status).toBe(200);
    await checkAll([...crmIds, crmIds[0] ?? ''], numbers);
    expect((await query(`select Id from Account where CrmId = '${crmIds[3] ?? ''}'`)).size).toBeGreaterThan(
      1,
    );
  });
});
