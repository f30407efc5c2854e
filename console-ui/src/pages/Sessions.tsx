// Sessions: filters (time, trigger, scope, entity, state), newest first, a page at a time; start a session.
import { useEffect, useState } from 'preact/hooks';
import { get, query } from '../api.js';
import { Alert, DataTable, Loading, Select, TextInput } from '../components/ui.js';
import { num, stateLabel, triggerLabel, when } from '../format.js';
import { linkProps } from '../router.js';
import { StartSession } from './StartSession.js';

export interface SessionItem {
  id: string;
  scope: string;
  trigger: string;
  mode: string;
  state: string;
  entityId: string;
  requestedAt: string;
  startedAt?: string;
  finishedAt?: string;
  error?: string;
  totals: { read: number; written: number; failed: number; deleted: number };
  salesforceCalls?: number;
  salesforceApiUsage?: number;
  zuoraCalls?: number;
  cancelRequested: boolean;
  counts: Record<string, unknown>;
}

const options = (labels: Record<string, string>) => [
  ['', 'Any'] as const,
  ...Object.entries(labels).filter(([k]) => k !== 'all'),
];

export function Sessions() {
  const [f, setF] = useState({ from: '', to: '', trigger: '', scope: '', state: '', entityId: '' });
  const [items, setItems] = useState<SessionItem[] | undefined>(undefined);
  const [next, setNext] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [starting, setStarting] = useState(false);
  const params = (after?: string) =>
    query({
      limit: 50,
      from: f.from === '' ? undefined : new Date(f.from).toISOString(),
      to: f.to === '' ? undefined : new Date(f.to).toISOString(),
      trigger: f.trigger,
      scope: f.scope,
      state: f.state,
      entityId: f.entityId === '' ? undefined : f.entityId,
      after,
    });
  const load = (after?: string) =>
    get<{ sessions: SessionItem[]; nextAfter?: string }>(`/v1/syncs${params(after)}`).then(
      (r) => {
        setItems((old) => (after === undefined ? r.sessions : [...(old ?? []), ...r.sessions]));
        setNext(r.nextAfter);
      },
      (e: Error) => setError(e.message),
    );
  useEffect(() => void load(), [f]);
  const set = (k: keyof typeof f) => (v: string) => setF({ ...f, [k]: v });
  return (
    <div>
      <div class="slds-grid slds-grid_align-spread slds-m-bottom_small">
        <h1 class="slds-text-heading_large">Sessions</h1>
        <button type="button" class="slds-button slds-button_brand" onClick={() => setStarting(true)}>
          Start a session
        </button>
      </div>
      {starting ? <StartSession onClose={() => setStarting(false)} /> : null}
      <form
        class="console-filters slds-m-bottom_medium"
        aria-label="Session filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextInput
          id="f-from"
          label="Requested from"
          type="datetime-local"
          value={f.from}
          onInput={set('from')}
        />
        <TextInput
          id="f-to"
          label="Requested before"
          type="datetime-local"
          value={f.to}
          onInput={set('to')}
        />
        <Select
          id="f-trigger"
          label="Trigger"
          value={f.trigger}
          onChange={set('trigger')}
          options={options(triggerLabel)}
        />
        <Select
          id="f-scope"
          label="Scope"
          value={f.scope}
          onChange={set('scope')}
          options={[
            ['', 'Any'],
            ['accounts', 'Accounts'],
            ['catalog', 'Catalog'],
          ]}
        />
        <Select
          id="f-state"
          label="State"
          value={f.state}
          onChange={set('state')}
          options={options(stateLabel)}
        />
        <TextInput id="f-entity" label="Entity" value={f.entityId} onInput={set('entityId')} />
      </form>
      {error === undefined ? null : <Alert kind="error">{error}</Alert>}
      {items === undefined ? (
        <Loading what="sessions" />
      ) : (
        <div class="console-wrap">
          <DataTable
            caption="Sync sessions, newest first"
            headClass="slds-line-height_reset"
            columns={[
              'Session',
              'Trigger',
              'Scope',
              'Mode',
              'State',
              'Requested',
              'Finished',
              'Read',
              'Written',
              'Failed',
            ]}
          >
            {items.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <a {...linkProps(`/console/sessions/${s.id}`)}>{s.id.slice(0, 8)}</a>
                </th>
                <td>{triggerLabel[s.trigger] ?? s.trigger}</td>
                <td>{s.scope}</td>
                <td>{s.mode}</td>
                <td>{stateLabel[s.state] ?? s.state}</td>
                <td>{when(s.requestedAt)}</td>
                <td>{when(s.finishedAt)}</td>
                <td>{num(s.totals.read)}</td>
                <td>{num(s.totals.written + s.totals.deleted)}</td>
                <td>{num(s.totals.failed)}</td>
              </tr>
            ))}
          </DataTable>
          {items.length === 0 ? <p class="slds-m-around_small">No session matches.</p> : null}
          {next === undefined ? null : (
            <button
              type="button"
              class="slds-button slds-button_neutral slds-m-top_small"
              onClick={() => void load(next)}
            >
              More
            </button>
          )}
        </div>
      )}
    </div>
  );
}
