// Starting a session: choose full, incremental or backfill, see what it will do (preview), then confirm.
import { useState } from 'preact/hooks';
import { ApiError, post } from '../api.js';
import { Alert, Select, TextInput } from '../components/ui.js';
import { navigate } from '../router.js';

interface PreviewItem {
  scope: string;
  entityId: string;
  trigger: string;
  mode: string;
  since: string;
  objects: string[];
  refusedBecause: string | null;
}

const list = (v: string) => v.split(/[\s,]+/).filter((x) => x !== '');

export function StartSession(props: { onClose: () => void }) {
  const [kind, setKind] = useState('incremental');
  const [scope, setScope] = useState('accounts');
  const [accounts, setAccounts] = useState('');
  const [objects, setObjects] = useState('');
  const [since, setSince] = useState('');
  const [preview, setPreview] = useState<PreviewItem[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const backfill =
    kind === 'backfill'
      ? {
          ...(list(accounts).length === 0 ? {} : { accountIds: list(accounts) }),
          ...(list(objects).length === 0 ? {} : { objects: list(objects) }),
          ...(since === '' ? {} : { since }),
        }
      : undefined;
  const body = {
    scope,
    ...(kind === 'full' || kind === 'incremental' ? { mode: kind } : {}),
    ...(backfill === undefined ? {} : { backfill }),
  };
  const doPreview = async () => {
    setError(undefined);
    try {
      setPreview((await post<{ sessions: PreviewItem[] }>('/v1/syncs/preview', body)).sessions);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const start = async () => {
    setError(undefined);
    try {
      const ids =
        backfill === undefined
          ? (await post<{ sessions: { id: string }[] }>('/v1/syncs', { scope, mode: kind })).sessions.map(
              (s) => s.id,
            )
          : (await post<{ sessionIds: string[] }>('/v1/backfills', { scope, ...backfill })).sessionIds;
      props.onClose();
      navigate(ids.length === 1 ? `/console/sessions/${ids[0] ?? ''}` : '/console/sessions');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };
  return (
    <>
      <section
        role="dialog"
        aria-modal="true"
        aria-labelledby="start-heading"
        class="slds-modal slds-fade-in-open"
      >
        <div class="slds-modal__container">
          <div class="slds-modal__header">
            <h2 id="start-heading" class="slds-modal__title slds-hyphenate">
              Start a session
            </h2>
          </div>
          <div class="slds-modal__content slds-p-around_medium">
            {error === undefined ? null : <Alert kind="error">{error}</Alert>}
            <Select
              id="start-kind"
              label="Kind"
              value={kind}
              onChange={(v) => {
                setKind(v);
                setPreview(undefined);
              }}
              options={[
                ['incremental', 'Incremental'],
                ['full', 'Full'],
                ['backfill', 'Backfill'],
              ]}
            />
            <Select
              id="start-scope"
              label="Scope"
              value={scope}
              onChange={(v) => {
                setScope(v);
                setPreview(undefined);
              }}
              options={[
                ['accounts', 'Accounts & related objects'],
                ['catalog', 'Product catalog'],
              ]}
            />
            {kind === 'backfill' ? (
              <>
                <TextInput
                  id="start-accounts"
                  label="Zuora account ids (optional)"
                  value={accounts}
                  onInput={setAccounts}
                />
                <TextInput
                  id="start-objects"
                  label="Objects (optional)"
                  value={objects}
                  onInput={setObjects}
                  placeholder="Invoice, Payment__c"
                />
                <TextInput
                  id="start-since"
                  label="Updated since (optional)"
                  type="date"
                  value={since}
                  onInput={setSince}
                />
              </>
            ) : null}
            {preview === undefined ? null : (
              <div class="slds-m-top_medium" data-testid="start-preview">
                <h3 class="slds-text-heading_small">This will start:</h3>
                <ul class="slds-list_dotted">
                  {preview.map((p) => (
                    <li key={`${p.scope}${p.entityId}`}>
                      a {p.mode} {p.trigger} session of {p.scope}
                      {p.entityId === '' ? '' : ` (entity ${p.entityId})`} reading {String(p.objects.length)}{' '}
                      Zuora objects changed since {p.since.slice(0, 10)}
                      {p.refusedBecause === null ? '' : ` — refused now: ${p.refusedBecause}`}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <div class="slds-modal__footer">
            <button type="button" class="slds-button slds-button_neutral" onClick={props.onClose}>
              Cancel
            </button>
            {preview === undefined ? (
              <button type="button" class="slds-button slds-button_brand" onClick={() => void doPreview()}>
                Review
              </button>
            ) : (
              <button type="button" class="slds-button slds-button_brand" onClick={() => void start()}>
                Confirm and start
              </button>
            )}
          </div>
        </div>
      </section>
      <div class="slds-backdrop slds-backdrop_open" role="presentation"></div>
    </>
  );
}
