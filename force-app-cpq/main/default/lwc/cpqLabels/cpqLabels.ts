// Every text of the Send to Zuora action, from the CPQ part's Custom Labels (force-app-cpq/main/default/labels),
// so an org can translate them in Translation Workbench. The placeholder filler and the shared texts (Close, the
// error sentences of the on-demand codes) come from c/syncLabels; CPQ_ERROR_LABELS words the codes whose on-demand
// sentence would say "synced" where nothing was sent to Zuora.

import L_ActionTitle from '@salesforce/label/c.ZuoraSyncCpq_ActionTitle';
import L_AllSynced from '@salesforce/label/c.ZuoraSyncCpq_AllSynced';
import L_CountFailed from '@salesforce/label/c.ZuoraSyncCpq_CountFailed';
import L_CountSynced from '@salesforce/label/c.ZuoraSyncCpq_CountSynced';
import L_CountWaiting from '@salesforce/label/c.ZuoraSyncCpq_CountWaiting';
import L_FixPrefix from '@salesforce/label/c.ZuoraSyncCpq_FixPrefix';
import L_LoadingOrders from '@salesforce/label/c.ZuoraSyncCpq_LoadingOrders';
import L_NeverSent from '@salesforce/label/c.ZuoraSyncCpq_NeverSent';
import L_NoneToSend from '@salesforce/label/c.ZuoraSyncCpq_NoneToSend';
import L_NotActivatedHint from '@salesforce/label/c.ZuoraSyncCpq_NotActivatedHint';
import L_NothingSent from '@salesforce/label/c.ZuoraSyncCpq_NothingSent';
import L_OneFailed from '@salesforce/label/c.ZuoraSyncCpq_OneFailed';
import L_OneSynced from '@salesforce/label/c.ZuoraSyncCpq_OneSynced';
import L_OneWaiting from '@salesforce/label/c.ZuoraSyncCpq_OneWaiting';
import L_OrderLabel from '@salesforce/label/c.ZuoraSyncCpq_OrderLabel';
import L_OrdersOfAccount from '@salesforce/label/c.ZuoraSyncCpq_OrdersOfAccount';
import L_PlanAccount from '@salesforce/label/c.ZuoraSyncCpq_PlanAccount';
import L_PlanAccountEmpty from '@salesforce/label/c.ZuoraSyncCpq_PlanAccountEmpty';
import L_PlanOrder from '@salesforce/label/c.ZuoraSyncCpq_PlanOrder';
import L_Preview from '@salesforce/label/c.ZuoraSyncCpq_Preview';
import L_PreviewHeading from '@salesforce/label/c.ZuoraSyncCpq_PreviewHeading';
import L_PreviewNone from '@salesforce/label/c.ZuoraSyncCpq_PreviewNone';
import L_PreviewSummary from '@salesforce/label/c.ZuoraSyncCpq_PreviewSummary';
import L_Previewing from '@salesforce/label/c.ZuoraSyncCpq_Previewing';
import L_Queued from '@salesforce/label/c.ZuoraSyncCpq_Queued';
import L_RequestsOf from '@salesforce/label/c.ZuoraSyncCpq_RequestsOf';
import L_ResultsHeading from '@salesforce/label/c.ZuoraSyncCpq_ResultsHeading';
import L_ResultsList from '@salesforce/label/c.ZuoraSyncCpq_ResultsList';
import L_Send from '@salesforce/label/c.ZuoraSyncCpq_Send';
import L_Sending from '@salesforce/label/c.ZuoraSyncCpq_Sending';
import L_ShowingRecent from '@salesforce/label/c.ZuoraSyncCpq_ShowingRecent';
import L_StatusFailed from '@salesforce/label/c.ZuoraSyncCpq_StatusFailed';
import L_StatusPreview from '@salesforce/label/c.ZuoraSyncCpq_StatusPreview';
import L_StatusSynced from '@salesforce/label/c.ZuoraSyncCpq_StatusSynced';
import L_StatusWaiting from '@salesforce/label/c.ZuoraSyncCpq_StatusWaiting';
import L_Subscriptions from '@salesforce/label/c.ZuoraSyncCpq_Subscriptions';
import L_ZuoraAccount from '@salesforce/label/c.ZuoraSyncCpq_ZuoraAccount';
import L_ZuoraOrder from '@salesforce/label/c.ZuoraSyncCpq_ZuoraOrder';
import L_ZuoraStatus from '@salesforce/label/c.ZuoraSyncCpq_ZuoraStatus';
import L_Err_API_BUDGET_EXHAUSTED from '@salesforce/label/c.ZuoraSyncCpq_Err_API_BUDGET_EXHAUSTED';
import L_Err_SERVICE_UNREACHABLE from '@salesforce/label/c.ZuoraSyncCpq_Err_SERVICE_UNREACHABLE';
import L_Err_UNAVAILABLE from '@salesforce/label/c.ZuoraSyncCpq_Err_UNAVAILABLE';

export const CPQ_LABELS = {
  actionTitle: L_ActionTitle,
  allSynced: L_AllSynced,
  countFailed: L_CountFailed,
  countSynced: L_CountSynced,
  countWaiting: L_CountWaiting,
  fixPrefix: L_FixPrefix,
  loadingOrders: L_LoadingOrders,
  neverSent: L_NeverSent,
  noneToSend: L_NoneToSend,
  notActivatedHint: L_NotActivatedHint,
  nothingSent: L_NothingSent,
  oneFailed: L_OneFailed,
  oneSynced: L_OneSynced,
  oneWaiting: L_OneWaiting,
  orderLabel: L_OrderLabel,
  ordersOfAccount: L_OrdersOfAccount,
  planAccount: L_PlanAccount,
  planAccountEmpty: L_PlanAccountEmpty,
  planOrder: L_PlanOrder,
  preview: L_Preview,
  previewHeading: L_PreviewHeading,
  previewNone: L_PreviewNone,
  previewSummary: L_PreviewSummary,
  previewing: L_Previewing,
  queued: L_Queued,
  requestsOf: L_RequestsOf,
  resultsHeading: L_ResultsHeading,
  resultsList: L_ResultsList,
  send: L_Send,
  sending: L_Sending,
  showingRecent: L_ShowingRecent,
  statusFailed: L_StatusFailed,
  statusPreview: L_StatusPreview,
  statusSynced: L_StatusSynced,
  statusWaiting: L_StatusWaiting,
  subscriptions: L_Subscriptions,
  zuoraAccount: L_ZuoraAccount,
  zuoraOrder: L_ZuoraOrder,
  zuoraStatus: L_ZuoraStatus,
} as const;

/** Plain-words sentences for request-level codes, as the Send to Zuora action says them. */
export const CPQ_ERROR_LABELS: Readonly<Record<string, string>> = {
  API_BUDGET_EXHAUSTED: L_Err_API_BUDGET_EXHAUSTED,
  SERVICE_UNREACHABLE: L_Err_SERVICE_UNREACHABLE,
  UNAVAILABLE: L_Err_UNAVAILABLE,
};
