// Near-real-time sync: the stats (latency percentiles, events by outcome, backlog and mode per entity, history
// records waiting to reach Salesforce) and the dead-lettered events (every allowed attempt failed), which an
// admin retries (back to the queue with fresh attempts) or discards (kept, never synced). It calls the
// service's own routes (/v1/realtime/...) with the console's session cookie and CSRF token.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, query } from '../api.js';
import { Alert, Badge, Card, DataTable, Loading } from '../components/ui.js';
import { duration, num, when } from '../format.js';

interface Stats {
  enabled: boolean;
  latency: { count: number; p50Ms: number | null; p90Ms: number | null; p99Ms: number | null };
  events: Record<'received' | 'pending' | 'synced' | 'failed' | 'retrying' | 'dead' | 'discarded', number>;
  historyOutbox: number;
  entities: { entityId: string; mode: string; modeReason: string | null; pending: number }[];
}

interface DeadLetter {
  id: string;
  entityId: string;
  zuoraObject: string;
  zuoraId: string;
  eventType: string;
  attempts: number;
  error: string;
  receivedAt: string;
  firstAttemptAt: string | null;
  deadAt: string;
}

const pageSize = 50;

function StatsCard(props: { stats: Stats }) {
  const { latency, events } = props.stats;
  const tiles: [string, string][] = [
    ['Latency P50', duration(latency.p50Ms)],
    ['Latency P90', duration(latency.p90Ms)],
    ['Latency P99', duration(latency.p99Ms)],
    ['Events received', num(events.received)],
    ['Pending', num(events.pending)],
    ['Retrying', num(events.retrying)],
    ['Synced', num(events.synced)],
    ['Dead-lettered', num(events.dead)],
    ['Discarded', num(events.discarded)],
    ['History records not yet in Salesforce', num(props.stats.historyOutbox)],
  ];
  return (
    <Card title="Real-time sync">
      {props.stats.enabled ? null : <Alert kind="info">Real-time sync is off (REALTIME_SYNC).</Alert>}
      <dl class="slds-grid slds-wrap">
        {tiles.map(([label, value]) => (
          <div class="slds-size_1-of-5 slds-p-bottom_small" key={label}>
            <dt class="slds-text-title">{label}</dt>
            <dd class="slds-text-heading_small">{value}</dd>
          </div>
        ))}
      </dl>
      {props.stats.entities.map((e) => (
        <p key={e.entityId}>
          Entity {e.entityId === '' ? '(default)' : e.entityId}:{' '}
          <Badge tone={e.mode === 'turbo' ? 'warning' : 'success'}>{e.mode}</Badge> {num(e.pending)} pending
          {e.modeReason === null ? '' : ` · ${e.modeReason}`}
        </p>
      ))}
    </Card>
  );
}

function DeadLetterTable(props: {
  items: readonly DeadLetter[];
  selected: ReadonlySet<string>;
  toggle: (id: string) => void;
}) {
  return (
    <DataTable
      caption="Dead-lettered events"
      columns={['Entity', 'Object', 'Record', 'Reason', 'Attempts', 'First attempt', 'Last attempt']}
      selectColumn
    >
      {props.items.map((d) => (
        <tr key={d.id}>
          <td>
            <input
              type="checkbox"
              aria-label={`Select ${d.zuoraObject} ${d.zuoraId}`}
              checked={props.selected.has(d.id)}
              onChange={() => props.toggle(d.id)}
            />
          </td>
          <td>{d.entityId === '' ? '(default)' : d.entityId}</td>
          <td>{d.zuoraObject}</td>
          <td>{d.zuoraId}</td>
          <td class="slds-cell-wrap">{d.error}</td>
          <td>{num(d.attempts)}</td>
          <td>{when(d.firstAttemptAt)}</td>
          <td>{when(d.deadAt)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

export function Realtime() {
  const [stats, setStats] = useState<Stats | undefined>(undefined);
  const [items, setItems] = useState<DeadLetter[] | undefined>(undefined);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | undefined>();
  const load = async () => {
    const [s, d] = await Promise.all([
      get<Stats>('/v1/realtime/stats'),
      get<{ deadLetters: DeadLetter[]; nextBefore?: string }>(
        `/v1/realtime/dead-letters${query({ limit: pageSize })}`,
      ),
    ]);
    setStats(s);
    setItems(d.deadLetters);
    setNext(d.nextBefore);
    setSelected(new Set());
  };
  const failed = (e: unknown) =>
    setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
  useEffect(() => {
    load().catch(failed);
  }, []);
  const more = async () => {
    const d = await get<{ deadLetters: DeadLetter[]; nextBefore?: string }>(
      `/v1/realtime/dead-letters${query({ limit: pageSize, before: next })}`,
    );
    setItems([...(items ?? []), ...d.deadLetters]);
    setNext(d.nextBefore);
  };
  const act = async (action: 'retry' | 'discard', body: { ids: string[] } | { all: true }) => {
    setMessage(undefined);
    try {
      const done = await post<{ count: number }>(`/v1/realtime/dead-letters/${action}`, body);
      await load();
      setMessage({
        kind: 'success',
        text: `${num(done.count)} event(s) ${action === 'retry' ? 'put back in the queue' : 'discarded'}.`,
      });
    } catch (e) {
      failed(e);
    }
  };
  const toggle = (id: string) => {
    const s = new Set(selected);
    if (!s.delete(id)) s.add(id);
    setSelected(s);
  };
  const ids = [...selected];
  const button = (label: string, run: () => Promise<void>, disabled: boolean) => (
    <button
      type="button"
      class="slds-button slds-button_neutral"
      disabled={disabled}
      onClick={() => void run()}
    >
      {label}
    </button>
  );
  const none = items === undefined || items.length === 0;
  return (
    <div>
      {message === undefined ? null : <Alert kind={message.kind}>{message.text}</Alert>}
      {stats === undefined ? <Loading what="real-time stats" /> : <StatsCard stats={stats} />}
      <Card
        title="Dead-lettered events"
        actions={
          <div class="slds-button-group" role="group">
            {button('Retry selected', () => act('retry', { ids }), ids.length === 0)}
            {button('Discard selected', () => act('discard', { ids }), ids.length === 0)}
            {button('Retry all', () => act('retry', { all: true }), none)}
            {button('Discard all', () => act('discard', { all: true }), none)}
          </div>
        }
      >
        {items === undefined ? (
          <Loading what="dead letters" />
        ) : items.length === 0 ? (
          <p>No dead-lettered events.</p>
        ) : (
          <DeadLetterTable items={items} selected={selected} toggle={toggle} />
        )}
        {next === undefined ? null : (
          <p class="slds-m-top_small">{button('Show more', () => more().catch(failed), false)}</p>
        )}
      </Card>
    </div>
  );
}
