// Asynchronous order jobs ("Create an order asynchronously", "Preview an order asynchronously"): a job is
// Processing from submission until its work runs, then Completed with the operation's result or Failed
// with the error messages; it belongs to the entity it was submitted in.
// https://developer.zuora.com/v1-api-reference/api/operation/GET_JobStatusAndResponse/
import { randomUUID } from 'node:crypto';

export type JobType = 'AsyncCreateOrder' | 'AsyncPreviewOrder';

export interface AsyncJob {
  id: string;
  type: JobType;
  entityId: string | null;
  status: 'Processing' | 'Completed' | 'Failed';
  result?: Record<string, unknown>;
  errors?: string;
}

/** Jobs kept at most; the oldest finished ones go first (the emulator's memory bound). */
const maxJobs = 10_000;

export class AsyncJobs {
  private readonly jobs = new Map<string, AsyncJob>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly processingMs: number) {}

  /** Creates a Processing job and runs `work` after the processing time. */
  submit(type: JobType, entityId: string | null, work: (job: AsyncJob) => void): AsyncJob {
    const job: AsyncJob = { id: randomUUID().replace(/-/g, ''), type, entityId, status: 'Processing' };
    this.jobs.set(job.id, job);
    this.prune();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      work(job);
    }, this.processingMs);
    this.timers.add(timer);
    return job;
  }

  get(id: string, entityId: string | null): AsyncJob | undefined {
    const job = this.jobs.get(id);
    return job !== undefined && job.entityId === entityId ? job : undefined;
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private prune(): void {
    if (this.jobs.size <= maxJobs) return;
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= maxJobs) break;
      if (job.status !== 'Processing') this.jobs.delete(id);
    }
  }
}
