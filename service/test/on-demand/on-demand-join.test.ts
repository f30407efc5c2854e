// One on-demand sync per account across processes: two services sharing one PostgreSQL store (each with its
// own store connections and emulators of the same seeded tenant). A request to the second service for an
// account the first is syncing joins the first's session (same sessionId, its results), and writes nothing
// itself. An on-demand session left behind by a stopped process is failed, not run as a Turbo Sync.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbeddedEmulators } from '../../src/embedded/start-embedded-emulators.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/config/logger.js';
import { createService, createSyncRuntime, type Service } from '../../src/main.js';
import { findSession, insertSession, transitionSession } from '../../src/sessions/session-rows.js';
import { runSession } from '../../src/turbo/run-session.js';
import { testToken } from '../support/service-fixture.js';
import { openTestStore, type StoreFixture } from '../support/stores.js';

interface Answer {
  sessionId: string;
  historyId: string | null;
  results: { objectId: string; success: boolean; salesforceId: string | null; sessionId: string }[];
}

describe('on-demand joins across two services sharing PostgreSQL', () => {
  let fixture: StoreFixture;
  const services: { service: Service; url: string; dir: string }[] = [];

  beforeAll(async () => {
    fixture = await openTestStore('postgres');
    for (let i = 0; i < 2; i += 1) {
      const dir = mkdtempSync(join(tmpdir(), 'zsync-join-'));
      const config = loadConfig({
        DATA_DIR: dir,
        API_TOKEN: testToken,
        LOG_LEVEL: 'silent',
        DRIFT_SCHEDULE: 'off',
        EMULATOR_SIZE: 'XS',
        DATABASE_URL: fixture.databaseUrl ?? '',
      });
      const logger = createLogger('silent');
      // Each service opens its own pool on the shared schema (as two processes would).
      const service = await createService(config, logger, {
        runtime: (store) => createSyncRuntime(config, store, logger),
      });
      services.push({ service, url: await service.app.listen({ host: '127.0.0.1', port: 0 }), dir });
    }
  }, 120_000);
  afterAll(async () => {
    for (const s of services) {
      await s.service.close();
      rmSync(s.dir, { recursive: true, force: true });
    }
    await fixture.dispose().catch(() => undefined);
  });

  const emulatorsOf = (i: number) => services[i]?.service.runtime?.emulators as EmbeddedEmulators;
  const post = async (i: number, zuoraId: string): Promise<Answer> => {
    const res = await fetch(`${String(services[i]?.url)}/v1/on-demand-syncs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${testToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        objectType: 'BILLING_ACCOUNT',
        source: 'APEX',
        accountIds: [],
        salesforceIds: [],
        zuoraIds: [zuoraId],
        zuoraIdsByEntity: {},
        emailNotification: false,
        requestedBy: { userId: '005Hs00000AbCdEIAZ', orgId: '00DHs0000012345MAA' },
      }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as Answer;
  };

  it('a second service joins the session the first is running', async () => {
    const account = [...emulatorsOf(0).zuora.tenant.table('Account').values()]
      .map((r) => r.record)
      .find((a) => typeof a.CrmId === 'string' && /^001/.test(a.CrmId) && a.Status === 'Active');
    const id = String(account?.Id);
    emulatorsOf(0).salesforce.faults.set({ latencyMs: 150 });
    try {
      const first = post(0, id);
      await new Promise((r) => setTimeout(r, 100));
      const second = post(1, id);
      const [a, b] = await Promise.all([first, second]);
      expect(b.sessionId).toBe(a.sessionId);
      expect(b.historyId).toBe(a.historyId);
      expect(b.results[0]).toMatchObject({ success: true, salesforceId: a.results[0]?.salesforceId });
    } finally {
      emulatorsOf(0).salesforce.faults.clear();
    }
    // Only the first service's org was written.
    expect(
      emulatorsOf(0)
        .salesforce.records('CustomerAccount__c')
        .some((r) => r.External_Id__c === id),
    ).toBe(true);
    expect(
      emulatorsOf(1)
        .salesforce.records('CustomerAccount__c')
        .some((r) => r.External_Id__c === id),
    ).toBe(false);
  }, 180_000);

  it('fails an on-demand session left running by a stopped process instead of running it as Turbo Sync', async () => {
    const store = services[0]?.service.store;
    if (store === undefined) throw new Error('no store');
    const left = await insertSession(store, {
      scope: 'accounts',
      trigger: 'on_demand',
      mode: 'full',
      params: { zuoraIds: ['ffffffffffffffffffffffffffffffff'] },
    });
    await transitionSession(store, left.id, 'running');
    const deps = services[0]?.service.runtime?.deps;
    if (deps === undefined) throw new Error('no runtime');
    const ended = await runSession(deps, left.id);
    expect(ended.state).toBe('failed');
    expect(ended.error).toMatch(/stopped before it finished/);
    expect((await findSession(store, left.id))?.counts).toEqual({});
  }, 180_000);
});
