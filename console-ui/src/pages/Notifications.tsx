// Notification rules (failures, latency, silence; interval, window, threshold, mute; Platform Event, email,
// webhook), a test send, and every delivery with its state.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, api, get, post } from '../api.js';
import { Alert, Card, Checkbox, DataTable, Loading, Select, TextInput } from '../components/ui.js';
import { when } from '../format.js';

interface Rule {
  id: string;
  name: string;
  kind: string;
  enabled: boolean;
  intervalMinutes: number;
  windowMinutes: number;
  thresholdType: string;
  threshold: number;
  latencyStat: string | null;
  mute: { active: boolean; limit: number; hours: number };
  platformEvent: boolean;
  emailTo: string[];
  webhookUrl: string | null;
  lastEvaluatedAt: string | null;
  lastValue: number | null;
}

interface Delivery {
  id: string;
  ruleName: string;
  channel: string;
  eventType: string;
  state: string;
  attempts: number;
  lastError: string | null;
  message: string;
  createdAt: string;
}

const thresholdTypes: Record<string, readonly (readonly [string, string])[]> = {
  failures: [
    ['count', 'Number of failed records'],
    ['percentage', 'Percentage of records'],
  ],
  latency: [['ms', 'Milliseconds']],
  silence: [['minutes', 'Minutes without a successful sync']],
  drift: [
    ['count', 'Drifted billing accounts'],
    ['percentage', 'Percentage of accounts checked'],
  ],
};

function RuleForm(props: { onCreated: (secret: string | undefined) => void }) {
  const [r, setR] = useState({
    name: '',
    kind: 'failures',
    intervalMinutes: '5',
    windowMinutes: '60',
    thresholdType: 'count',
    threshold: '1',
    latencyStat: 'avg',
    muteActive: false,
    muteLimit: '1',
    muteHours: '1',
    platformEvent: true,
    emailTo: '',
    webhookUrl: '',
  });
  const [error, setError] = useState<string | undefined>(undefined);
  const set = (k: keyof typeof r) => (v: string | boolean) => setR({ ...r, [k]: v });
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      const created = await post<{ webhookSecret?: string }>('/v1/notification-rules', {
        name: r.name,
        kind: r.kind,
        intervalMinutes: Number(r.intervalMinutes),
        windowMinutes: Number(r.windowMinutes),
        thresholdType: r.thresholdType,
        threshold: Number(r.threshold),
        latencyStat: r.kind === 'latency' ? r.latencyStat : null,
        mute: { active: r.muteActive, limit: Number(r.muteLimit), hours: Number(r.muteHours) },
        platformEvent: r.platformEvent,
        emailTo: r.emailTo.split(/[\s,]+/).filter((x) => x !== ''),
        webhookUrl: r.webhookUrl === '' ? null : r.webhookUrl,
      });
      props.onCreated(created.webhookSecret);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label="New notification rule">
      {error === undefined ? null : <Alert kind="error">{error}</Alert>}
      <div class="console-filters">
        <TextInput id="r-name" label="Name" value={r.name} onInput={set('name')} required />
        <Select
          id="r-kind"
          label="Notify on"
          value={r.kind}
          onChange={(v) => setR({ ...r, kind: v, thresholdType: thresholdTypes[v]?.[0]?.[0] ?? 'count' })}
          options={[
            ['failures', 'Failures'],
            ['latency', 'Latency'],
            ['silence', 'Silence'],
            ['drift', 'Drift (latest drift check)'],
          ]}
        />
        <TextInput
          id="r-interval"
          label="Interval (minutes)"
          type="number"
          value={r.intervalMinutes}
          onInput={set('intervalMinutes')}
        />
        <TextInput
          id="r-window"
          label="Window (minutes)"
          type="number"
          value={r.windowMinutes}
          onInput={set('windowMinutes')}
        />
        <Select
          id="r-ttype"
          label="Threshold type"
          value={r.thresholdType}
          onChange={set('thresholdType')}
          options={thresholdTypes[r.kind] ?? []}
        />
        <TextInput
          id="r-threshold"
          label="Threshold"
          type="number"
          value={r.threshold}
          onInput={set('threshold')}
        />
        {r.kind === 'latency' ? (
          <Select
            id="r-stat"
            label="Latency measure"
            value={r.latencyStat}
            onChange={set('latencyStat')}
            options={[
              ['avg', 'Average'],
              ['p50', 'P50'],
              ['p90', 'P90'],
              ['p95', 'P95'],
              ['p99', 'P99'],
            ]}
          />
        ) : null}
      </div>
      <div class="console-filters slds-m-top_small">
        <Checkbox id="r-mute" label="Mute repeats" checked={r.muteActive} onChange={set('muteActive')} />
        <TextInput
          id="r-mute-limit"
          label="Mute limit (notifications)"
          type="number"
          value={r.muteLimit}
          onInput={set('muteLimit')}
        />
        <TextInput
          id="r-mute-hours"
          label="Mute period (hours)"
          type="number"
          value={r.muteHours}
          onInput={set('muteHours')}
        />
      </div>
      <div class="console-filters slds-m-top_small">
        <Checkbox
          id="r-pe"
          label="Salesforce Platform Event (Sync_Event__e)"
          checked={r.platformEvent}
          onChange={set('platformEvent')}
        />
        <TextInput
          id="r-email"
          label="Email to"
          value={r.emailTo}
          onInput={set('emailTo')}
          placeholder="ops@example.com"
        />
        <TextInput
          id="r-webhook"
          label="Webhook URL"
          type="url"
          value={r.webhookUrl}
          onInput={set('webhookUrl')}
        />
      </div>
      <button type="submit" class="slds-button slds-button_brand slds-m-top_small">
        Create rule
      </button>
    </form>
  );
}

export function Notifications() {
  const [rules, setRules] = useState<Rule[] | undefined>(undefined);
  const [deliveries, setDeliveries] = useState<Delivery[]>([]);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const load = () => {
    void get<{ rules: Rule[] }>('/v1/notification-rules').then((r) => setRules(r.rules));
    void get<{ deliveries: Delivery[] }>('/v1/notification-deliveries?limit=50').then((r) =>
      setDeliveries(r.deliveries),
    );
  };
  useEffect(() => {
    load();
    const timer = setInterval(load, 3_000);
    return () => clearInterval(timer);
  }, []);
  const act = async (what: () => Promise<unknown>, done: string) => {
    try {
      await what();
      setMessage(done);
      load();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <div>
      <h1 class="slds-text-heading_large slds-m-bottom_small">Notifications</h1>
      {message === undefined ? null : <Alert kind="info">{message}</Alert>}
      <Card title="New rule">
        <RuleForm
          onCreated={(secret) => {
            setMessage(
              secret === undefined
                ? 'Rule created.'
                : `Rule created. Webhook signing secret (shown once): ${secret}`,
            );
            load();
          }}
        />
      </Card>
      <Card title="Rules">
        {rules === undefined ? (
          <Loading what="rules" />
        ) : (
          <DataTable
            caption="Notification rules"
            columns={[
              'Name',
              'On',
              'Every',
              'Window',
              'Threshold',
              'Channels',
              'Last value',
              'Last checked',
              'Actions',
            ]}
            testId="rules"
          >
            {rules.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>
                  {r.kind}
                  {r.latencyStat === null ? '' : ` (${r.latencyStat})`}
                </td>
                <td>{r.intervalMinutes} min</td>
                <td>{r.windowMinutes} min</td>
                <td>
                  {r.threshold} {r.thresholdType}
                </td>
                <td>
                  {[
                    r.platformEvent ? 'Platform Event' : '',
                    r.emailTo.length > 0 ? `email ${r.emailTo.join(', ')}` : '',
                    r.webhookUrl ?? '',
                  ]
                    .filter((x) => x !== '')
                    .join('; ')}
                </td>
                <td>{r.lastValue ?? '–'}</td>
                <td>{when(r.lastEvaluatedAt)}</td>
                <td>
                  <button
                    type="button"
                    class="slds-button slds-button_neutral"
                    onClick={() =>
                      void act(() => post(`/v1/notification-rules/${r.id}/test`), 'Test notification queued.')
                    }
                  >
                    Send test<span class="slds-assistive-text"> for {r.name}</span>
                  </button>
                  <button
                    type="button"
                    class="slds-button slds-button_text-destructive"
                    onClick={() =>
                      void act(() => api('DELETE', `/v1/notification-rules/${r.id}`), 'Rule deleted.')
                    }
                  >
                    Delete<span class="slds-assistive-text"> {r.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
      <Card title="Deliveries">
        <DataTable
          caption="Notification deliveries, newest first"
          columns={['Created', 'Rule', 'Event', 'Channel', 'State', 'Attempts', 'Message']}
          testId="deliveries"
        >
          {deliveries.map((d) => (
            <tr key={d.id}>
              <th scope="row">{when(d.createdAt)}</th>
              <td>{d.ruleName}</td>
              <td>{d.eventType}</td>
              <td>{d.channel}</td>
              <td>
                {d.state}
                {d.lastError === null ? '' : ` (${d.lastError})`}
              </td>
              <td>{d.attempts}</td>
              <td class="slds-cell-wrap">{d.message}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </div>
  );
}
