// "Send to Zuora" quick action on Order and Account (Salesforce CPQ): shows what would be sent, sends it (or
// previews the Zuora requests) in one Apex call that makes one callout, and shows each order's result in the
// service's plain words. The wording lives in ./sendPlan.
import { LightningElement, api } from 'lwc';
import { CloseActionScreenEvent } from 'lightning/actions';
import { RefreshEvent } from 'lightning/refresh';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getSendContext from '@salesforce/apex/CpqOrderSyncController.getSendContext';
import sendToZuora from '@salesforce/apex/CpqOrderSyncController.sendToZuora';
import { apexErrorMessage } from 'c/syncErrorText';
import { LABELS } from 'c/syncLabels';
import { CPQ_LABELS } from 'c/cpqLabels';
import {
  describeSend,
  moreThanListed,
  orderLines,
  planSend,
  updatedRecordIds,
  type OrderLine,
  type OutcomeView,
  type SendPlan,
  type Tone,
} from './sendPlan';

const THEMES: Readonly<Record<Tone, string>> = {
  success: 'slds-theme_success',
  warning: 'slds-theme_warning',
  error: 'slds-theme_error',
  info: 'slds-theme_info',
};

export default class SendToZuora extends LightningElement {
  @api objectApiName: string | undefined;

  readonly labels = { ...CPQ_LABELS, close: LABELS.close };
  loading = false;
  busy: 'send' | 'preview' | undefined;
  errorMessage = '';
  context: CpqApex.SendContext | undefined;
  plan: SendPlan | undefined;
  outcome: OutcomeView | undefined;
  private sent = false;
  private currentRecordId: string | undefined;
  private focusResults = false;

  // Quick actions set recordId after the component is created, so loading starts from the setter.
  @api
  get recordId(): string | undefined {
    return this.currentRecordId;
  }
  set recordId(value: string | undefined) {
    const changed = value !== this.currentRecordId;
    this.currentRecordId = value;
    if (value && changed) void this.load(value);
  }

  async load(recordId: string): Promise<void> {
    this.loading = true;
    this.errorMessage = '';
    try {
      this.context = await getSendContext({ recordId });
      this.plan = planSend(this.context);
    } catch (error) {
      this.errorMessage = apexErrorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  get showPlan(): boolean {
    return !this.loading && !!this.plan;
  }

  get orders(): OrderLine[] {
    return this.context?.objectName === 'Account' ? orderLines(this.context) : [];
  }

  get hasOrders(): boolean {
    return this.orders.length > 0;
  }

  get moreThanListed(): string {
    return this.context ? moreThanListed(this.context) : '';
  }

  // After a real send the action is done; after a preview the user may still send.
  get actionsDisabled(): boolean {
    return this.loading || !!this.busy || !this.context || this.sent;
  }

  get sendLabel(): string {
    return this.busy === 'send' ? CPQ_LABELS.sending : CPQ_LABELS.send;
  }

  get previewLabel(): string {
    return this.busy === 'preview' ? CPQ_LABELS.previewing : CPQ_LABELS.preview;
  }

  get summaryClass(): string {
    return `slds-box slds-box_small slds-m-bottom_small ${THEMES[this.outcome?.tone ?? 'info']}`;
  }

  get resultRows(): (OutcomeView['rows'][number] & { badgeClass: string })[] {
    return (this.outcome?.rows ?? []).map((row) => ({
      ...row,
      badgeClass: `slds-badge ${THEMES[row.tone]}`,
    }));
  }

  handleSend(): Promise<void> {
    return this.run(false);
  }

  handlePreview(): Promise<void> {
    return this.run(true);
  }

  async run(dryRun: boolean): Promise<void> {
    const recordId = this.currentRecordId;
    if (!recordId || this.actionsDisabled) return;
    this.busy = dryRun ? 'preview' : 'send';
    this.errorMessage = '';
    try {
      const outcome = await sendToZuora({ recordId, dryRun });
      this.outcome = describeSend(outcome);
      this.sent = !dryRun && !outcome.errorCode;
      this.focusResults = true;
      const changed = updatedRecordIds(recordId, outcome);
      if (changed.length > 0) {
        // The service wrote the orders' Zuora fields and their CPQ Order Sync records: Lightning Data Service
        // reloads those records on the page, and the related lists reload on the RefreshEvent.
        await notifyRecordUpdateAvailable(changed.map((id) => ({ recordId: id }))).catch(() => undefined);
        this.dispatchEvent(new RefreshEvent());
      }
    } catch (error) {
      this.errorMessage = apexErrorMessage(error);
    } finally {
      this.busy = undefined;
    }
  }

  handleClose(): void {
    this.dispatchEvent(new CloseActionScreenEvent());
  }

  override renderedCallback(): void {
    if (!this.focusResults) return;
    const heading = this.template?.querySelector<HTMLElement>('[data-id="results-heading"]');
    if (heading) {
      heading.focus();
      this.focusResults = false;
    }
  }
}
