// Ambient types for the platform modules the LWCs import. Salesforce resolves these at runtime; the VS Code
// extension would generate similar typings, which this repository does not depend on.

declare module '@salesforce/apex/OnDemandSyncController.getBillingAccounts' {
  const getBillingAccounts: (params: { recordId: string }) => Promise<SyncApex.BillingAccountList>;
  export default getBillingAccounts;
}

declare module '@salesforce/apex/OnDemandSyncController.syncBillingAccounts' {
  const syncBillingAccounts: (params: {
    recordId: string;
    billingAccountIds: string[];
  }) => Promise<SyncApex.SyncOutcome>;
  export default syncBillingAccounts;
}

declare module '@salesforce/apex/OnDemandSyncController.getSyncStatus' {
  const getSyncStatus: (params: { billingAccountId: string }) => Promise<SyncApex.BillingAccountRow>;
  export default getSyncStatus;
}

declare module '@salesforce/apex/SyncHistoryController.getRecentHistory' {
  const getRecentHistory: (params: { maxRows: number }) => Promise<SyncApex.SyncHistoryRow[]>;
  export default getRecentHistory;
}

declare module '@salesforce/apex/CpqOrderSyncController.getSendContext' {
  const getSendContext: (params: { recordId: string }) => Promise<CpqApex.SendContext>;
  export default getSendContext;
}

declare module '@salesforce/apex/CpqOrderSyncController.sendToZuora' {
  const sendToZuora: (params: { recordId: string; dryRun: boolean }) => Promise<CpqApex.SendOutcome>;
  export default sendToZuora;
}

declare module '@salesforce/label/*' {
  const label: string;
  export default label;
}

declare module '@salesforce/schema/*' {
  const field: { fieldApiName: string; objectApiName: string };
  export default field;
}

declare module 'lightning/actions' {
  /** Closes the screen quick action that hosts the component. */
  export class CloseActionScreenEvent extends CustomEvent<null> {
    constructor();
  }
}

declare module 'lightning/uiRecordApi' {
  /** Tells Lightning Data Service that these records changed on the server, so record pages reload them. */
  export function notifyRecordUpdateAvailable(items: { recordId: string }[]): Promise<void>;
}

declare module 'lightning/refresh' {
  /** Asks the record page to refresh its components (those that registered a refresh handler). */
  export class RefreshEvent extends CustomEvent<null> {
    constructor();
  }
  /** The handler resolves to true to let the refresh continue to child components. */
  export function registerRefreshHandler(element: EventTarget, handler: () => Promise<boolean>): number;
  export function unregisterRefreshHandler(id: number): void;
}
