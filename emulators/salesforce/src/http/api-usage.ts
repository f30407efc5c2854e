// API usage as the org counts it: every REST and Bulk API request except OAuth
// (https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_api.htm),
// Bulk ingest batches (one per 10,000 records of a job) and uploaded bytes.

export class ApiUsage {
  requests = 0;
  bulkBatches = 0;
  uploadedBytes = 0;
  bulkRecords = 0;
  byRoute = new Map<string, number>();
  /** Bulk ingest requests and batches per object (job creation, upload, close, polls, results). */
  byObject = new Map<string, { requests: number; bulkBatches: number }>();

  constructor(public dailyLimit: number) {}

  get remaining(): number {
    return Math.max(0, this.dailyLimit - this.requests);
  }

  exhausted(): boolean {
    return this.requests >= this.dailyLimit;
  }

  count(route: string): void {
    this.requests += 1;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
  }

  countObject(object: string, requests: number, bulkBatches: number): void {
    const entry = this.byObject.get(object) ?? { requests: 0, bulkBatches: 0 };
    entry.requests += requests;
    entry.bulkBatches += bulkBatches;
    this.byObject.set(object, entry);
  }

  /** Admin: set what is left of today's allocation. */
  setRemaining(remaining: number): void {
    this.requests = Math.max(0, this.dailyLimit - remaining);
  }

  reset(): void {
    this.requests = 0;
    this.bulkBatches = 0;
    this.uploadedBytes = 0;
    this.bulkRecords = 0;
    this.byRoute.clear();
    this.byObject.clear();
  }

  /** `Sforce-Limit-Info` header value. */
  header(): string {
    return `api-usage=${this.requests}/${this.dailyLimit}`;
  }
}
