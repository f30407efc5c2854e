// One session: its counts and calls, and while it runs its live progress (server-sent events: stage,
// per-object read/written/failed, records/s, time left), with cancel for a manual session.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post } from '../api.js';
import { Alert, Badge, Card, DataTable, Loading } from '../components/ui.js';
import { num, stateLabel, triggerLabel, when } from '../format.js';
import { linkProps } from '../router.js';
import type { SessionItem } from './Sessions.js';

interface Progress {
  state: string;
  stage: string;
  cancelRequested: boolean;
  objects: { object: string; read: number; written: number; failed: number; deleted: number }[];
  totals: { read: number; written: number; failed: number; deleted: number };
  recordsPerSecond: number | null;
  etaSeconds: number | null;
  bulk: { jobs: number; batches: number };
}

const stages: Record<string, string> = {
  queued: 'Queued',
  extracting: 'Extracting from Zuora',
  loading: 'Loading into Salesforce',
  references: 'Writing deferred references',
  deleting: 'Deleting',
  syncing: 'Syncing',
  done: 'Done',
};

export function SessionDetail(props: { id: string }) {
  const [session, setSession] = useState<SessionItem | undefined>(undefined);
  const [progress, setProgress] = useState<Progress | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const reload = () =>
    get<{ sessions: SessionItem[] }>(`/v1/syncs?limit=500`).then(
      (r) => {
        const s = r.sessions.find((x) => x.id === props.id);
        if (s === undefined)
          return get<SessionItem>(`/v1/syncs/${props.id}`).then((x) =>
            setSession({
              ...x,
              totals: { read: 0, written: 0, failed: 0, deleted: 0 },
              cancelRequested: false,
            }),
          );
        setSession(s);
        return undefined;
      },
      (e: Error) => setError(e.message),
    );
  useEffect(() => {
    void reload();
    const events = new EventSource(`/v1/syncs/${props.id}/events`);
    events.addEventListener('progress', (e) =>
      setProgress(JSON.parse((e as MessageEvent<string>).data) as Progress),
    );
    events.addEventListener('end', () => {
      events.close();
      void reload();
    });
    events.onerror = () => events.close();
    return () => events.close();
  }, [props.id]);
  const cancel = async () => {
    if (!confirm('Cancel this session? A running session stops after the Bulk job in flight.')) return;
    try {
      const r = await post<{ result: string }>(`/v1/syncs/${props.id}/cancel`);
      setMessage(
        r.result === 'cancelled'
          ? 'Cancelled.'
          : 'Cancel requested: the session stops at its next checkpoint.',
      );
      void reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  if (error !== undefined) return <Alert kind="error">{error}</Alert>;
  if (session === undefined) return <Loading what="the session" />;
  const live = progress ?? undefined;
  const running = (live?.state ?? session.state) === 'running' || (live?.state ?? session.state) === 'queued';
  const total = live === undefined ? 0 : live.totals.read;
  const done = live === undefined ? 0 : live.totals.written + live.totals.failed + live.totals.deleted;
  const pct = total === 0 ? 0 : Math.min(100, Math.round((done / total) * 100));
  return (
    <div>
      <p>
        <a {...linkProps('/console/sessions')}>← Sessions</a>
      </p>
      <h1 class="slds-text-heading_large slds-m-bottom_small">
        Session {session.id.slice(0, 8)}{' '}
        <Badge>{stateLabel[live?.state ?? session.state] ?? session.state}</Badge>
      </h1>
      {message === undefined ? null : <Alert kind="info">{message}</Alert>}
      <div class="console-grid-2">
        <Card
          title="Progress"
          actions={
            running && ['manual', 'backfill'].includes(session.trigger) ? (
              <button
                type="button"
                class="slds-button slds-button_destructive"
                onClick={() => void cancel()}
                disabled={live?.cancelRequested === true}
              >
                {live?.cancelRequested === true ? 'Cancel requested' : 'Cancel session'}
              </button>
            ) : undefined
          }
        >
          <p aria-live="polite" data-testid="stage">
            Stage: <strong>{stages[live?.stage ?? ''] ?? live?.stage ?? '–'}</strong>
          </p>
          <div
            class="slds-progress-bar slds-m-vertical_small"
            role="progressbar"
            aria-label="Records processed"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
          >
            <span class="slds-progress-bar__value" style={{ width: `${String(pct)}%` }}>
              <span class="slds-assistive-text">{`${String(pct)}%`}</span>
            </span>
          </div>
          <p data-testid="progress-totals">
            {num(done)} of {num(total)} records processed ·{' '}
            {live?.recordsPerSecond == null ? '–' : `${num(live.recordsPerSecond)} records/s`} ·{' '}
            {live?.etaSeconds == null ? 'time left unknown' : `about ${num(live.etaSeconds)} s left`}
          </p>
        </Card>
        <Card title="Details">
          <ul>
            <li>Trigger: {triggerLabel[session.trigger] ?? session.trigger}</li>
            <li>
              Scope and mode: {session.scope}, {session.mode}
            </li>
            <li>Entity: {session.entityId === '' ? 'the tenant' : session.entityId}</li>
            <li>Requested: {when(session.requestedAt)}</li>
            <li>Started: {when(session.startedAt)}</li>
            <li>Finished: {when(session.finishedAt)}</li>
            <li>Salesforce Composite calls: {num(session.salesforceCalls)}</li>
            <li>Salesforce API usage while it ran (org-wide): {num(session.salesforceApiUsage)}</li>
            <li>
              Bulk jobs: {num(live?.bulk.jobs)} ({num(live?.bulk.batches)} Bulk batches)
            </li>
            <li>Zuora calls: {num(session.zuoraCalls)}</li>
            {session.error === undefined ? null : <li>Error: {session.error}</li>}
          </ul>
          <p>
            <a {...linkProps(`/console/failures?session=${session.id}`)}>Failures of this session</a>
          </p>
        </Card>
      </div>
      <Card title="Objects">
        <div class="console-wrap">
          <DataTable
            caption="Records per object"
            columns={['Object', 'Read', 'Written', 'Failed', 'Deleted']}
            testId="progress-objects"
          >
            {(live?.objects ?? []).map((o) => (
              <tr key={o.object}>
                <th scope="row">{o.object}</th>
                <td>{num(o.read)}</td>
                <td>{num(o.written)}</td>
                <td>{num(o.failed)}</td>
                <td>{num(o.deleted)}</td>
              </tr>
            ))}
          </DataTable>
        </div>
      </Card>
    </div>
  );
}
