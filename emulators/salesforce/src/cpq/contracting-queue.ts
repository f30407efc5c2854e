import { CpqRefusal } from './record-access.js';

// CPQ contracts an order asynchronously: checking Order.SBQQ__Contracted__c enqueues a Queueable
// (QueueableContractOrdersClient) that creates the contract and subscriptions later, so an
// activated, contracted order can briefly have no subscription ([SF-blngauto]
// https://help.salesforce.com/apex/HTViewHelpDoc?id=sales.blng_automation_guide_orders_op.htm; Stripe's
// connector tests wait for the contract after checking the box). The delay is configurable; a job
// that fails on a row lock is retried, as a Queueable that hits a lock is re-enqueued.

export type ContractingState = 'Queued' | 'Completed' | 'Failed';

export interface ContractingJob {
  orderId: string;
  state: ContractingState;
  attempts: number;
  queuedAt: string;
  finishedAt: string | null;
  contractId: string | null;
  error: string | null;
}

const MAX_ATTEMPTS = 5;

export class ContractingQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  readonly jobs = new Map<string, ContractingJob>();

  constructor(
    private readonly run: (orderId: string) => string | null,
    public delayMs: number,
  ) {}

  schedule(orderId: string): void {
    this.jobs.set(orderId, {
      orderId,
      state: 'Queued',
      attempts: 0,
      queuedAt: new Date().toISOString(),
      finishedAt: null,
      contractId: null,
      error: null,
    });
    this.arm(orderId);
  }

  private arm(orderId: string): void {
    clearTimeout(this.timers.get(orderId));
    const timer = setTimeout(() => this.fire(orderId), this.delayMs);
    timer.unref();
    this.timers.set(orderId, timer);
  }

  private fire(orderId: string): void {
    this.timers.delete(orderId);
    const job = this.jobs.get(orderId);
    if (!job) return;
    job.attempts += 1;
    try {
      job.contractId = this.run(orderId);
      job.state = 'Completed';
      job.finishedAt = new Date().toISOString();
    } catch (error) {
      const locked =
        error instanceof CpqRefusal && error.errors.some((e) => e.statusCode === 'UNABLE_TO_LOCK_ROW');
      job.error = (error as Error).message;
      if (locked && job.attempts < MAX_ATTEMPTS) return this.arm(orderId);
      job.state = 'Failed';
      job.finishedAt = new Date().toISOString();
    }
  }

  /** Runs a queued job at once (a scenario replaying history, where the job ran long ago). */
  runNow(orderId: string): ContractingJob | undefined {
    if (!this.jobs.has(orderId)) return undefined;
    clearTimeout(this.timers.get(orderId));
    this.fire(orderId);
    return this.jobs.get(orderId);
  }

  pending(): number {
    return this.timers.size;
  }

  /** Drops every job and timer (reset, close). */
  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.jobs.clear();
  }
}
