// Drift: the drift checks (manual and scheduled), newest first; one check's counts per object (missing, extra,
// different), its drifted billing accounts down to the record and field (old -> new), and its repair: the
// repair's dry run first (a backfill of the drifted accounts writing only what differs), then the repair.
import { useEffect, useState } from 'preact/hooks';
import { get, post } from '../api.js';
import { Alert, Card, DataTable, Loading } from '../components/ui.js';
import { num, when } from '../format.js';
import type { SessionItem } from './Sessions.js';

interface Summary {
  sessionId: string;
  trigger: string;
  checkedAt: string;
  checkedAccounts: number;
  driftedAccounts: number;
  driftedRecords: number;
}
interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  failed: number;
}
interface Change {
  object: string;
  key: string;
  action: string;
  account: string;
  salesforceId?: string | null;
  changes?: { field: string; old: unknown; new: unknown }[];
}
interface Full extends Summary {
  report: { objects: Record<string, Counts>; drift?: { accounts: Record<string, unknown> } };
  changes: Change[];
  moreChanges: number;
}

const what: Record<string, string> = { create: 'missing', delete: 'extra', update: 'different' };
const shown = (v: unknown) => (v === null || v === undefined ? '(blank)' : JSON.stringify(v));

function CountsTable(props: { caption: string; objects: Record<string, Counts>; testId: string }) {
  const rows = Object.entries(props.objects).filter(([, c]) => c.created + c.updated + c.deleted > 0);
  if (rows.length === 0) return <p data-testid={props.testId}>No drift: Salesforce matches Zuora.</p>;
  return (
    <DataTable
      caption={props.caption}
      columns={['Object', 'Missing in Salesforce', 'Extra in Salesforce', 'Different values']}
      testId={props.testId}
    >
      {rows.map(([object, c]) => (
        <tr key={object}>
          <th scope="row">{object}</th>
          <td>{num(c.created)}</td>
          <td>{num(c.deleted)}</td>
          <td>{num(c.updated)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function Accounts(props: { changes: Change[] }) {
  const byAccount = new Map<string, Change[]>();
  for (const c of props.changes.filter((x) => x.action !== 'failed'))
    byAccount.set(c.account, [...(byAccount.get(c.account) ?? []), c]);
  return (
    <ul data-testid="drift-accounts">
      {[...byAccount].map(([account, changes]) => (
        <li key={account} class="slds-m-bottom_small">
          <h3 class="slds-text-heading_small">Billing account {account || '(none)'}</h3>
          <ul class="slds-m-left_medium">
            {changes.map((c) => (
              <li key={`${c.object}:${c.key}`}>
                {c.object} {c.key}: {what[c.action] ?? c.action}
                {(c.changes ?? []).map((f) => (
                  <div key={f.field} class="slds-m-left_medium">
                    {f.field}: {shown(f.old)} → {shown(f.new)}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function Repair(props: { check: Full }) {
  const [preview, setPreview] = useState<SessionItem | undefined>(undefined);
  const [state, setState] = useState<'idle' | 'previewing' | 'previewed' | 'started'>('idle');
  const [error, setError] = useState<string | undefined>(undefined);
  const extra = props.check.changes.filter((c) => c.action === 'delete').length;
  const start = async () => {
    setState('previewing');
    try {
      const { sessionId } = await post<{ sessionId: string }>(
        `/v1/drift-reports/${props.check.sessionId}/repair`,
        { dryRun: true },
      );
      for (;;) {
        const s = await get<SessionItem>(`/v1/syncs/${sessionId}`);
        if (!['queued', 'running'].includes(s.state)) {
          setPreview(s);
          setState('previewed');
          return;
        }
        await new Promise((r) => setTimeout(r, 1_000));
      }
    } catch (e) {
      setError((e as Error).message);
      setState('idle');
    }
  };
  const run = () =>
    post(`/v1/drift-reports/${props.check.sessionId}/repair`, { dryRun: false }).then(
      () => setState('started'),
      (e: Error) => setError(e.message),
    );
  const dry = preview?.counts.dryRun as { objects: Record<string, Counts> } | undefined;
  return (
    <div>
      {error === undefined ? null : <Alert kind="error">{error}</Alert>}
      {state === 'idle' ? (
        <button type="button" class="slds-button slds-button_neutral" onClick={() => void start()}>
          Preview the repair
        </button>
      ) : null}
      {state === 'previewing' ? <Loading what="the repair's dry run" /> : null}
      {state === 'previewed' && dry !== undefined ? (
        <div>
          <p>The repair would write these records, then delete {num(extra)} extra record(s):</p>
          <CountsTable caption="What the repair would write" objects={dry.objects} testId="repair-preview" />
          <button type="button" class="slds-button slds-button_brand" onClick={() => void run()}>
            Run the repair
          </button>
        </div>
      ) : null}
      {state === 'started' ? <Alert kind="success">Repair started: see Sessions.</Alert> : null}
    </div>
  );
}

export function Drift() {
  const [reports, setReports] = useState<Summary[] | undefined>(undefined);
  const [open, setOpen] = useState<Full | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const show = (id: string) =>
    get<Full>(`/v1/drift-reports/${id}`).then(setOpen, (e: Error) => setError(e.message));
  useEffect(() => {
    get<{ reports: Summary[] }>('/v1/drift-reports').then(
      (r) => {
        setReports(r.reports);
        if (r.reports[0] !== undefined) void show(r.reports[0].sessionId);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  return (
    <div>
      <h1 class="slds-text-heading_large slds-m-bottom_small">Drift</h1>
      {error === undefined ? null : <Alert kind="error">{error}</Alert>}
      {reports === undefined ? <Loading what="drift checks" /> : null}
      {reports?.length === 0 ? <p>No drift check yet (zuora-sync drift, or DRIFT_SCHEDULE).</p> : null}
      {reports !== undefined && reports.length > 0 ? (
        <DataTable
          caption="Drift checks, newest first"
          columns={['Checked', 'Trigger', 'Accounts checked', 'Drifted accounts', 'Records differing']}
          class="slds-m-bottom_medium"
        >
          {reports.map((r) => (
            <tr key={r.sessionId} aria-selected={open?.sessionId === r.sessionId}>
              <th scope="row">
                <button type="button" class="slds-button" onClick={() => void show(r.sessionId)}>
                  {when(r.checkedAt)}
                </button>
              </th>
              <td>{r.trigger}</td>
              <td>{num(r.checkedAccounts)}</td>
              <td>{num(r.driftedAccounts)}</td>
              <td>{num(r.driftedRecords)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {open === undefined ? null : (
        <Card title={`Drift check of ${when(open.checkedAt)}`} id="drift-check">
          <CountsTable caption="Drift per object" objects={open.report.objects} testId="drift-objects" />
          <h2 class="slds-text-heading_small slds-m-top_medium">
            {num(open.driftedAccounts)} drifted billing account(s)
          </h2>
          <Accounts changes={open.changes} />
          {open.moreChanges > 0 ? (
            <p>… and {num(open.moreChanges)} more in the check's NDJSON file.</p>
          ) : null}
          {open.driftedAccounts > 0 ? <Repair key={open.sessionId} check={open} /> : null}
        </Card>
      )}
    </div>
  );
}
