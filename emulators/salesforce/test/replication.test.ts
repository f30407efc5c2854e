import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceEmulator } from '../src/index.js';
import { login, raw, startFixtureEmulator } from './helpers.js';

// Replication resources through jsforce's sobject().updated() / deleted(), with the org's clock moved
// by the test. https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_getupdated.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_getdeleted.htm
// Rules (start before end, INVALID_REPLICATION_DATE): https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_getupdated.htm

const start = Date.parse('2031-03-01T12:00:00Z');
let now = start;
let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
const at = (minutes: number) => new Date(start + minutes * 60_000);

beforeAll(async () => {
  emulator = await startFixtureEmulator({ clock: () => now });
  conn = await login(emulator);
});
afterAll(() => emulator.close());

describe('Get Updated and Get Deleted', () => {
  it('lists records added or changed in the window by SystemModstamp, seconds ignored', async () => {
    const [a, b] = emulator.insertRecords('Account', [{ Name: 'A' }, { Name: 'B' }]) as [string, string];
    now = at(10).getTime() + 30_000; // 12:10:30
    await conn.sobject('Account').update({ Id: a, Name: 'A2' });
    now = at(20).getTime();
    const first = await conn.sobject('Account').updated(at(0), at(5));
    expect(first.ids).toEqual([b]); // a was changed later: its SystemModstamp moved
    const second = await conn.sobject('Account').updated(at(5), new Date(at(10).getTime() + 45_000));
    expect(second).toEqual({ ids: [], latestDateCovered: '2031-03-01T12:10:00.000+0000' });
    const third = await conn.sobject('Account').updated(at(10), at(60));
    expect(third.ids).toEqual([a]);
    expect(third.latestDateCovered).toBe('2031-03-01T12:20:00.000+0000');
  });

  it('lists deleted records with their delete time and the earliest date available', async () => {
    const [gone] = emulator.insertRecords('Account', [{ Name: 'Gone' }]) as [string];
    now = at(30).getTime();
    await conn.sobject('Account').destroy(gone);
    now = at(40).getTime();
    const result = await conn.sobject('Account').deleted(at(25), at(35));
    expect(result.deletedRecords).toEqual([{ id: gone, deletedDate: '2031-03-01T12:30:00.000+0000' }]);
    expect(result.latestDateCovered).toBe('2031-03-01T12:35:00.000+0000');
    expect(typeof result.earliestDateAvailable).toBe('string');
    expect((await conn.sobject('Account').updated(at(25), at(35))).ids).not.toContain(gone);
  });

  it('refuses a start not before end, a start older than the window, and objects that are not replicateable', async () => {
    await expect(conn.sobject('Account').updated(at(10), at(10))).rejects.toMatchObject({
      errorCode: 'INVALID_REPLICATION_DATE',
    });
    await expect(conn.sobject('Account').updated(at(-31 * 24 * 60), at(0))).rejects.toMatchObject({
      errorCode: 'INVALID_REPLICATION_DATE',
    });
    await expect(conn.sobject('Account').deleted(at(-16 * 24 * 60), at(0))).rejects.toMatchObject({
      errorCode: 'INVALID_REPLICATION_DATE',
    });
    const noStart = await raw(
      emulator,
      conn,
      'GET',
      '/services/data/v62.0/sobjects/Account/updated/?end=2031-03-01T12:00:00Z',
    );
    expect(noStart).toMatchObject({ status: 400, json: [{ errorCode: 'INVALID_REPLICATION_DATE' }] });
    const mdt = await raw(
      emulator,
      conn,
      'GET',
      '/services/data/v62.0/sobjects/Sync_Setting__mdt/updated/?start=2031-03-01T12:00:00Z&end=2031-03-01T13:00:00Z',
    );
    expect(mdt.status).toBe(400);
  });
});
