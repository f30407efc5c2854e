// How a billing account's sync status reads on its record page. Pure functions: tested without a DOM.
import { describeError } from 'c/syncErrorText';
import { LABELS } from 'c/syncLabels';

export interface StatusView {
  statusLabel: string;
  badgeClass: string;
  lastSyncedAt: string | null;
  errorText: string | null;
  historyUrl: string | null;
  neverSynced: boolean;
}

const BADGE_BY_STATUS: Record<string, string> = {
  Synced: 'slds-badge slds-theme_success',
  Pending: 'slds-badge slds-theme_warning',
  Failed: 'slds-badge slds-theme_error',
};

/** Apex stores the last error as "CODE: message"; the code picks the plain-words sentence. */
export function plainLastError(stored: string | null | undefined): string | null {
  if (!stored || !stored.trim()) return null;
  const match = /^([A-Za-z0-9_-]+): ([\s\S]*)$/.exec(stored.trim());
  return match ? describeError(match[1], match[2]) : stored.trim();
}

/** The Lightning URL of a Sync_History__c record. */
export function recordUrl(recordId: string | null | undefined): string | null {
  return recordId ? `/lightning/r/Sync_History__c/${recordId}/view` : null;
}

const LABEL_BY_STATUS: Record<string, string> = {
  Synced: LABELS.statusSynced,
  Failed: LABELS.statusFailed,
};

export function toStatusView(row: SyncApex.BillingAccountRow): StatusView {
  const status = row.lastSyncStatus ?? null;
  return {
    statusLabel: status ? (LABEL_BY_STATUS[status] ?? status) : LABELS.notSyncedYet,
    badgeClass: status ? (BADGE_BY_STATUS[status] ?? 'slds-badge') : 'slds-badge',
    lastSyncedAt: row.lastSyncedAt ?? null,
    errorText: status === 'Failed' ? plainLastError(row.lastSyncError) : null,
    historyUrl: recordUrl(row.lastSyncHistoryId),
    neverSynced: !status && !row.lastSyncedAt,
  };
}
