// What the "Sync Data from ZBilling" action offers for a record, how the user's picks respect the UI limit,
// and how the service's answer reads in plain words. Pure functions: tested without a DOM.
import { describeError } from 'c/syncErrorText';
import { LABELS, format } from 'c/syncLabels';

export type PlanMode = 'single' | 'all' | 'choose' | 'empty' | 'unavailable';

export interface SyncPlan {
  mode: PlanMode;
  message: string;
}

/** Decides what the action does: one billing account, all of an account's, a user choice, or none yet. */
export function planSync(isAccount: boolean, list: SyncApex.BillingAccountList): SyncPlan {
  if (!isAccount) {
    return list.billingAccounts.length === 1
      ? { mode: 'single', message: format(LABELS.planSingle, list.billingAccounts[0]?.name ?? '') }
      : { mode: 'unavailable', message: LABELS.planUnavailable };
  }
  if (list.totalCount === 0) {
    return { mode: 'empty', message: LABELS.planEmpty };
  }
  if (list.totalCount <= list.uiLimit) {
    return {
      mode: 'all',
      message: list.totalCount === 1 ? LABELS.planAllOne : format(LABELS.planAll, list.totalCount),
    };
  }
  return { mode: 'choose', message: format(LABELS.planChoose, list.totalCount, list.uiLimit) };
}

export interface Selection {
  selected: string[];
  refused: boolean;
}

/** Adds or removes one billing account; refuses (and says so) when the limit is already reached. */
export function toggleSelection(
  selected: readonly string[],
  id: string,
  checked: boolean,
  limit: number,
): Selection {
  const without = selected.filter((item) => item !== id);
  if (!checked) return { selected: without, refused: false };
  if (without.length >= limit) return { selected: without, refused: true };
  return { selected: [...without, id], refused: false };
}

/** The live counter under the chooser. */
export function selectionMessage(count: number, limit: number, refused: boolean): string {
  if (refused) return format(LABELS.selectionRefused, limit);
  return format(count === limit ? LABELS.selectionFull : LABELS.selectionCount, count, limit);
}

export type ResultTone = 'success' | 'error' | 'info';

export interface ResultRow {
  key: string;
  name: string;
  statusLabel: string;
  message: string;
  tone: ResultTone;
}

export interface OutcomeView {
  summary: string;
  tone: ResultTone;
  rows: ResultRow[];
}

function nameFor(result: SyncApex.SyncResult, accounts: readonly SyncApex.BillingAccountRow[]): string {
  const ids = [result.salesforceId, result.objectId, result.zuoraId].filter((id): id is string => !!id);
  for (const id of ids) {
    const match = accounts.find((account) => account.id === id || account.zuoraId === id);
    if (match) return match.accountNumber ? `${match.name} (${match.accountNumber})` : match.name;
  }
  return result.zuoraId
    ? format(LABELS.zuoraAccount, result.zuoraId)
    : format(LABELS.record, result.objectId);
}

/** The result screen: a summary sentence and one row per billing account. */
export function describeOutcome(
  outcome: SyncApex.SyncOutcome,
  accounts: readonly SyncApex.BillingAccountRow[],
): OutcomeView {
  if (outcome.errorCode) {
    return {
      summary: format(LABELS.nothingSynced, describeError(outcome.errorCode, outcome.errorMessage)),
      tone: 'error',
      rows: [],
    };
  }
  if (outcome.queued) {
    return { summary: LABELS.queued, tone: 'info', rows: [] };
  }
  const rows: ResultRow[] = outcome.results.map((result, index) => ({
    key: `${result.objectId}-${index}`,
    name: nameFor(result, accounts),
    statusLabel: result.success
      ? LABELS.statusSynced
      : result.status === 'Queued'
        ? LABELS.statusQueued
        : LABELS.statusFailed,
    message: result.success ? LABELS.upToDate : describeError(result.errorCode, result.errorMessage),
    tone: result.success ? 'success' : 'error',
  }));
  const failed = rows.filter((row) => row.tone === 'error').length;
  const total = rows.length;
  if (total === 0) {
    return { summary: LABELS.noneFound, tone: 'info', rows };
  }
  if (failed === 0) {
    return {
      summary: total === 1 ? LABELS.oneSynced : format(LABELS.allSynced, total),
      tone: 'success',
      rows,
    };
  }
  if (failed === total) {
    return {
      summary: total === 1 ? LABELS.oneFailed : format(LABELS.noneSynced, total),
      tone: 'error',
      rows,
    };
  }
  return {
    summary: format(LABELS.someFailed, total - failed, total, failed),
    tone: 'error',
    rows,
  };
}

/** The records a sync may have changed: the record the action ran on and every billing account it synced. */
export function updatedRecordIds(recordId: string, outcome: SyncApex.SyncOutcome): string[] {
  const ids = new Set<string>([recordId]);
  for (const result of outcome.results) {
    if (result.salesforceId) ids.add(result.salesforceId);
  }
  return [...ids];
}
