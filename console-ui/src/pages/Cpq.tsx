// CPQ: Salesforce CPQ orders sent to Zuora. The poller's state (on or off, interval, filter, last and next
// poll), orders by state (synced, waiting with its reason, failed with its code and the fix in plain words,
// pending: sent again on the next poll), and one order's detail with a retry.
import { useEffect, useState } from 'preact/hooks';
import { get, query } from '../api.js';
import { Alert, Badge, Card, DataTable, Loading, Select } from '../components/ui.js';
import { num, when } from '../format.js';
import { CpqOrderDetail, type CpqReason } from './CpqOrderDetail.js';

type State = 'synced' | 'waiting' | 'failed' | 'pending';

interface OrderItem {
  orderId: string;
  orderNumber: string;
  state: State;
  reason: CpqReason | null;
  attempts: number;
  zuoraOrderNumber: string | null;
  updatedAt: string;
}

interface Poller {
  enabled: boolean;
  intervalSeconds: number;
  filter: string | null;
  lastPollAt: string | null;
  nextPollAt: string | null;
}

const labels: Record<State, string> = {
  synced: 'Synced',
  waiting: 'Waiting',
  failed: 'Failed',
  pending: 'Pending',
};
const tones = { synced: 'success', waiting: 'warning', failed: 'error', pending: 'inverse' } as const;

function PollerCard() {
  const [p, setP] = useState<Poller | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => void get<Poller>('/v1/cpq/poller').then(setP, (e: Error) => setError(e.message)), []);
  if (error !== undefined) return <Alert kind="warning">Poller: {error}</Alert>;
  if (p === undefined) return <Loading what="the poller" />;
  return (
    <Card title="Poller" id="cpq-poller">
      <p>
        {p.enabled ? 'On' : 'Off (CPQ_SYNC=on turns it on)'} · every {num(p.intervalSeconds)} s · filter:{' '}
        {p.filter ?? 'none'} · last poll: {when(p.lastPollAt)} · next poll:{' '}
        {p.enabled ? when(p.nextPollAt) : '–'}
      </p>
    </Card>
  );
}

function reasonText(o: OrderItem): string {
  if (o.state === 'synced') return `Zuora order ${o.zuoraOrderNumber ?? ''}`;
  return o.reason === null ? '–' : `${o.reason.code}: ${o.reason.title}`;
}

export function Cpq() {
  const [state, setState] = useState('');
  const [data, setData] = useState<{ counts: Record<State, number>; orders: OrderItem[] } | undefined>();
  const [error, setError] = useState<string | undefined>(undefined);
  const [open, setOpen] = useState<string | undefined>(undefined);
  const load = () =>
    get<{ counts: Record<State, number>; orders: OrderItem[] }>(
      `/v1/cpq/orders${query({ state, limit: 200 })}`,
    ).then(setData, (e: Error) => setError(e.message));
  useEffect(() => void load(), [state]);
  return (
    <div>
      <h1 class="slds-text-heading_large slds-m-bottom_small">CPQ orders</h1>
      <PollerCard />
      {error === undefined ? null : <Alert kind="error">{error}</Alert>}
      {data === undefined ? (
        <Loading what="CPQ orders" />
      ) : (
        <>
          <ul class="slds-grid slds-gutters slds-m-vertical_small" aria-label="Orders by state">
            {(Object.keys(labels) as State[]).map((s) => (
              <li class="slds-col" key={s}>
                <Badge tone={tones[s]}>
                  {labels[s]}: {num(data.counts[s])}
                </Badge>
              </li>
            ))}
          </ul>
          <form
            class="console-filters slds-m-bottom_small"
            aria-label="CPQ order filters"
            onSubmit={(e) => e.preventDefault()}
          >
            <Select
              id="cpq-state"
              label="Order state"
              value={state}
              options={[['', 'Any'], ...Object.entries<string>(labels)]}
              onChange={setState}
            />
          </form>
          {open === undefined ? null : <CpqOrderDetail orderId={open} onChanged={() => void load()} />}
          <DataTable
            caption="CPQ orders"
            columns={['Order', 'State', 'Zuora order or reason', 'Fix', 'Attempts', 'Updated']}
            class="slds-m-top_small"
          >
            {data.orders.map((o) => (
              <tr key={o.orderId}>
                <th scope="row">
                  <button type="button" class="slds-button" onClick={() => setOpen(o.orderId)}>
                    {o.orderNumber}
                  </button>
                </th>
                <td>{labels[o.state]}</td>
                <td>{reasonText(o)}</td>
                <td>{o.state === 'synced' ? '–' : (o.reason?.fix ?? '–')}</td>
                <td>{num(o.attempts)}</td>
                <td>{when(o.updatedAt)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </div>
  );
}
