// The sales user's side of the `zuora-sync start` CPQ step, in the embedded Salesforce emulator: a generated
// CPQ scenario (accounts, contacts, catalog and a history of new, amendment and renewal orders) made part of
// the org's seed, then what a sales team does during the demo through the emulator's CPQ lifecycle API
// (/__emulator/cpq/...): activate and contract the draft orders, later amend a few contracts.
import type { SalesforceEmulator } from '../../../emulators/salesforce/src/index.js';

export interface CpqDemoScenario {
  readonly accounts: number;
  readonly orders: { readonly new: number; readonly amendment: number; readonly renewal: number };
}

export interface CpqDemoOrg {
  /** Loads the scenario into the org's seed (the org is reset to it: call before anything is synced). */
  load(options: { seed: number; accountCount: number; orderCount: number }): CpqDemoScenario;
  /** Activates and contracts every draft order; answers their ids once CPQ's contracting ran. */
  activateDrafts(): Promise<string[]>;
  /** Amends up to `count` contracts of these (synced, contracted) orders; answers the amendment order ids. */
  amendContractsOf(orderIds: readonly string[], count: number): Promise<string[]>;
}

const contractingTimeoutMs = 120_000;

export function cpqDemoOrg(sf: SalesforceEmulator): CpqDemoOrg {
  const action = async (path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`${sf.url}/__emulator/cpq${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sf.adminToken}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300)
      throw new Error(`CPQ demo: ${path} answered ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const activateAndContract = async (orderIds: readonly string[]): Promise<void> => {
    for (const id of orderIds) {
      await action(`/orders/${id}/activate`);
      await action(`/orders/${id}/contract`);
    }
    await contracted(sf, orderIds);
  };
  return {
    load(options) {
      const manifest = sf.cpq.loadScenario({ ...options, size: 'XS' });
      // The demo's own contracting finishes in a moment, as CPQ's queue does on a quiet org.
      sf.cpq.setContractingDelay(100);
      return { accounts: manifest.accounts, orders: manifest.orders };
    },
    async activateDrafts() {
      const drafts = sf
        .records('Order')
        .filter((o) => o.StatusCode === 'Draft')
        .map((o) => String(o.Id));
      await activateAndContract(drafts);
      return drafts;
    },
    async amendContractsOf(orderIds, count) {
      const amended: string[] = [];
      for (const [i, contract] of amendable(sf, orderIds).slice(0, count).entries()) {
        const sub = contract.subscriptions[0];
        if (sub === undefined) continue;
        const change =
          i % 3 === 1 && contract.subscriptions.length > 1
            ? { subscriptionId: sub.id, cancel: true }
            : { subscriptionId: sub.id, quantity: sub.quantity + 1 + i };
        const created = await action(`/contracts/${contract.id}/amend`, {
          effectiveDate: contract.amendOn,
          changes: [change],
        });
        amended.push(String(created.orderId));
      }
      await activateAndContract(amended);
      return amended;
    },
  };
}

interface AmendableContract {
  readonly id: string;
  readonly amendOn: string;
  readonly subscriptions: readonly { id: string; quantity: number }[];
}

/** Contracts of these orders never amended yet, with a day inside their term to amend them on. */
function amendable(sf: SalesforceEmulator, orderIds: readonly string[]): AmendableContract[] {
  const wanted = new Set(orderIds);
  const subscriptions = sf.records('SBQQ__Subscription__c');
  const out: AmendableContract[] = [];
  for (const c of sf.records('Contract')) {
    if (!wanted.has(String(c.SBQQ__Order__c)) || typeof c.StartDate !== 'string') continue;
    const subs = subscriptions.filter((s) => s.SBQQ__Contract__c === c.Id);
    if (subs.length === 0 || subs.some((s) => s.SBQQ__RevisedSubscription__c !== null)) continue;
    const start = Date.parse(`${c.StartDate}T00:00:00Z`);
    const amendOn = new Date(start + 31 * 86_400_000).toISOString().slice(0, 10);
    if (typeof c.EndDate === 'string' && amendOn > c.EndDate) continue;
    out.push({
      id: String(c.Id),
      amendOn,
      subscriptions: subs
        .filter((s) => Number(s.SBQQ__Quantity__c) > 0)
        .map((s) => ({ id: String(s.Id), quantity: Number(s.SBQQ__Quantity__c) })),
    });
  }
  return out;
}

/** Waits until CPQ's contracting job of every order ended (a failed job is the org's answer, not an error). */
async function contracted(sf: SalesforceEmulator, orderIds: readonly string[]): Promise<void> {
  const deadline = Date.now() + contractingTimeoutMs;
  const wanted = new Set(orderIds);
  for (;;) {
    const open = sf.cpq.contractingJobs().filter((j) => wanted.has(j.orderId) && j.state === 'Queued');
    if (open.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`CPQ demo: contracting of ${open.length} orders did not finish in 120 s`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
