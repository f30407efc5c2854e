// Every text the sync components show, from Custom Labels (force-app/main/default/labels), so an org can
// translate them in Translation Workbench; plus `format`, which fills the labels' {0}, {1}... placeholders.
// One module imports them all, so the components and their pure view modules share one set.

import L_AccountsToSync from '@salesforce/label/c.ZuoraSync_AccountsToSync';
import L_ActionTitle from '@salesforce/label/c.ZuoraSync_ActionTitle';
import L_AllSynced from '@salesforce/label/c.ZuoraSync_AllSynced';
import L_Close from '@salesforce/label/c.ZuoraSync_Close';
import L_Failed from '@salesforce/label/c.ZuoraSync_Failed';
import L_HideFailures from '@salesforce/label/c.ZuoraSync_HideFailures';
import L_HistoryCaption from '@salesforce/label/c.ZuoraSync_HistoryCaption';
import L_HistoryTitle from '@salesforce/label/c.ZuoraSync_HistoryTitle';
import L_LastError from '@salesforce/label/c.ZuoraSync_LastError';
import L_LastSyncStatus from '@salesforce/label/c.ZuoraSync_LastSyncStatus';
import L_LastSynced from '@salesforce/label/c.ZuoraSync_LastSynced';
import L_LoadingAccounts from '@salesforce/label/c.ZuoraSync_LoadingAccounts';
import L_LoadingHistory from '@salesforce/label/c.ZuoraSync_LoadingHistory';
import L_LoadingStatus from '@salesforce/label/c.ZuoraSync_LoadingStatus';
import L_ManyFailures from '@salesforce/label/c.ZuoraSync_ManyFailures';
import L_Never from '@salesforce/label/c.ZuoraSync_Never';
import L_NeverSyncedHint from '@salesforce/label/c.ZuoraSync_NeverSyncedHint';
import L_NoHistory from '@salesforce/label/c.ZuoraSync_NoHistory';
import L_NoneFound from '@salesforce/label/c.ZuoraSync_NoneFound';
import L_NoneSynced from '@salesforce/label/c.ZuoraSync_NoneSynced';
import L_NotSyncedYet from '@salesforce/label/c.ZuoraSync_NotSyncedYet';
import L_NothingSynced from '@salesforce/label/c.ZuoraSync_NothingSynced';
import L_OneFailed from '@salesforce/label/c.ZuoraSync_OneFailed';
import L_OneFailure from '@salesforce/label/c.ZuoraSync_OneFailure';
import L_OneSynced from '@salesforce/label/c.ZuoraSync_OneSynced';
import L_PlanAll from '@salesforce/label/c.ZuoraSync_PlanAll';
import L_PlanAllOne from '@salesforce/label/c.ZuoraSync_PlanAllOne';
import L_PlanChoose from '@salesforce/label/c.ZuoraSync_PlanChoose';
import L_PlanEmpty from '@salesforce/label/c.ZuoraSync_PlanEmpty';
import L_PlanSingle from '@salesforce/label/c.ZuoraSync_PlanSingle';
import L_PlanUnavailable from '@salesforce/label/c.ZuoraSync_PlanUnavailable';
import L_Processed from '@salesforce/label/c.ZuoraSync_Processed';
import L_Queued from '@salesforce/label/c.ZuoraSync_Queued';
import L_Record from '@salesforce/label/c.ZuoraSync_Record';
import L_RefreshHistory from '@salesforce/label/c.ZuoraSync_RefreshHistory';
import L_RefreshStatus from '@salesforce/label/c.ZuoraSync_RefreshStatus';
import L_RequestFailed from '@salesforce/label/c.ZuoraSync_RequestFailed';
import L_ResultsHeading from '@salesforce/label/c.ZuoraSync_ResultsHeading';
import L_ResultsList from '@salesforce/label/c.ZuoraSync_ResultsList';
import L_Scope from '@salesforce/label/c.ZuoraSync_Scope';
import L_SelectionCount from '@salesforce/label/c.ZuoraSync_SelectionCount';
import L_SelectionFull from '@salesforce/label/c.ZuoraSync_SelectionFull';
import L_SelectionRefused from '@salesforce/label/c.ZuoraSync_SelectionRefused';
import L_ShowFailures from '@salesforce/label/c.ZuoraSync_ShowFailures';
import L_ShowingFirst from '@salesforce/label/c.ZuoraSync_ShowingFirst';
import L_SomeFailed from '@salesforce/label/c.ZuoraSync_SomeFailed';
import L_Started from '@salesforce/label/c.ZuoraSync_Started';
import L_Status from '@salesforce/label/c.ZuoraSync_Status';
import L_StatusFailed from '@salesforce/label/c.ZuoraSync_StatusFailed';
import L_StatusQueued from '@salesforce/label/c.ZuoraSync_StatusQueued';
import L_StatusSynced from '@salesforce/label/c.ZuoraSync_StatusSynced';
import L_StatusTitle from '@salesforce/label/c.ZuoraSync_StatusTitle';
import L_Succeeded from '@salesforce/label/c.ZuoraSync_Succeeded';
import L_Sync from '@salesforce/label/c.ZuoraSync_Sync';
import L_SyncFailedCode from '@salesforce/label/c.ZuoraSync_SyncFailedCode';
import L_SyncFailedUnknown from '@salesforce/label/c.ZuoraSync_SyncFailedUnknown';
import L_Syncing from '@salesforce/label/c.ZuoraSync_Syncing';
import L_Type from '@salesforce/label/c.ZuoraSync_Type';
import L_UnknownStatus from '@salesforce/label/c.ZuoraSync_UnknownStatus';
import L_UpToDate from '@salesforce/label/c.ZuoraSync_UpToDate';
import L_ViewHistory from '@salesforce/label/c.ZuoraSync_ViewHistory';
import L_ZuoraAccount from '@salesforce/label/c.ZuoraSync_ZuoraAccount';
import L_Err_API_BUDGET_EXHAUSTED from '@salesforce/label/c.ZuoraSync_Err_API_BUDGET_EXHAUSTED';
import L_Err_DACO_02 from '@salesforce/label/c.ZuoraSync_Err_DACO_02';
import L_Err_FORBIDDEN from '@salesforce/label/c.ZuoraSync_Err_FORBIDDEN';
import L_Err_INSUFFICIENT_ACCESS_OR_READONLY from '@salesforce/label/c.ZuoraSync_Err_INSUFFICIENT_ACCESS_OR_READONLY';
import L_Err_INVALID_CRM_ACCOUNT_ID from '@salesforce/label/c.ZuoraSync_Err_INVALID_CRM_ACCOUNT_ID';
import L_Err_INVALID_FIELD from '@salesforce/label/c.ZuoraSync_Err_INVALID_FIELD';
import L_Err_INVALID_RESPONSE from '@salesforce/label/c.ZuoraSync_Err_INVALID_RESPONSE';
import L_Err_QUEUE_LIMIT_REACHED from '@salesforce/label/c.ZuoraSync_Err_QUEUE_LIMIT_REACHED';
import L_Err_REQUIRED_FIELD_MISSING from '@salesforce/label/c.ZuoraSync_Err_REQUIRED_FIELD_MISSING';
import L_Err_SERVICE_ERROR from '@salesforce/label/c.ZuoraSync_Err_SERVICE_ERROR';
import L_Err_SERVICE_NOT_FOUND from '@salesforce/label/c.ZuoraSync_Err_SERVICE_NOT_FOUND';
import L_Err_SERVICE_UNREACHABLE from '@salesforce/label/c.ZuoraSync_Err_SERVICE_UNREACHABLE';
import L_Err_STRING_TOO_LONG from '@salesforce/label/c.ZuoraSync_Err_STRING_TOO_LONG';
import L_Err_TOO_MANY_OBJECTS from '@salesforce/label/c.ZuoraSync_Err_TOO_MANY_OBJECTS';
import L_Err_UNABLE_TO_LOCK_ROW from '@salesforce/label/c.ZuoraSync_Err_UNABLE_TO_LOCK_ROW';
import L_Err_UNAUTHORIZED from '@salesforce/label/c.ZuoraSync_Err_UNAUTHORIZED';
import L_Err_UNAVAILABLE from '@salesforce/label/c.ZuoraSync_Err_UNAVAILABLE';
import L_Err_UNEXPECTED_ERROR from '@salesforce/label/c.ZuoraSync_Err_UNEXPECTED_ERROR';

export const LABELS = {
  accountsToSync: L_AccountsToSync,
  actionTitle: L_ActionTitle,
  allSynced: L_AllSynced,
  close: L_Close,
  failed: L_Failed,
  hideFailures: L_HideFailures,
  historyCaption: L_HistoryCaption,
  historyTitle: L_HistoryTitle,
  lastError: L_LastError,
  lastSyncStatus: L_LastSyncStatus,
  lastSynced: L_LastSynced,
  loadingAccounts: L_LoadingAccounts,
  loadingHistory: L_LoadingHistory,
  loadingStatus: L_LoadingStatus,
  manyFailures: L_ManyFailures,
  never: L_Never,
  neverSyncedHint: L_NeverSyncedHint,
  noHistory: L_NoHistory,
  noneFound: L_NoneFound,
  noneSynced: L_NoneSynced,
  notSyncedYet: L_NotSyncedYet,
  nothingSynced: L_NothingSynced,
  oneFailed: L_OneFailed,
  oneFailure: L_OneFailure,
  oneSynced: L_OneSynced,
  planAll: L_PlanAll,
  planAllOne: L_PlanAllOne,
  planChoose: L_PlanChoose,
  planEmpty: L_PlanEmpty,
  planSingle: L_PlanSingle,
  planUnavailable: L_PlanUnavailable,
  processed: L_Processed,
  queued: L_Queued,
  record: L_Record,
  refreshHistory: L_RefreshHistory,
  refreshStatus: L_RefreshStatus,
  requestFailed: L_RequestFailed,
  resultsHeading: L_ResultsHeading,
  resultsList: L_ResultsList,
  scope: L_Scope,
  selectionCount: L_SelectionCount,
  selectionFull: L_SelectionFull,
  selectionRefused: L_SelectionRefused,
  showFailures: L_ShowFailures,
  showingFirst: L_ShowingFirst,
  someFailed: L_SomeFailed,
  started: L_Started,
  status: L_Status,
  statusFailed: L_StatusFailed,
  statusQueued: L_StatusQueued,
  statusSynced: L_StatusSynced,
  statusTitle: L_StatusTitle,
  succeeded: L_Succeeded,
  sync: L_Sync,
  syncFailedCode: L_SyncFailedCode,
  syncFailedUnknown: L_SyncFailedUnknown,
  syncing: L_Syncing,
  type: L_Type,
  unknownStatus: L_UnknownStatus,
  upToDate: L_UpToDate,
  viewHistory: L_ViewHistory,
  zuoraAccount: L_ZuoraAccount,
} as const;

/** Plain-words sentences for the service's and Salesforce's error codes, by code. */
export const ERROR_LABELS: Readonly<Record<string, string>> = {
  API_BUDGET_EXHAUSTED: L_Err_API_BUDGET_EXHAUSTED,
  'DACO-02': L_Err_DACO_02,
  FORBIDDEN: L_Err_FORBIDDEN,
  INSUFFICIENT_ACCESS_OR_READONLY: L_Err_INSUFFICIENT_ACCESS_OR_READONLY,
  INVALID_CRM_ACCOUNT_ID: L_Err_INVALID_CRM_ACCOUNT_ID,
  INVALID_FIELD: L_Err_INVALID_FIELD,
  INVALID_RESPONSE: L_Err_INVALID_RESPONSE,
  QUEUE_LIMIT_REACHED: L_Err_QUEUE_LIMIT_REACHED,
  REQUIRED_FIELD_MISSING: L_Err_REQUIRED_FIELD_MISSING,
  SERVICE_ERROR: L_Err_SERVICE_ERROR,
  SERVICE_NOT_FOUND: L_Err_SERVICE_NOT_FOUND,
  SERVICE_UNREACHABLE: L_Err_SERVICE_UNREACHABLE,
  STRING_TOO_LONG: L_Err_STRING_TOO_LONG,
  TOO_MANY_OBJECTS: L_Err_TOO_MANY_OBJECTS,
  UNABLE_TO_LOCK_ROW: L_Err_UNABLE_TO_LOCK_ROW,
  UNAUTHORIZED: L_Err_UNAUTHORIZED,
  UNAVAILABLE: L_Err_UNAVAILABLE,
  UNEXPECTED_ERROR: L_Err_UNEXPECTED_ERROR,
};

/** Fills `{0}`, `{1}`... with the values, as Apex's String.format does with a label. */
export function format(template: string, ...values: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = values[Number(index)];
    return value === undefined ? placeholder : String(value);
  });
}
