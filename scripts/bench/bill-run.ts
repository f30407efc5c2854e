// The turbo bench's `--incremental-after-bill-run`: a bill run in the Zuora emulator (its admin events API,
// the same `bill-run` business event the change generator applies) over evenly spread active billing
// accounts, enough of them for the invoices and invoice items it posts to be about `share` of the records the
// full sync read. Each account gets one invoice and up to two items.
import type { ZuoraClient } from '../../service/src/zuora/zuora-client.js';
import { zoqlPages } from '../../service/src/zuora/zoql.js';
import type { EmulatorInfo } from './bench-support.js';

/** Records a bill run posts per account: the invoice and (at most) two invoice items. */
const recordsPerAccount = 3;
/** The admin events API takes at most 1,000 events a request; a hundred keep each answer short (each event
 * reads its account's subscriptions and charges through the emulator's value indexes). */
const eventsPerRequest = 100;

export interface BillRun {
  readonly accounts: number;
  /** Accounts billed; the others had no active recurring charge to bill. */
  readonly billed: number;
  readonly seconds: number;
}

export async function billRun(
  info: EmulatorInfo,
  zuora: ZuoraClient,
  syncedRecords: number,
  share: number,
): Promise<BillRun> {
  const started = performance.now();
  const active: string[] = [];
  for await (const page of zoqlPages(zuora, "select AccountNumber from Account where Status = 'Active'"))
    for (const r of page) if (typeof r.AccountNumber === 'string') active.push(r.AccountNumber);
  const wanted = Math.min(active.length, Math.ceil((syncedRecords * share) / recordsPerAccount));
  const step = active.length / Math.max(wanted, 1);
  const chosen = Array.from({ length: wanted }, (_, i) => active[Math.floor(i * step)] as string);
  let billed = 0;
  for (let i = 0; i < chosen.length; i += eventsPerRequest) {
    const events = chosen
      .slice(i, i + eventsPerRequest)
      .map((accountNumber) => ({ type: 'bill-run', accountNumbers: [accountNumber] }));
    const response = await fetch(`${info.zuora.baseUrl}/__emulator/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${info.zuoraAdmin}`, 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    const body = (await response.json()) as { results?: { ok: boolean }[] };
    if (body.results === undefined)
      throw new Error(`bill run: the emulator answered ${String(response.status)} without results`);
    billed += body.results.filter((r) => r.ok).length;
  }
  return { accounts: chosen.length, billed, seconds: (performance.now() - started) / 1000 };
}
