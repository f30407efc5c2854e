import { RollingWindow } from './rolling-window.js';

// API usage as the org counts it: every REST and Bulk API request except OAuth
// (https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_api.htm),
// Bulk batches (one per 10,000 records of a Bulk API 2.0 job, one per Bulk API 1.0 batch), Bulk API
// 2.0 query jobs and uploaded bytes. Allocations are measured over a rolling 24 hours; the plain
// counters (`requests`, `bulkBatches`) total everything since the last reset, for statistics.

export const DAILY_BULK_BATCHES = 15_000;
export const DAILY_BULK_V2_QUERY_JOBS = 10_000;

export class ApiUsage {
  requests = 0;
  bulkBatches = 0;
  uploadedBytes = 0;
  bulkRecords = 0;
  byRoute = new Map<string, number>();
  /** Bulk ingest requests and batches per object (job creation, upload, close, polls, results). */
  /** Per object: API requests of its Bulk jobs, batches counted, and records received in Bulk ingest jobs. */
  byObject = new Map<string, { requests: number; bulkBatches: number; bulkRecords: number }>();
  readonly requestWindow: RollingWindow;
  readonly batchWindow: RollingWindow;
  readonly queryJobWindow: RollingWindow;
  /** Admin adjustment of the request window (`setRemaining`). */
  private offset = 0;

  constructor(
    public dailyLimit: number,
    clock: () => number = Date.now,
  ) {
    this.requestWindow = new RollingWindow(clock);
    this.batchWindow = new RollingWindow(clock);
    this.queryJobWindow = new RollingWindow(clock);
  }

  /** Requests counted against the allocation in the last 24 hours. */
  get used(): number {
    return Math.max(0, this.requestWindow.total + this.offset);
  }

  get remaining(): number {
    return Math.max(0, this.dailyLimit - this.used);
  }

  exhausted(): boolean {
    return this.used >= this.dailyLimit;
  }

  count(route: string): void {
    this.requests += 1;
    this.requestWindow.add();
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
  }

  countBatches(n: number): void {
    this.bulkBatches += n;
    this.batchWindow.add(n);
  }

  get batchesRemaining(): number {
    return Math.max(0, DAILY_BULK_BATCHES - this.batchWindow.total);
  }

  get queryJobsRemaining(): number {
    return Math.max(0, DAILY_BULK_V2_QUERY_JOBS - this.queryJobWindow.total);
  }

  countObject(object: string, requests: number, bulkBatches: number, bulkRecords = 0): void {
    const entry = this.byObject.get(object) ?? { requests: 0, bulkBatches: 0, bulkRecords: 0 };
    entry.requests += requests;
    entry.bulkBatches += bulkBatches;
    entry.bulkRecords += bulkRecords;
    this.byObject.set(object, entry);
  }

  /** Admin: set what is left of the allocation now. */
  setRemaining(remaining: number): void {
    this.offset = this.dailyLimit - remaining - this.requestWindow.total;
  }

  reset(): void {
    this.requests = 0;
    this.bulkBatches = 0;
    this.uploadedBytes = 0;
    this.bulkRecords = 0;
    this.offset = 0;
    this.byRoute.clear();
    this.byObject.clear();
    this.requestWindow.clear();
    this.batchWindow.clear();
    this.queryJobWindow.clear();
  }

  /** `Sforce-Limit-Info` header value. */
  header(): string {
    return `api-usage=${this.used}/${this.dailyLimit}`;
  }
}
