// Record page panel of a billing account: last sync, status, last error, link to the sync history.
import { LightningElement, api } from 'lwc';
import getSyncStatus from '@salesforce/apex/OnDemandSyncController.getSyncStatus';
import { apexErrorMessage } from 'c/syncErrorText';
import { LABELS } from 'c/syncLabels';
import { registerRefresh, unregisterRefresh } from 'c/syncRefresh';
import { toStatusView, type StatusView } from './statusView';

export default class BillingAccountSyncStatus extends LightningElement {
  readonly labels = LABELS;
  loading = false;
  errorMessage = '';
  view: StatusView | undefined;
  private currentRecordId: string | undefined;
  private refreshHandle: number | undefined;

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
    this.refreshHandle = registerRefresh(this, () => this.load());
  }

  override disconnectedCallback(): void {
    unregisterRefresh(this.refreshHandle);
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

  get ariaBusy(): string {
    return String(this.loading);
  }

  handleRefresh(): void {
    void this.load();
  }
}
