// Record page panel of a billing account: last sync, status, last error, link to the sync history.
import { LightningElement, api } from 'lwc';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import getSyncStatus from '@salesforce/apex/OnDemandSyncController.getSyncStatus';
import { apexErrorMessage } from 'c/syncErrorText';
import { toStatusView, type StatusView } from './statusView';

export default class BillingAccountSyncStatus extends LightningElement {
  loading = false;
  errorMessage = '';
  view: StatusView | undefined;
  private currentRecordId: string | undefined;
  private refreshHandlerId: number | undefined;

  @api
  get recordId(): string | undefined {
    return this.currentRecordId;
  }
  set recordId(value: string | undefined) {
    const changed = value !== this.currentRecordId;
    this.currentRecordId = value;
    if (value && changed) void this.load();
  }

  override connectedCallback(): void {
    // The "Sync Data from ZBilling" action fires a RefreshEvent when it finishes; reload then.
    this.refreshHandlerId = registerRefreshHandler(this, () => this.refresh());
  }

  override disconnectedCallback(): void {
    if (this.refreshHandlerId !== undefined) unregisterRefreshHandler(this.refreshHandlerId);
  }

  async load(): Promise<void> {
    const billingAccountId = this.currentRecordId;
    if (!billingAccountId) return;
    this.loading = true;
    this.errorMessage = '';
    try {
      this.view = toStatusView(await getSyncStatus({ billingAccountId }));
    } catch (error) {
      this.view = undefined;
      this.errorMessage = apexErrorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  get showDetails(): boolean {
    return !!this.view && !this.loading;
  }

  // RefreshView API: the handler resolves to true so the refresh continues down the tree
  // (https://developer.salesforce.com/docs/platform/lwc/guide/reference-lightning-refreshview-registerrefreshhandler.html).
  async refresh(): Promise<boolean> {
    await this.load();
    return true;
  }

  get ariaBusy(): string {
    return String(this.loading);
  }

  handleRefresh(): void {
    void this.load();
  }
}
