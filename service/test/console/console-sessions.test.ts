// Sessions through the console's API over real HTTP: progress as server-sent events to the end, list
// filters, the preview of a start, and cancel (a running manual session stops at its next checkpoint and
// ends cancelled; a session that is not manual is refused).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, testToken, type RunningService } from '../support/service-fixture.js';

let svc: RunningService;
const auth = { authorization: `Bearer ${testToken}`, 'content-type': 'application/json' };

async function start(body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${svc.url}/v1/syncs`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { sessions: { id: string }[] }).sessions[0]?.id ?? '';
}

async function progress(
  id: string,
): Promise<{ state: string; stage: string; totals: { read: number; written: number } }> {
  return (await (await fetch(`${svc.url}/v1/syncs/${id}/progress`, { headers: auth })).json()) as never;
}

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 120_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out; last ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  svc = await startTestService({}, { withSync: true });
}, 120_000);
afterAll(async () => {
  await svc?.close();
});

describe('console sessions API', () => {
  it('streams progress as server-sent events until the session ends', async () => {
    const id = await start({ scope: 'catalog', mode: 'full' });
    const res = await fetch(`${svc.url}/v1/syncs/${id}/events`, { headers: auth });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    let text = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
      text += Buffer.from(chunk).toString('utf8');
    const events = text.split('\n\n').filter((e) => e.startsWith('event: '));
    expect(events[0]).toMatch(/^event: progress\ndata: /);
    expect(events.at(-1)).toMatch(/^event: end\ndata: \{"state":"finished/);
    const last = JSON.parse(events.at(-2)?.split('data: ')[1] ?? '{}') as {
      stage: string;
      totals: { read: number; written: number };
    };
    expect(last.stage).toBe('done');
    expect(last.totals.written).toBeGreaterThan(0);
  });

  it('lists sessions with filters and previews a start', async () => {
    const all = (await (await fetch(`${svc.url}/v1/syncs?limit=10`, { headers: auth })).json()) as {
      sessions: { scope: string }[];
    };
    expect(all.sessions.length).toBeGreaterThan(0);
    const accounts = (await (
      await fetch(`${svc.url}/v1/syncs?scope=accounts`, { headers: auth })
    ).json()) as { sessions: unknown[] };
    expect(accounts.sessions).toEqual([]);
    const bad = await fetch(`${svc.url}/v1/syncs?state=sleeping`, { headers: auth });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^querystring\.state/);
    const preview = await fetch(`${svc.url}/v1/syncs/preview`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ scope: 'accounts' }),
    });
    const body = (await preview.json()) as {
      sessions: { mode: string; objects: string[]; refusedBecause: string | null }[];
    };
    expect(body.sessions[0]).toMatchObject({ mode: 'full', refusedBecause: null });
    expect(body.sessions[0]?.objects).toContain('Account');
  });

  it('cancels a running manual session at its next checkpoint', async () => {
    svc.service.runtime?.emulators?.salesforce.faults.set({ latencyMs: 150 });
    const id = await start({ scope: 'accounts', mode: 'full' });
    await waitFor(
      () => progress(id),
      (p) => p.stage === 'loading',
    );
    const cancel = await fetch(`${svc.url}/v1/syncs/${id}/cancel`, {
      method: 'POST',
      headers: auth,
      body: '{}',
    });
    expect(cancel.status).toBe(202);
    expect(await cancel.json()).toEqual({ result: 'requested' });
    const ended = await waitFor(
      () => progress(id),
      (p) => p.state !== 'running',
    );
    svc.service.runtime?.emulators?.salesforce.faults.set({ latencyMs: 0 });
    expect(ended.state).toBe('cancelled');
    expect(ended.totals.written).toBeLessThan(ended.totals.read);
    const again = await fetch(`${svc.url}/v1/syncs/${id}/cancel`, {
      method: 'POST',
      headers: auth,
      body: '{}',
    });
    expect(again.status).toBe(409);
  });
});
