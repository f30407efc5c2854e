// CPQ contracts an order asynchronously: checking Order.SBQQ__Contracted__c enqueues a Queueable
// (QueueableContractOrdersClient) that creates the contract and subscriptions later, so an
// activated, contracted order can briefly have no subscription ([SF-blngauto]
// https://help.salesforce.com/apex/HTViewHelpDoc?id=sales.blng_automation_guide_orders_op.htm; Stripe's
// connector tests wait for the contract after checking the box). The delay is configurable. A job
// that fails (e.g. UNABLE_TO_LOCK_ROW) is not retried: the order stays contracted without a contract
// until a user unchecks and checks Contracted again, which queues a new job.

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

export class ContractingQueue {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  readonly jobs = new Map<string, ContractingJob>();

  constructor(
    private readonly run: (orderId: string) => string | null,
    private delay: number,
  ) {}

  get delayMs(): number {
    return this.delay;
  }

  /** Changes the delay; jobs still waiting run that long from now. */
  setDelay(ms: number): void {
    this.delay = ms;
    for (const orderId of [...this.timers.keys()]) this.arm(orderId);
  }

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
    const timer = setTimeout(() => this.fire(orderId), this.delay);
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
      job.error = (error as Error).message;
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
