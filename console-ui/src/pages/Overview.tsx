// Overview: Zuora's four tiles (synced, errors, error rate, median latency) with the change against the
// previous period, per direction and per mode; real-time mode and backlog; API budget; next sessions.
import { useEffect, useState } from 'preact/hooks';
import { get, query } from '../api.js';
import { Gauge } from '../components/Chart.js';
import { Alert, Badge, Card, Loading, Select } from '../components/ui.js';
import { change, duration, num, triggerLabel, when } from '../format.js';
import { linkProps } from '../router.js';

interface Tile {
  key: string;
  synced: number;
  errors: number;
  errorRate: number | null;
  medianLatencyMs: number | null;
  sessions: number;
  previous: Omit<Tile, 'key' | 'previous'>;
}

interface OverviewData {
  from: string;
  to: string;
  directions: { direction: string; available: boolean; note?: string; tiles: Tile[] }[];
  openFailures: number;
  realtime: {
    enabled: boolean;
    entities: {
      entityId: string;
      mode: string;
      modeReason: string | null;
      pending: number;
      oldestPendingChangeAt: string | null;
    }[];
  };
  apiBudget: {
    used: number | null;
    limit: number | null;
    percent: number | null;
    slowAtPercent: number;
    stopAtPercent: number;
    state: string;
    bulkBatchesUsed: number | null;
    bulkBatchesMax: number | null;
  };
  zuora: { callsInPeriod: number; callsByThisProcess: number | null };
  nextSessions: { scope: string; cron: string; nextAt: string }[];
}

function TileRow(props: { tile: Tile }) {
  const t = props.tile;
  const cells = [
    ['Total synced', num(t.synced), change(t.synced, t.previous.synced)],
    ['Total sync errors', num(t.errors), change(t.errors, t.previous.errors)],
    [
      'Sync error rate',
      t.errorRate === null ? '–' : `${String(t.errorRate)}%`,
      change(t.errorRate, t.previous.errorRate),
    ],
    ['Median latency', duration(t.medianLatencyMs), change(t.medianLatencyMs, t.previous.medianLatencyMs)],
  ] as const;
  return (
    <section class="slds-m-bottom_medium" aria-label={`${triggerLabel[t.key] ?? t.key} tiles`}>
      <h3 class="slds-text-heading_small slds-m-bottom_x-small">
        {triggerLabel[t.key] ?? t.key} <span class="slds-text-color_weak">({num(t.sessions)} sessions)</span>
      </h3>
      <div class="console-tiles">
        {cells.map(([label, value, delta]) => (
          <div class="console-tile" key={label} data-testid={`tile-${t.key}-${label}`}>
            <p class="slds-text-title">{label}</p>
            <p class="console-tile__value">{value}</p>
            <p class="slds-text-body_small">{delta}</p>
          </div>
        ))}
      </div>
    </section>
  );
}

export function Overview() {
  const [days, setDays] = useState('7');
  const [data, setData] = useState<OverviewData | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    const load = () =>
      get<OverviewData>(`/v1/overview${query({ days })}`).then(setData, (e: Error) => setError(e.message));
    void load();
    const timer = setInterval(() => void load(), 30_000);
    return () => clearInterval(timer);
  }, [days]);
  if (error !== undefined) return <Alert kind="error">{error}</Alert>;
  if (data === undefined) return <Loading what="the overview" />;
  const b = data.apiBudget;
  return (
    <div>
      <div class="slds-grid slds-grid_align-spread slds-m-bottom_small">
        <h1 class="slds-text-heading_large">Overview</h1>
        <Select
          id="overview-days"
          label="Period"
          value={days}
          onChange={setDays}
          options={[
            ['1', 'Last 24 hours'],
            ['7', 'Last 7 days'],
            ['30', 'Last 30 days'],
          ]}
        />
      </div>
      <p class="slds-m-bottom_medium">
        {when(data.from)} to {when(data.to)}, against the {days === '1' ? 'day' : `${days} days`} before. Open
        failures: <a {...linkProps('/console/failures')}>{num(data.openFailures)}</a>
      </p>
      {data.directions.map((d) => (
        <Card
          key={d.direction}
          title={d.direction === 'zuora_to_salesforce' ? 'Zuora → Salesforce' : 'CPQ → Zuora'}
        >
          {d.available ? (
            d.tiles.map((t) => <TileRow key={t.key} tile={t} />)
          ) : (
            <p class="slds-text-color_weak">{d.note}</p>
          )}
        </Card>
      ))}
      <div class="console-grid-2 slds-m-top_medium">
        <Card title="Real-time sync">
          {!data.realtime.enabled ? <p>Real-time sync is off (REALTIME_SYNC).</p> : null}
          {data.realtime.entities.length === 0 ? (
            <p class="slds-text-color_weak">
              {data.realtime.enabled
                ? 'Mode: real-time. Backlog: 0 (every change event is processed).'
                : 'No change events.'}
            </p>
          ) : (
            <ul>
              {data.realtime.entities.map((e) => (
                <li key={e.entityId}>
                  {e.entityId === '' ? 'Tenant' : `Entity ${e.entityId}`}:{' '}
                  <Badge tone={e.mode === 'realtime' ? 'success' : 'warning'}>
                    {e.mode === 'realtime' ? 'Real-time' : 'Turbo fallback'}
                  </Badge>{' '}
                  backlog {num(e.pending)}
                  {e.oldestPendingChangeAt === null ? '' : `, oldest change ${when(e.oldestPendingChangeAt)}`}
                  {e.modeReason === null ? '' : ` (${e.modeReason})`}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Salesforce API budget">
          <Gauge
            label="Salesforce API requests used today"
            percent={b.percent}
            marks={[
              { at: b.slowAtPercent, label: 'writes slow' },
              { at: b.stopAtPercent, label: 'writes stop' },
            ]}
          />
          <p class="slds-m-top_small">
            {b.used === null
              ? 'No Salesforce response seen yet.'
              : `${num(b.used)} of ${num(b.limit)} daily API requests (${String(b.percent)}%), state ${b.state}.`}
          </p>
          <p>
            Bulk batches today:{' '}
            {b.bulkBatchesUsed === null ? '–' : `${num(b.bulkBatchesUsed)} of ${num(b.bulkBatchesMax)}`}
          </p>
          <p>
            Zuora calls in the period: {num(data.zuora.callsInPeriod)}
            {data.zuora.callsByThisProcess === null
              ? ''
              : ` (${num(data.zuora.callsByThisProcess)} by this process since it started)`}
          </p>
        </Card>
        <Card title="Next scheduled sessions">
          {data.nextSessions.length === 0 ? (
            <p class="slds-text-color_weak">No schedule (SYNC_SCHEDULE and CATALOG_SCHEDULE are off).</p>
          ) : (
            <ul>
              {data.nextSessions.map((s) => (
                <li key={`${s.scope}${s.nextAt}`}>
                  {when(s.nextAt)}: {s.scope} ({s.cron})
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
