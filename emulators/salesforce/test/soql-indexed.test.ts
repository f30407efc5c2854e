import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { login, startFixtureEmulator } from './helpers.js';

// Queries whose WHERE has top-level Id or reference look-ups read only the rows those look-ups name
// (soql/indexed-rows.ts). Each is compared with the same query in a form the look-ups leave alone
// (`NOT (x NOT IN (...))` matches exactly the rows `x IN (...)` does, nulls included), which scans the
// table: same records, same order, same LIMIT/OFFSET cut, same recycle bin for queryAll, also after
// updates that move a record to another parent, deletes and inserts (one by one and through Bulk API 2.0).

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
let accounts: string[];
let contacts: string[];

const list = (ids: readonly string[]) => ids.map((id) => `'${id}'`).join(', ');
const ids = (records: Array<Record<string, unknown>>) => records.map((r) => JSON.stringify(r));

async function same(indexed: string, scanned: string, all = false): Promise<number> {
  const run = (q: string) =>
    all
      ? conn.request<{ totalSize: number; records: unknown[] }>(
          `/services/data/v62.0/queryAll?q=${encodeURIComponent(q)}`,
        )
      : conn.query(q);
  const [a, b] = await Promise.all([run(indexed), run(scanned)]);
  expect(ids(a.records as Array<Record<string, unknown>>), indexed).toEqual(
    ids(b.records as Array<Record<string, unknown>>),
  );
  expect(a.totalSize, indexed).toBe(b.totalSize);
  return a.totalSize;
}

async function checkAll(): Promise<void> {
  const some = [accounts[3], accounts[1], accounts[7], accounts[1]] as string[];
  const fifteen = some.map((id) => id.slice(0, 15));
  const contactIds = [contacts[5], contacts[0], contacts[9]] as string[];
  const sel = 'SELECT Id, LastName, AccountId, Account.Name FROM Contact';
  for (const all of [false, true]) {
    expect(
      await same(
        `${sel} WHERE AccountId IN (${list(some)}) ORDER BY LastName DESC`,
        `${sel} WHERE NOT (AccountId NOT IN (${list(some)})) ORDER BY LastName DESC`,
        all,
      ),
    ).toBeGreaterThan(0);
    await same(
      `${sel} WHERE AccountId IN (${list(fifteen)}) AND LastName != 'C-4'`,
      `${sel} WHERE NOT (AccountId NOT IN (${list(some)})) AND LastName != 'C-4'`,
      all,
    );
    await same(
      `${sel} WHERE Id IN (${list(contactIds)})`,
      `${sel} WHERE NOT (Id NOT IN (${list(contactIds)}))`,
      all,
    );
    await same(
      `${sel} WHERE Id = '${contactIds[0] ?? ''}' AND AccountId IN (${list(some)})`,
      `${sel} WHERE NOT (Id != '${contactIds[0] ?? ''}') AND NOT (AccountId NOT IN (${list(some)}))`,
      all,
    );
    await same(
      `${sel} WHERE Account.Id IN (${list(some)}) ORDER BY LastName LIMIT 3 OFFSET 1`,
      `${sel} WHERE NOT (Account.Id NOT IN (${list(some)})) ORDER BY LastName LIMIT 3 OFFSET 1`,
      all,
    );
    await same(
      `SELECT Id, Name FROM Account WHERE ParentId IN (${list(some)}) ORDER BY Name`,
      `SELECT Id, Name FROM Account WHERE NOT (ParentId NOT IN (${list(some)})) ORDER BY Name`,
      all,
    );
    await same(
      `${sel} WHERE Account.Parent.Id = '${accounts[0] ?? ''}'`,
      `${sel} WHERE NOT (Account.Parent.Id != '${accounts[0] ?? ''}')`,
      all,
    );
    await same(
      `SELECT COUNT() FROM Contact WHERE AccountId IN (${list(some)})`,
      `SELECT COUNT() FROM Contact WHERE NOT (AccountId NOT IN (${list(some)}))`,
      all,
    );
  }
  await same(
    `SELECT Id, (SELECT Id, LastName FROM Contacts ORDER BY LastName DESC LIMIT 2) FROM Account WHERE Id IN (${list(some)})`,
    `SELECT Id, (SELECT Id, LastName FROM Contacts WHERE LastName != null ORDER BY LastName DESC LIMIT 2) FROM Account WHERE NOT (Id NOT IN (${list(some)}))`,
  );
}

beforeAll(async () => {
  emulator = await startFixtureEmulator();
  conn = await login(emulator);
  accounts = emulator.insertRecords(
    'Account',
    Array.from({ length: 10 }, (_, i) => ({ Name: `A-${String(i)}` })),
  );
  for (let i = 1; i < accounts.length; i += 1)
    await conn.sobject('Account').update({ Id: accounts[i] as string, ParentId: accounts[i % 3] });
  contacts = emulator.insertRecords(
    'Contact',
    Array.from({ length: 40 }, (_, i) => ({
      LastName: `C-${String(i % 7)}`,
      AccountId: i % 5 === 4 ? null : (accounts[i % 10] as string),
    })),
  );
});
afterAll(() => emulator.close());

describe('indexed Id and reference look-ups', () => {
  it('answer exactly as a scan, before and after moves, deletes and inserts', async () => {
    await checkAll();
    // Moved to another account (the index keeps the old entry), moved back, then away for good.
    const c = contacts[1] as string;
    await conn.sobject('Contact').update({ Id: c, AccountId: accounts[3] });
    await checkAll();
    await conn.sobject('Contact').update({ Id: c, AccountId: accounts[1] });
    await conn.sobject('Contact').update({ Id: contacts[3] as string, AccountId: accounts[7] });
    await checkAll();
    await conn.sobject('Contact').destroy([contacts[11] as string, contacts[13] as string]);
    await conn.sobject('Account').update({ Id: accounts[7] as string, ParentId: accounts[0] });
    await checkAll();
    const added = emulator.insertRecords('Contact', [{ LastName: 'C-new', AccountId: accounts[3] }]);
    expect(added).toHaveLength(1);
    await checkAll();
    // Inserted through Bulk API 2.0: Account takes the column path, which writes cells directly
    // (bulk/fast-insert.ts); Contact (CPQ automation watches it) the row path.
    const [a1, a2] = [accounts[1] ?? '', accounts[2] ?? ''];
    for (const [object, input] of [
      ['Account', `Name,ParentId\nB-1,${a1}\nB-2,${a2}\n`],
      ['Contact', `LastName,AccountId\nC-bulk,${a1}\nC-bulk,${a2}\n`],
    ] as const) {
      const bulk = await conn.bulk2.loadAndWaitForResults({
        object,
        operation: 'insert',
        input,
        pollInterval: 20,
      });
      expect(bulk.successfulResults, object).toHaveLength(2);
    }
    await checkAll();
  });
});
