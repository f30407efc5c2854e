import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, startHarness, type Harness } from './helpers.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: {
    notificationId: string;
    objectType: string;
    changeType: string;
    objectId: string;
    sequence: number;
    entityId: string;
    updatedDate: string | null;
  };
}

/** A callout receiver whose answers are scripted per request (an answer may wait for something first). */
async function receiver(
  answer: (n: number, req: IncomingMessage, body: Received['body']) => number | Promise<number>,
): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  let n = 0;
  const server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      n += 1;
      const body = JSON.parse(data) as Received['body'];
      void Promise.resolve(answer(n, req, body)).then((status) => {
        if (status === 200) received.push({ headers: req.headers, body });
        if (status === 401) res.setHeader('WWW-Authenticate', 'Basic realm="callouts"');
        res
          .writeHead(status, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ success: status === 200 }));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/hook`, received, server };
}

describe('callout notifications', () => {
  let h: Harness;
  const servers: Server[] = [];
  beforeAll(async () => {
    h = await startHarness({ calloutRetryIntervalMs: 30 });
  });
  afterAll(async () => {
    await h.emulator.close();
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  });

  it('retries a failing target with the same notification id and a new request id', async () => {
    const target = await receiver((n) => (n <= 2 ? 500 : 200));
    servers.push(target.server);
    const res = await h.admin('/callouts', {
      method: 'PUT',
      json: { targets: [{ id: 'crm', url: target.url, events: ['Account.updated'] }] },
    });
    expect(res.status).toBe(200);
    const account = [...h.emulator.tenant.scan('Account', null)][0]?.record;
    expect(
      h.emulator.changes.apply({ type: 'crm-id-change', accountNumber: account?.AccountNumber, crmId: null })
        .ok,
    ).toBe(true);
    await pollUntil(
      async () => target.received.length,
      (n) => n === 1,
    );
    // The target has the body before the dispatcher records the attempt's answer: wait for it to settle.
    await h.emulator.callouts.idle();
    const attempts = h.emulator.callouts.attempts().filter((a) => a.targetId === 'crm');
    expect(attempts.map((a) => [a.attempt, a.ok])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(new Set(attempts.map((a) => a.notificationId)).size).toBe(1);
    expect(new Set(attempts.map((a) => a.requestId)).size).toBe(3);
    const delivered = target.received[0];
    expect(delivered?.headers['zuora-notification-id']).toBe(attempts[0]?.notificationId);
    expect(delivered?.body).toMatchObject({
      objectType: 'Account',
      changeType: 'UPDATE',
      objectId: account?.Id,
    });
  });

  it('gives up after the configured attempts and counts failures', async () => {
    const target = await receiver(() => 503);
    servers.push(target.server);
    h.emulator.callouts.configure([{ id: 'down', url: target.url, events: ['Invoice.*'], attempts: 2 }]);
    expect(h.emulator.changes.apply({ type: 'bill-run' }).ok).toBe(true);
    await h.emulator.callouts.idle();
    const attempts = h.emulator.callouts.attempts().filter((a) => a.targetId === 'down');
    expect(attempts.length).toBe(2 * attempts.filter((a) => a.attempt === 1).length);
    expect(attempts.every((a) => !a.ok && a.status === 503)).toBe(true);
  });

  it('does not guarantee delivery order', async () => {
    // The first notification's first attempt is answered 500 only once the other two were delivered, so its
    // retry comes after them whatever the machine's load (a fixed retry interval raced the later deliveries).
    const accounts = [...h.emulator.tenant.scan('Account', null)].slice(0, 3).map((s) => s.record);
    const firstId = String(accounts[0]?.Id);
    const target = await receiver(async (_n, _req, body) => {
      if (body.objectId !== firstId || target.received.length >= 2) return 200;
      await pollUntil(
        async () => target.received.length,
        (n) => n >= 2,
        120_000,
      );
      return 500;
    });
    servers.push(target.server);
    h.emulator.callouts.configure([
      { id: 'order', url: target.url, events: ['Account.updated'], attempts: 5 },
    ]);
    for (const { AccountNumber: accountNumber } of accounts) {
      h.emulator.changes.apply({
        type: 'crm-id-change',
        accountNumber,
        crmId: `001000000000${String(accountNumber).slice(-3)}AAA`,
      });
    }
    await pollUntil(
      async () => target.received.length,
      (n) => n === 3,
      120_000,
    );
    const sequences = target.received.map((r) => r.body.sequence);
    expect([...sequences].sort((a, b) => a - b)).not.toEqual(sequences);
  });

  it('authenticates with challenge-first Basic auth', async () => {
    const target = await receiver((_n, req) =>
      req.headers.authorization === `Basic ${Buffer.from('zuora:s3cret').toString('base64')}` ? 200 : 401,
    );
    servers.push(target.server);
    h.emulator.callouts.configure([
      {
        id: 'basic',
        url: target.url,
        events: ['Product.updated'],
        auth: { type: 'basic', username: 'zuora', password: 's3cret' },
      },
    ]);
    expect(h.emulator.changes.apply({ type: 'catalog-edit' }).ok).toBe(true);
    await pollUntil(
      async () => target.received.length,
      (n) => n === 1,
    );
    expect(
      h.emulator.callouts
        .attempts()
        .filter((a) => a.targetId === 'basic')
        .every((a) => a.ok),
    ).toBe(true);
  });

  it('drops callouts under the dropped-callout fault and rejects bad targets', async () => {
    const target = await receiver(() => 200);
    servers.push(target.server);
    h.emulator.callouts.configure([{ id: 'lossy', url: target.url, events: ['*'] }]);
    await h.admin('/faults', { method: 'POST', json: { dropCalloutRate: 1 } });
    h.emulator.changes.apply({ type: 'catalog-edit' });
    await h.emulator.callouts.idle();
    expect(target.received).toHaveLength(0);
    const stats = (await (await h.admin('/stats')).json()) as { callouts: { dropped: number } };
    expect(stats.callouts.dropped).toBeGreaterThan(0);
    await h.admin('/reset', { method: 'POST', json: {} });
    const bad = await h.admin('/callouts', {
      method: 'PUT',
      json: { targets: [{ url: 'not a url', events: ['Account.created'] }] },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/callout target 0: url/);
  });

  it('signs each attempt with HMAC over merge fields, rendered per attempt, in the configured header', async () => {
    const target = await receiver((n) => (n === 1 ? 500 : 200));
    servers.push(target.server);
    const data =
      '{{Event.Timestamp}}\n{{Event.NotificationId}}\n{{Event.ObjectType}}\n{{Event.ChangeType}}\n{{Event.ObjectId}}\n{{Event.EntityId}}\n{{Event.UpdatedDate}}\n';
    const res = await h.admin('/callouts', {
      method: 'PUT',
      json: {
        targets: [
          {
            id: 'signed',
            url: target.url,
            events: ['Account.updated'],
            headers: {
              'X-Zuora-Timestamp': '{{Event.Timestamp}}',
              'X-Account-Number': '{{DataSource.Account.AccountNumber}}',
            },
            hmac: { algorithm: 'SHA-256', key: 'k3y', data, signedHeaderKey: 'X-Zuora-Signature' },
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    const account = [...h.emulator.tenant.scan('Account', null)][1]?.record;
    h.emulator.changes.apply({ type: 'crm-id-change', accountNumber: account?.AccountNumber, crmId: null });
    await pollUntil(
      async () => target.received.length,
      (n) => n === 1,
    );
    const got = target.received[0];
    const ts = String(got?.headers['x-zuora-timestamp']);
    expect(Number(ts)).toBeGreaterThan(Date.now() - 60_000);
    expect(got?.headers['x-account-number']).toBe(account?.AccountNumber);
    expect(got?.body.updatedDate).toBe(account?.UpdatedDate);
    const b = got?.body;
    const signedData = [
      ts,
      b?.notificationId,
      b?.objectType,
      b?.changeType,
      b?.objectId,
      b?.entityId,
      b?.updatedDate,
    ]
      .map((v) => `${String(v)}\n`)
      .join('');
    expect(got?.headers['x-zuora-signature']).toBe(
      createHmac('sha256', 'k3y').update(signedData).digest('base64'),
    );
    const bad = await h.admin('/callouts', {
      method: 'PUT',
      json: {
        targets: [
          { url: target.url, events: ['*'], hmac: { key: 'k', data: 'x', signedHeaderKey: 'bad header' } },
        ],
      },
    });
    expect(bad.status).toBe(400);
  });
});
