// What the "Send to Zuora" action says before a send (the order, or the account's orders, and their Zuora
// status) and after it (one row per order with the service's message and fix, or the Zuora requests of a
// preview), in plain words. Pure functions: tested without a DOM.
import { describeError } from 'c/syncErrorText';
import { format } from 'c/syncLabels';
import { CPQ_ERROR_LABELS, CPQ_LABELS } from 'c/cpqLabels';

export type Tone = 'success' | 'warning' | 'error' | 'info';

export interface SendPlan {
  message: string;
  hint: string;
}

export interface OrderLine {
  id: string;
  label: string;
  detail: string;
}

export interface RequestLine {
  key: string;
  title: string;
  body: string;
}

export interface ResultRow {
  key: string;
  title: string;
  statusLabel: string;
  tone: Tone;
  message: string;
  fix: string;
  details: string[];
  requests: RequestLine[];
  requestsLabel: string;
}

export interface OutcomeView {
  heading: string;
  summary: string;
  tone: Tone;
  rows: ResultRow[];
}

/** What the action will do from this record. */
export function planSend(context: CpqApex.SendContext): SendPlan {
  if (context.objectName === 'Order') {
    const order = context.orders[0];
    if (!order) return { message: CPQ_LABELS.planAccountEmpty, hint: '' };
    return {
      message: format(CPQ_LABELS.planOrder, order.orderNumber, order.status ?? ''),
      hint: order.activated ? '' : CPQ_LABELS.notActivatedHint,
    };
  }
  if (context.totalCount === 0) return { message: CPQ_LABELS.planAccountEmpty, hint: '' };
  return { message: format(CPQ_LABELS.planAccount, context.maxOrders), hint: '' };
}

/** The account's orders, each with where it stands in Zuora. */
export function orderLines(context: CpqApex.SendContext): OrderLine[] {
  return context.orders.map((order) => {
    const zuora = order.zuoraSyncStatus
      ? format(CPQ_LABELS.zuoraStatus, order.zuoraSyncStatus)
      : CPQ_LABELS.neverSent;
    return {
      id: order.id,
      label: format(CPQ_LABELS.orderLabel, order.orderNumber),
      detail: [order.status, zuora].filter((part) => !!part).join(' · '),
    };
  });
}

/** "Showing the 50 most recent of 73 orders." when the list is cut. */
export function moreThanListed(context: CpqApex.SendContext): string {
  if (context.totalCount <= context.orders.length) return '';
  return format(CPQ_LABELS.showingRecent, context.orders.length, context.totalCount);
}

/** A request-level failure in plain words: the CPQ sentence, else the shared one, else the service's message. */
export function describeSendError(code?: string | null, message?: string | null): string {
  const known = code ? CPQ_ERROR_LABELS[code.toUpperCase()] : undefined;
  return known ?? describeError(code, message);
}

const STATUS_LABELS: Readonly<Record<CpqApex.OrderResult['status'], string>> = {
  Synced: CPQ_LABELS.statusSynced,
  Waiting: CPQ_LABELS.statusWaiting,
  Failed: CPQ_LABELS.statusFailed,
  Preview: CPQ_LABELS.statusPreview,
};

const TONES: Readonly<Record<CpqApex.OrderResult['status'], Tone>> = {
  Synced: 'success',
  Waiting: 'warning',
  Failed: 'error',
  Preview: 'info',
};

function toRow(result: CpqApex.OrderResult, index: number): ResultRow {
  const number = result.orderNumber ?? result.orderId;
  const details = [
    result.zuoraOrderNumber ? format(CPQ_LABELS.zuoraOrder, result.zuoraOrderNumber) : '',
    result.zuoraAccountNumber ? format(CPQ_LABELS.zuoraAccount, result.zuoraAccountNumber) : '',
    result.subscriptionNumbers?.length
      ? format(CPQ_LABELS.subscriptions, result.subscriptionNumbers.join(', '))
      : '',
  ].filter((detail) => detail !== '');
  return {
    key: `${result.orderId}-${index}`,
    title: format(CPQ_LABELS.orderLabel, number),
    statusLabel: STATUS_LABELS[result.status],
    tone: TONES[result.status],
    message:
      result.message?.trim() || (result.status === 'Synced' ? '' : describeError(result.errorCode, null)),
    fix: result.fix?.trim() ? format(CPQ_LABELS.fixPrefix, result.fix.trim()) : '',
    details,
    requests: (result.requests ?? []).map((request, position) => ({
      key: `${result.orderId}-${position}`,
      title: `${request.method} ${request.path}`,
      body: request.body ?? '',
    })),
    requestsLabel: format(CPQ_LABELS.requestsOf, number),
  };
}

function previewView(rows: ResultRow[]): OutcomeView {
  const requests = rows.reduce((sum, row) => sum + row.requests.length, 0);
  return {
    heading: CPQ_LABELS.previewHeading,
    summary:
      rows.length === 0 ? CPQ_LABELS.previewNone : format(CPQ_LABELS.previewSummary, requests, rows.length),
    tone: rows.some((row) => row.tone === 'error') ? 'error' : 'info',
    rows,
  };
}

function sendSummary(rows: readonly ResultRow[]): { summary: string; tone: Tone } {
  const count = (tone: Tone) => rows.filter((row) => row.tone === tone).length;
  const [synced, waiting, failed] = [count('success'), count('warning'), count('error')];
  const tone = failed > 0 ? 'error' : waiting > 0 ? 'warning' : 'success';
  if (rows.length === 0) return { summary: CPQ_LABELS.noneToSend, tone: 'info' };
  if (rows.length === 1) {
    const one = {
      success: CPQ_LABELS.oneSynced,
      warning: CPQ_LABELS.oneWaiting,
      error: CPQ_LABELS.oneFailed,
    };
    return { summary: one[tone], tone };
  }
  if (synced === rows.length) return { summary: format(CPQ_LABELS.allSynced, synced), tone };
  const parts = [format(CPQ_LABELS.countSynced, synced, rows.length)];
  if (waiting > 0) parts.push(format(CPQ_LABELS.countWaiting, waiting));
  if (failed > 0) parts.push(format(CPQ_LABELS.countFailed, failed));
  return { summary: parts.join(' '), tone };
}

/** The result screen: a summary sentence and one row per order. */
export function describeSend(outcome: CpqApex.SendOutcome): OutcomeView {
  const heading = outcome.dryRun ? CPQ_LABELS.previewHeading : CPQ_LABELS.resultsHeading;
  if (outcome.errorCode) {
    const reason = describeSendError(outcome.errorCode, outcome.errorMessage);
    return { heading, summary: format(CPQ_LABELS.nothingSent, reason), tone: 'error', rows: [] };
  }
  if (outcome.queued) return { heading, summary: CPQ_LABELS.queued, tone: 'info', rows: [] };
  const rows = outcome.results.map(toRow);
  if (outcome.dryRun) return previewView(rows);
  return { heading, ...sendSummary(rows), rows };
}

/** The records a send changed: the record the action ran on and every order the service wrote back. */
export function updatedRecordIds(recordId: string, outcome: CpqApex.SendOutcome): string[] {
  if (outcome.dryRun || outcome.errorCode || outcome.queued) return [];
  return [...new Set([recordId, ...outcome.results.map((result) => result.orderId)])];
}
