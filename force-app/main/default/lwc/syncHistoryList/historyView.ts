// How recent sync sessions read in the history list. Pure functions: tested without a DOM.
import { describeError } from 'c/syncErrorText';
import { LABELS, format } from 'c/syncLabels';

export const DEFAULT_MAX_ROWS = 10;
export const MAX_ROWS = 50;

export interface FailureView {
  id: string;
  label: string;
  message: string;
}

export interface HistoryRowView {
  id: string;
  url: string;
  name: string;
  startedOn: string | null;
  syncType: string;
  scope: string;
  status: string;
  statusClass: string;
  processed: number;
  succeeded: number;
  failed: number;
  syncErrorText: string | null;
  failures: FailureView[];
  hasFailures: boolean;
  failuresId: string;
}

const STATUS_CLASS: Record<string, string> = {
  Finished: 'slds-badge slds-theme_success',
  'Finished with Errors': 'slds-badge slds-theme_warning',
  Failure: 'slds-badge slds-theme_error',
  Cancelled: 'slds-badge',
  Queued: 'slds-badge slds-badge_lightest',
  Running: 'slds-badge slds-badge_inverse',
};

/** A usable row count from the page builder's value: 1..50, default 10. */
export function clampMaxRows(value: unknown): number {
  const parsed = typeof value === 'number' ? value : Number.parseInt(String(value ?? ''), 10);
  if (!Number.isFinite(parsed) || parsed < 1) return DEFAULT_MAX_ROWS;
  return Math.min(Math.trunc(parsed), MAX_ROWS);
}

function failureView(failure: SyncApex.FailureRow): FailureView {
  const what = failure.objectType ?? 'Record';
  const which = failure.salesforceId ?? failure.zuoraId ?? '';
  return {
    id: failure.id,
    label: which ? `${what} ${which}` : what,
    message: describeError(failure.errorCode, failure.errorMessage),
  };
}

export function toHistoryRows(rows: readonly SyncApex.SyncHistoryRow[]): HistoryRowView[] {
  return rows.map((row) => {
    const failures = (row.failures ?? []).map(failureView);
    const status = row.status ?? LABELS.unknownStatus;
    return {
      id: row.id,
      url: `/lightning/r/Sync_History__c/${row.id}/view`,
      name: row.name ?? row.id,
      startedOn: row.startedOn ?? null,
      syncType: row.syncType ?? '—',
      scope: row.scope ?? '—',
      status,
      statusClass: STATUS_CLASS[status] ?? 'slds-badge',
      processed: row.processed ?? 0,
      succeeded: row.succeeded ?? 0,
      failed: row.failed ?? 0,
      syncErrorText: row.syncError ? row.syncError.trim() : null,
      failures,
      hasFailures: failures.length > 0,
      failuresId: `failures-${row.id}`,
    };
  });
}

/** The label of the button that shows or hides a session's failures. */
export function failureToggleLabel(count: number, expanded: boolean): string {
  const noun = count === 1 ? LABELS.oneFailure : format(LABELS.manyFailures, count);
  return format(expanded ? LABELS.hideFailures : LABELS.showFailures, noun);
}
