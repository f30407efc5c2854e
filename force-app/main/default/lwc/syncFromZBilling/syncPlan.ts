// What the "Sync Data from ZBilling" action offers for a record, how the user's picks respect the UI limit,
// and how the service's answer reads in plain words. Pure functions: tested without a DOM.
import { describeError } from 'c/syncErrorText';

export type PlanMode = 'single' | 'all' | 'choose' | 'empty' | 'unavailable';

export interface SyncPlan {
  mode: PlanMode;
  message: string;
}

/** Decides what the action does: one billing account, all of an account's, a user choice, or none yet. */
export function planSync(isAccount: boolean, list: SyncApex.BillingAccountList): SyncPlan {
  if (!isAccount) {
    return list.billingAccounts.length === 1
      ? {
          mode: 'single',
          message: `Billing account ${list.billingAccounts[0]?.name ?? ''} will be synced from Zuora.`,
        }
      : { mode: 'unavailable', message: 'This billing account was not found or is not visible to you.' };
  }
  if (list.totalCount === 0) {
    return {
      mode: 'empty',
      message:
        'This account has no billing accounts in Salesforce yet. Syncing asks Zuora for every billing account whose CRM Account ID is this account.',
    };
  }
  if (list.totalCount <= list.uiLimit) {
    const noun = list.totalCount === 1 ? 'billing account' : `${list.totalCount} billing accounts`;
    return { mode: 'all', message: `The ${noun} of this account will be synced from Zuora.` };
  }
  return {
    mode: 'choose',
    message: `This account has ${list.totalCount} billing accounts, but one sync from Salesforce can include at most ${list.uiLimit}. Choose up to ${list.uiLimit} below.`,
  };
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
  if (refused) return `You can choose at most ${limit} billing accounts for one sync.`;
  if (count === limit) return `${count} of ${limit} selected: the most one sync can include.`;
  return `${count} of ${limit} selected.`;
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
  return result.zuoraId ? `Zuora account ${result.zuoraId}` : `Record ${result.objectId}`;
}

/** The result screen: a summary sentence and one row per billing account. */
export function describeOutcome(
  outcome: SyncApex.SyncOutcome,
  accounts: readonly SyncApex.BillingAccountRow[],
): OutcomeView {
  if (outcome.errorCode) {
    return {
      summary: `Nothing was synced. ${describeError(outcome.errorCode, outcome.errorMessage)}`,
      tone: 'error',
      rows: [],
    };
  }
  if (outcome.queued) {
    return {
      summary:
        'The sync was queued and runs in a moment. The sync status panel shows the result when it finishes.',
      tone: 'info',
      rows: [],
    };
  }
  const rows: ResultRow[] = outcome.results.map((result, index) => ({
    key: `${result.objectId}-${index}`,
    name: nameFor(result, accounts),
    statusLabel: result.success ? 'Synced' : result.status === 'Queued' ? 'Queued' : 'Failed',
    message: result.success ? 'Up to date with Zuora.' : describeError(result.errorCode, result.errorMessage),
    tone: result.success ? 'success' : 'error',
  }));
  const failed = rows.filter((row) => row.tone === 'error').length;
  const total = rows.length;
  if (total === 0) {
    return { summary: 'Zuora found no billing accounts to sync for this record.', tone: 'info', rows };
  }
  if (failed === 0) {
    return {
      summary: total === 1 ? 'The billing account was synced.' : `All ${total} billing accounts were synced.`,
      tone: 'success',
      rows,
    };
  }
  if (failed === total) {
    return {
      summary:
        total === 1
          ? 'The billing account could not be synced.'
          : `None of the ${total} billing accounts could be synced.`,
      tone: 'error',
      rows,
    };
  }
  return {
    summary: `${total - failed} of ${total} billing accounts were synced; ${failed} failed.`,
    tone: 'error',
    rows,
  };
}
