// Failures grouped by error code (what it means, how to fix it), filters, the records of a group with links
// to Zuora and Salesforce, retry of the selected records or of a whole code, and export (CSV, NDJSON).
import { useEffect, useState } from 'preact/hooks';
import { ApiError, get, post, query } from '../api.js';
import { Alert, Badge, DataTable, Loading, TextInput } from '../components/ui.js';
import { num, when } from '../format.js';
import { linkProps } from '../router.js';

interface Group {
  code: string;
  count: number;
  lastFailedAt: string;
  exampleMessage: string;
  objects: { object: string; count: number }[];
  explanation: {
    title: string;
    explanation: string;
    fix: string;
    retriesAutomatically: boolean;
    zuoraCode: string;
  };
}

interface Failure {
  id: number;
  object: string;
  zuoraObject: string;
  externalId: string;
  zuoraId: string | null;
  accountId: string | null;
  sessionId: string | null;
  code: string;
  message: string;
  attempts: number;
  lastFailedAt: string;
}

interface Link {
  failureId: number;
  salesforceId: string | null;
  salesforceUrl: string | null;
  zuoraUrl: string | null;
}

type Filter = { object: string; code: string; account: string; session: string; record: string };

const initial = (): Filter => {
  const p = new URLSearchParams(location.search);
  return {
    object: p.get('object') ?? '',
    code: p.get('code') ?? '',
    account: p.get('account') ?? '',
    session: p.get('session') ?? '',
    record: p.get('record') ?? '',
  };
};

function GroupRows(props: { group: Group; filter: Filter; onRetried: (msg: string) => void }) {
  const [rows, setRows] = useState<Failure[] | undefined>(undefined);
  const [links, setLinks] = useState<Map<number, Link>>(new Map());
  const [selected, setSelected] = useState<Set<number>>(new Set());
  useEffect(() => {
    void get<{ failures: Failure[] }>(
      `/v1/failures${query({ ...props.filter, code: props.group.code, limit: 50 })}`,
    ).then(async (r) => {
      setRows(r.failures);
      if (r.failures.length === 0) return;
      const l = await get<{ links: Link[] }>(
        `/v1/failures/links?ids=${r.failures.map((f) => f.id).join(',')}`,
      ).catch(() => ({ links: [] }));
      setLinks(new Map(l.links.map((x) => [x.failureId, x])));
    });
  }, [props.group.code]);
  const retry = async (body: unknown) => {
    try {
      const r = await post<{
        sessions: { id: string; records: number }[];
        skipped: { id: number; reason: string }[];
      }>('/v1/failures/retry', body);
      props.onRetried(
        `Retry started: ${String(r.sessions.reduce((n, s) => n + s.records, 0))} records in ${String(r.sessions.length)} session(s)` +
          (r.skipped.length === 0
            ? '.'
            : `; ${String(r.skipped.length)} not retried (${r.skipped[0]?.reason ?? ''}).`),
      );
    } catch (e) {
      props.onRetried(`Retry refused: ${e instanceof ApiError ? e.message : String(e)}`);
    }
  };
  if (rows === undefined) return <Loading what="the failures" />;
  const toggle = (id: number) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  return (
    <div class="slds-m-top_small">
      <div
        class="slds-button-group slds-m-bottom_small"
        role="group"
        aria-label={`Actions on ${props.group.code}`}
      >
        <button
          type="button"
          class="slds-button slds-button_neutral"
          disabled={selected.size === 0}
          onClick={() => void retry({ ids: [...selected] })}
        >
          Retry selected ({String(selected.size)})
        </button>
        <button
          type="button"
          class="slds-button slds-button_brand"
          onClick={() => void retry({ filter: { ...clean(props.filter), code: props.group.code } })}
        >
          Retry all {num(props.group.count)} with {props.group.code}
        </button>
      </div>
      <div class="console-wrap">
        <DataTable
          caption={<>Failed records with {props.group.code} (newest 50)</>}
          columns={['Object', 'Zuora id', 'Salesforce id', 'Account', 'Message', 'Attempts', 'Last failed']}
          selectColumn
        >
          {rows.map((f) => {
            const link = links.get(f.id);
            return (
              <tr key={f.id}>
                <td>
                  <input
                    type="checkbox"
                    id={`sel-${String(f.id)}`}
                    checked={selected.has(f.id)}
                    onChange={() => toggle(f.id)}
                    aria-label={`Select ${f.object} ${f.externalId}`}
                  />
                </td>
                <td>{f.object}</td>
                <td>
                  {link?.zuoraUrl == null ? (
                    (f.zuoraId ?? f.externalId)
                  ) : (
                    <a href={link.zuoraUrl} target="_blank" rel="noreferrer">
                      {f.zuoraId}
                    </a>
                  )}
                </td>
                <td>
                  {link?.salesforceUrl == null ? (
                    (link?.salesforceId ?? 'not in Salesforce')
                  ) : (
                    <a href={link.salesforceUrl} target="_blank" rel="noreferrer">
                      {link.salesforceId}
                    </a>
                  )}
                </td>
                <td>
                  {f.accountId === null ? (
                    '–'
                  ) : (
                    <a {...linkProps(`/console/failures?account=${f.accountId}`)}>
                      {f.accountId.slice(0, 10)}…
                    </a>
                  )}
                </td>
                <td class="slds-cell-wrap">{f.message}</td>
                <td>{f.attempts}</td>
                <td>{when(f.lastFailedAt)}</td>
              </tr>
            );
          })}
        </DataTable>
      </div>
    </div>
  );
}

const clean = (f: Filter) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== '')) as Partial<Filter>;

export function Failures() {
  const [filter, setFilter] = useState<Filter>(initial);
  const [groups, setGroups] = useState<{ total: number; groups: Group[] } | undefined>(undefined);
  const [open, setOpen] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const load = () =>
    get<{ total: number; groups: Group[] }>(`/v1/failures/groups${query(filter)}`).then(setGroups);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 5_000);
    return () => clearInterval(timer);
  }, [filter]);
  const set = (k: keyof Filter) => (v: string) => setFilter({ ...filter, [k]: v });
  const exportHref = (format: string) => `/v1/failures/export${query({ ...filter, format })}`;
  return (
    <div>
      <div class="slds-grid slds-grid_align-spread slds-m-bottom_small">
        <h1 class="slds-text-heading_large">Failures</h1>
        <div>
          <a class="slds-button slds-button_neutral" href={exportHref('csv')} download>
            Export CSV
          </a>
          <a class="slds-button slds-button_neutral" href={exportHref('ndjson')} download>
            Export NDJSON
          </a>
        </div>
      </div>
      <form
        class="console-filters slds-m-bottom_medium"
        aria-label="Failure filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <TextInput id="ff-object" label="Salesforce object" value={filter.object} onInput={set('object')} />
        <TextInput id="ff-code" label="Error code" value={filter.code} onInput={set('code')} />
        <TextInput id="ff-account" label="Zuora account id" value={filter.account} onInput={set('account')} />
        <TextInput id="ff-session" label="Session id" value={filter.session} onInput={set('session')} />
        <TextInput
          id="ff-record"
          label="Zuora or external id"
          value={filter.record}
          onInput={set('record')}
        />
      </form>
      {message === undefined ? null : <Alert kind="info">{message}</Alert>}
      {groups === undefined ? (
        <Loading what="failures" />
      ) : groups.groups.length === 0 ? (
        <Alert kind="success">No open failures match.</Alert>
      ) : (
        <div>
          <p class="slds-m-bottom_small" data-testid="failures-total">
            {num(groups.total)} open failures in {String(groups.groups.length)} groups
          </p>
          <ul class="slds-accordion">
            {groups.groups.map((g) => (
              <li class="slds-accordion__list-item" key={g.code}>
                <section class={`slds-accordion__section${open === g.code ? ' slds-is-open' : ''}`}>
                  <h2 class="slds-accordion__summary">
                    <button
                      type="button"
                      class="slds-button slds-accordion__summary-action"
                      aria-expanded={open === g.code}
                      aria-controls={`group-${g.code}`}
                      onClick={() => setOpen(open === g.code ? undefined : g.code)}
                    >
                      <span class="slds-accordion__summary-content">
                        {num(g.count)} × {g.code}: {g.explanation.title}{' '}
                        <Badge>{g.explanation.zuoraCode}</Badge>
                      </span>
                    </button>
                  </h2>
                  <div class="slds-accordion__content" id={`group-${g.code}`} hidden={open !== g.code}>
                    <p>
                      <strong>What it means:</strong> {g.explanation.explanation}
                    </p>
                    <p>
                      <strong>Fix:</strong> {g.explanation.fix}
                      {g.explanation.retriesAutomatically ? ' (the next session retries it by itself)' : ''}
                    </p>
                    <p class="slds-text-color_weak">
                      Objects: {g.objects.map((o) => `${o.object} (${num(o.count)})`).join(', ')} · last{' '}
                      {when(g.lastFailedAt)} · e.g. "{g.exampleMessage}"
                    </p>
                    {open === g.code ? (
                      <GroupRows
                        group={g}
                        filter={filter}
                        onRetried={(m) => {
                          setMessage(m);
                          void load();
                        }}
                      />
                    ) : null}
                  </div>
                </section>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
