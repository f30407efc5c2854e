// "Sync Data from ZBilling" quick action on Account and Billing Account (CustomerAccount__c).
import { LightningElement, api } from 'lwc';
import { CloseActionScreenEvent } from 'lightning/actions';
import { RefreshEvent } from 'lightning/refresh';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import getBillingAccounts from '@salesforce/apex/OnDemandSyncController.getBillingAccounts';
import syncBillingAccounts from '@salesforce/apex/OnDemandSyncController.syncBillingAccounts';
import { apexErrorMessage } from 'c/syncErrorText';
import { LABELS, format } from 'c/syncLabels';
import {
  describeOutcome,
  planSync,
  selectionMessage,
  toggleSelection,
  type OutcomeView,
  type SyncPlan,
  updatedRecordIds,
} from './syncPlan';

const ACCOUNT_KEY_PREFIX = '001';

export default class SyncFromZBilling extends LightningElement {
  @api objectApiName: string | undefined;

  readonly labels = LABELS;
  loading = false;
  syncing = false;
  errorMessage = '';
  plan: SyncPlan | undefined;
  list: SyncApex.BillingAccountList | undefined;
  selected: string[] = [];
  refused = false;
  outcome: OutcomeView | undefined;
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

  get isAccount(): boolean {
    return this.objectApiName === 'Account' || (this.currentRecordId ?? '').startsWith(ACCOUNT_KEY_PREFIX);
  }

  async load(recordId: string): Promise<void> {
    this.loading = true;
    this.errorMessage = '';
    try {
      const list = await getBillingAccounts({ recordId });
      this.list = list;
      this.plan = planSync(this.isAccount, list);
      this.selected = [];
    } catch (error) {
      this.errorMessage = apexErrorMessage(error);
    } finally {
      this.loading = false;
    }
  }

  get showIntro(): boolean {
    return !this.loading && !!this.plan && !this.outcome;
  }

  get showChooser(): boolean {
    return this.showIntro && this.plan?.mode === 'choose';
  }

  get showList(): boolean {
    return this.showIntro && (this.plan?.mode === 'all' || this.plan?.mode === 'single');
  }

  get accountRows(): { id: string; label: string; status: string }[] {
    return (this.list?.billingAccounts ?? []).map((account) => ({
      id: account.id,
      label: account.accountNumber ? `${account.name} (${account.accountNumber})` : account.name,
      status: account.lastSyncStatus
        ? format(LABELS.lastSyncStatus, account.lastSyncStatus)
        : LABELS.notSyncedYet,
    }));
  }

  get choiceRows(): { id: string; label: string; checked: boolean; disabled: boolean }[] {
    const limit = this.list?.uiLimit ?? 0;
    const full = this.selected.length >= limit;
    return this.accountRows.map((row) => {
      const checked = this.selected.includes(row.id);
      return { id: row.id, label: row.label, checked, disabled: full && !checked };
    });
  }

  get selectionText(): string {
    return selectionMessage(this.selected.length, this.list?.uiLimit ?? 0, this.refused);
  }

  get moreThanListed(): string {
    const list = this.list;
    if (!list || list.totalCount <= list.billingAccounts.length) return '';
    return format(LABELS.showingFirst, list.billingAccounts.length, list.totalCount);
  }

  get canSync(): boolean {
    if (this.loading || this.syncing || !this.plan || this.outcome) return false;
    if (this.plan.mode === 'unavailable') return false;
    return this.plan.mode !== 'choose' || this.selected.length > 0;
  }

  get syncDisabled(): boolean {
    return !this.canSync;
  }

  get syncLabel(): string {
    return this.syncing ? LABELS.syncing : LABELS.sync;
  }

  get summaryClass(): string {
    const tone = this.outcome?.tone ?? 'info';
    const theme =
      tone === 'success' ? 'slds-theme_success' : tone === 'error' ? 'slds-theme_error' : 'slds-theme_info';
    return `slds-box slds-box_small slds-m-bottom_small ${theme}`;
  }

  get resultRows(): {
    key: string;
    name: string;
    statusLabel: string;
    message: string;
    badgeClass: string;
  }[] {
    return (this.outcome?.rows ?? []).map((row) => ({
      ...row,
      badgeClass: row.tone === 'success' ? 'slds-badge slds-theme_success' : 'slds-badge slds-theme_error',
    }));
  }

  handleToggle(event: CustomEvent<{ checked?: boolean }>): void {
    const target = event.currentTarget as HTMLElement & { checked?: boolean };
    const id = target.dataset.id;
    if (!id) return;
    const checked = event.detail?.checked ?? target.checked ?? false;
    const next = toggleSelection(this.selected, id, checked, this.list?.uiLimit ?? 0);
    this.selected = next.selected;
    this.refused = next.refused;
  }

  async handleSync(): Promise<void> {
    const recordId = this.currentRecordId;
    if (!recordId || !this.canSync) return;
    this.syncing = true;
    this.errorMessage = '';
    try {
      const billingAccountIds = this.plan?.mode === 'choose' ? [...this.selected] : [];
      const outcome = await syncBillingAccounts({ recordId, billingAccountIds });
      this.outcome = describeOutcome(outcome, this.list?.billingAccounts ?? []);
      this.focusResults = true;
      // The service wrote the billing accounts' sync status: Lightning Data Service reloads those records on
      // the page (notifyRecordUpdateAvailable), and the status and history panels reload on the RefreshEvent.
      await notifyRecordUpdateAvailable(
        updatedRecordIds(recordId, outcome).map((id) => ({ recordId: id })),
      ).catch(() => undefined);
      this.dispatchEvent(new RefreshEvent());
    } catch (error) {
      this.errorMessage = apexErrorMessage(error);
    } finally {
      this.syncing = false;
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
