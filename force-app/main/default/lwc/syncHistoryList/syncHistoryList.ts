// Recent sync sessions (Sync_History__c): type, status, counts and per-record failures.
import { LightningElement, api } from 'lwc';
import getRecentHistory from '@salesforce/apex/SyncHistoryController.getRecentHistory';
import { apexErrorMessage } from 'c/syncErrorText';
import { LABELS } from 'c/syncLabels';
import { registerRefresh, unregisterRefresh } from 'c/syncRefresh';
import {
  clampMaxRows,
  failureToggleLabel,
  toHistoryRows,
  DEFAULT_MAX_ROWS,
  type HistoryRowView,
} from './historyView';

export default class SyncHistoryList extends LightningElement {
  readonly labels = LABELS;
  loading = false;
  loaded = false;
  errorMessage = '';
  rows: HistoryRowView[] = [];
  expanded: string[] = [];
  private rowLimit = DEFAULT_MAX_ROWS;
  private refreshHandle: number | undefined;

  @api
  get maxRows(): number {
    return this.rowLimit;
  }
  set maxRows(value: number) {
    this.rowLimit = clampMaxRows(value);
  }

  override connectedCallback(): void {
    this.refreshHandle = registerRefresh(this, () => this.load());
    void this.load();
  }

  override disconnectedCallback(): void {
    unregisterRefresh(this.refreshHandle);
  }

  async load(): Promise<void> {
    this.loading = true;
    this.errorMessage = '';
    try {
      this.rows = toHistoryRows(await getRecentHistory({ maxRows: this.rowLimit }));
    } catch (error) {
      this.rows = [];
      this.errorMessage = apexErrorMessage(error);
    } finally {
      this.loading = false;
      this.loaded = true;
    }
  }

  get isEmpty(): boolean {
    return this.loaded && !this.loading && !this.errorMessage && this.rows.length === 0;
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  get viewRows(): (HistoryRowView & { isExpanded: boolean; toggleLabel: string; ariaExpanded: string })[] {
    return this.rows.map((row) => {
      const isExpanded = this.expanded.includes(row.id);
      return {
        ...row,
        isExpanded,
        ariaExpanded: String(isExpanded),
        toggleLabel: failureToggleLabel(row.failures.length, isExpanded),
      };
    });
  }

  handleToggleFailures(event: Event): void {
    const id = (event.currentTarget as HTMLElement).dataset.rowId;
    if (!id) return;
    this.expanded = this.expanded.includes(id)
      ? this.expanded.filter((item) => item !== id)
      : [...this.expanded, id];
  }

  get ariaBusy(): string {
    return String(this.loading);
  }

  handleRefresh(): void {
    void this.load();
  }
}
