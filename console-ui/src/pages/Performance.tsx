// Performance: latency P50/P90/P95/P99 (nearest rank, as Zuora defines them) per object and path, over time
// in Day/Hour/Minute buckets, split into stages, the trend of records synced and failed, Turbo throughput.
import { useEffect, useState } from 'preact/hooks';
import { get, query } from '../api.js';
import { LineChart } from '../components/Chart.js';
import { Alert, Card, DataTable, Loading, Select } from '../components/ui.js';
import { duration, num, when } from '../format.js';

interface Pct {
  count: number;
  avg: number | null;
  p50: number | null;
  p90: number | null;
  p95: number | null;
  p99: number | null;
}

interface Latency {
  byObject: (Pct & { object: string; path: string })[];
  series: (Pct & { start: string })[];
  stages: { received: Pct; read: Pct; written: Pct };
  trend: { start: string; synced: number; failed: number }[];
}

interface Throughput {
  sessions: {
    id: string;
    trigger: string;
    scope: string;
    finishedAt: string;
    records: number;
    seconds: number;
    recordsPerSecond: number;
  }[];
}

const ranges = [
  ['1', 'Last hour'],
  ['24', 'Last 24 hours'],
  ['168', 'Last 7 days'],
  ['720', 'Last 30 days'],
] as const;

function PctCells(props: { p: Pct }) {
  return (
    <>
      <td>{num(props.p.count)}</td>
      <td>{duration(props.p.p50)}</td>
      <td>{duration(props.p.p90)}</td>
      <td>{duration(props.p.p95)}</td>
      <td>{duration(props.p.p99)}</td>
    </>
  );
}

export function Performance() {
  const [hours, setHours] = useState('24');
  const [bucket, setBucket] = useState('hour');
  const [path, setPath] = useState('');
  const [data, setData] = useState<Latency | undefined>(undefined);
  const [tp, setTp] = useState<Throughput | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => {
    const load = () => {
      const to = new Date();
      const from = new Date(to.getTime() - Number(hours) * 3_600_000);
      const range = { from: from.toISOString(), to: to.toISOString() };
      get<Latency>(`/v1/performance/latency${query({ ...range, bucket, path })}`).then(
        (d) => {
          setError(undefined);
          setData(d);
        },
        (e: Error) => setError(e.message),
      );
      void get<Throughput>(`/v1/performance/throughput${query(range)}`).then(setTp);
    };
    load();
    const timer = setInterval(load, 5_000);
    return () => clearInterval(timer);
  }, [hours, bucket, path]);
  return (
    <div>
      <h1 class="slds-text-heading_large slds-m-bottom_small">Performance</h1>
      <form
        class="console-filters slds-m-bottom_medium"
        aria-label="Performance filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <Select id="p-range" label="Range" value={hours} onChange={setHours} options={ranges} />
        <fieldset class="slds-form-element">
          <legend class="slds-form-element__legend slds-form-element__label">Interval</legend>
          <div class="slds-form-element__control slds-radio_button-group">
            {(['day', 'hour', 'minute'] as const).map((b) => (
              <span class="slds-button slds-radio_button" key={b}>
                <input
                  type="radio"
                  name="bucket"
                  id={`bucket-${b}`}
                  value={b}
                  checked={bucket === b}
                  onChange={() => setBucket(b)}
                />
                <label class="slds-radio_button__label" for={`bucket-${b}`}>
                  <span class="slds-radio_faux">{b[0]?.toUpperCase() + b.slice(1)}</span>
                </label>
              </span>
            ))}
          </div>
        </fieldset>
        <Select
          id="p-path"
          label="Path"
          value={path}
          onChange={setPath}
          options={[
            ['', 'All'],
            ['callout', 'Real-time (callout)'],
            ['reconcile', 'Real-time (reconciliation)'],
            ['on-demand', 'On-demand'],
          ]}
        />
      </form>
      {error === undefined ? null : <Alert kind="error">{error}</Alert>}
      {data === undefined ? (
        <Loading what="latency" />
      ) : (
        <>
          <Card title="Latency over time">
            <LineChart
              title="Latency P50, P90 and P95"
              testId="latency-chart"
              unit="ms"
              labels={data.series.map((s) => s.start)}
              series={[
                { name: 'P50', color: '#0b5cab', values: data.series.map((s) => s.p50) },
                { name: 'P90', color: '#a96404', values: data.series.map((s) => s.p90) },
                { name: 'P95', color: '#ba0517', values: data.series.map((s) => s.p95) },
              ]}
            />
            <div class="console-wrap">
              <DataTable
                caption="Latency per interval"
                columns={['Interval start', 'Samples', 'P50', 'P90', 'P95', 'P99']}
                testId="latency-series"
              >
                {data.series.map((s) => (
                  <tr key={s.start}>
                    <th scope="row">{when(s.start)}</th>
                    <PctCells p={s} />
                  </tr>
                ))}
              </DataTable>
            </div>
          </Card>
          <div class="console-grid-2 slds-m-top_medium">
            <Card title="Latency per object and path">
              <DataTable
                caption="Latency percentiles per object and path"
                columns={['Object', 'Path', 'Samples', 'P50', 'P90', 'P95', 'P99']}
                testId="latency-by-object"
              >
                {data.byObject.map((r) => (
                  <tr key={`${r.object}${r.path}`}>
                    <th scope="row">{r.object}</th>
                    <td>{r.path}</td>
                    <PctCells p={r} />
                  </tr>
                ))}
              </DataTable>
            </Card>
            <Card title="Real-time latency by stage">
              <DataTable
                caption="Latency of each stage"
                columns={['Stage', 'Samples', 'P50', 'P90', 'P95', 'P99']}
              >
                {(
                  [
                    ['Zuora change → event received', data.stages.received],
                    ['Event received → read from Zuora', data.stages.read],
                    ['Read from Zuora → written to Salesforce', data.stages.written],
                  ] as const
                ).map(([label, p]) => (
                  <tr key={label}>
                    <th scope="row">{label}</th>
                    <PctCells p={p} />
                  </tr>
                ))}
              </DataTable>
            </Card>
          </div>
          <div class="console-grid-2 slds-m-top_medium">
            <Card title="Records synced and failed">
              <LineChart
                title="Records synced and failed per interval"
                testId="trend-chart"
                unit="records"
                labels={data.trend.map((t) => t.start)}
                series={[
                  { name: 'Synced', color: '#2e844a', values: data.trend.map((t) => t.synced) },
                  { name: 'Failed', color: '#ba0517', values: data.trend.map((t) => t.failed) },
                ]}
              />
            </Card>
            <Card title="Turbo throughput">
              {tp === undefined || tp.sessions.length === 0 ? (
                <p class="slds-text-color_weak">No Turbo session ended in this range.</p>
              ) : (
                <DataTable
                  caption="Records per second of each Turbo session"
                  columns={['Finished', 'Scope', 'Records', 'Seconds', 'Records/s']}
                >
                  {tp.sessions.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">{when(s.finishedAt)}</th>
                      <td>{s.scope}</td>
                      <td>{num(s.records)}</td>
                      <td>{s.seconds.toFixed(1)}</td>
                      <td>{num(s.recordsPerSecond)}</td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
