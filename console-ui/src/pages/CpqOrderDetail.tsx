// One CPQ order on the CPQ page: what the service recorded (state, reason and fix, attempts, Zuora order) and
// what Salesforce holds after the write-back (Zuora account and subscription numbers, last error), with a
// Retry button for an order that failed: it is sent again now through the engine (a CPQ session of its own).
import { useEffect, useState } from 'preact/hooks';
import { get, post } from '../api.js';
import { Alert, Card, Loading } from '../components/ui.js';
import { num, when } from '../format.js';

export interface CpqReason {
  code: string;
  title: string;
  fix: string | null;
}

interface Detail {
  orderId: string;
  orderNumber: string;
  accountId: string;
  state: string;
  status: string;
  reason: CpqReason | null;
  attempts: number;
  zuoraOrderNumber: string | null;
  sessionId: string | null;
  activatedAt: string | null;
  salesforce: {
    zuoraAccountNumber: string | null;
    subscriptionNumbers: string[];
    lastError: string | null;
    lastSyncTime: string | null;
  } | null;
  salesforceError: string | null;
}

interface RetryAnswer {
  status: string;
  zuoraOrderNumber: string | null;
  errorCode: string | null;
  message: string;
  fix: string | null;
}

function Field(props: { label: string; value: string }) {
  return (
    <div class="slds-col slds-size_1-of-2 slds-m-bottom_x-small">
      <dt class="slds-text-title">{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

export function CpqOrderDetail(props: { orderId: string; onChanged: () => void }) {
  const [d, setD] = useState<Detail | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [retry, setRetry] = useState<RetryAnswer | 'running' | undefined>(undefined);
  const load = () =>
    get<Detail>(`/v1/cpq/orders/${props.orderId}`).then(setD, (e: Error) => setError(e.message));
  useEffect(() => {
    setD(undefined);
    setRetry(undefined);
    void load();
  }, [props.orderId]);
  const send = async () => {
    setRetry('running');
    try {
      setRetry(await post<RetryAnswer>(`/v1/cpq/orders/${props.orderId}/retry`));
      await load();
      props.onChanged();
    } catch (e) {
      setRetry(undefined);
      setError((e as Error).message);
    }
  };
  if (error !== undefined) return <Alert kind="error">{error}</Alert>;
  if (d === undefined) return <Loading what="the order" />;
  const sf = d.salesforce;
  const canRetry = d.state === 'failed' || d.state === 'pending';
  return (
    <Card
      title={`Order ${d.orderNumber}`}
      id="cpq-order"
      actions={
        canRetry ? (
          <button
            type="button"
            class="slds-button slds-button_brand"
            disabled={retry === 'running'}
            onClick={() => void send()}
          >
            {retry === 'running' ? 'Sending…' : 'Retry now'}
          </button>
        ) : null
      }
    >
      {retry !== undefined && retry !== 'running' ? (
        <Alert kind={retry.status === 'Synced' ? 'success' : 'warning'}>
          Retry: {retry.status}. {retry.message}
        </Alert>
      ) : null}
      <dl class="slds-grid slds-wrap" aria-label="Order details">
        <Field label="State" value={d.state} />
        <Field label="Attempts" value={num(d.attempts)} />
        <Field label="Zuora order number" value={d.zuoraOrderNumber ?? '–'} />
        <Field label="Zuora account number" value={sf?.zuoraAccountNumber ?? '–'} />
        <Field
          label="Subscriptions"
          value={sf === null || sf.subscriptionNumbers.length === 0 ? '–' : sf.subscriptionNumbers.join(', ')}
        />
        <Field label="Activated" value={when(d.activatedAt)} />
        <Field
          label="Last error"
          value={sf?.lastError ?? (d.reason === null ? '–' : `${d.reason.code}: ${d.reason.title}`)}
        />
        <Field label="Salesforce order Id" value={d.orderId} />
      </dl>
      {d.reason?.fix != null && d.state !== 'synced' ? (
        <p class="slds-m-top_small">
          <strong>How to fix:</strong> {d.reason.fix}
        </p>
      ) : null}
      {d.salesforceError === null ? null : <Alert kind="warning">{d.salesforceError}</Alert>}
    </Card>
  );
}
