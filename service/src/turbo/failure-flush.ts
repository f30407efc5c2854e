// A stream's mapping failures stored while it is still being routed, a batch at a time, instead of held until
// it is complete (issue 19: nothing proportional to a tenant in memory). A large stream's failures were held
// whole: at L, tens of thousands of InvoiceItem failures (about 350 bytes each) until its last row. Routing is
// synchronous, so a batch is stored in the background, one after another in order; `drain` waits for them
// (and throws the first error) before anything that must find them stored, such as a load.
import type { FailedRecordInput } from '../store/failed-record-rows.js';

/** Failures held before a batch is stored: a few hundred KB. */
export const failureBatch = 1_000;

interface FailureSource {
  readonly failures: readonly FailedRecordInput[];
  takeFailures(): FailedRecordInput[];
}

export class FailureFlush {
  readonly #source: FailureSource;
  readonly #store: (failures: readonly FailedRecordInput[]) => Promise<void>;
  #storing: Promise<void> = Promise.resolve();
  #error: { readonly error: unknown } | undefined;

  constructor(source: FailureSource, store: (failures: readonly FailedRecordInput[]) => Promise<void>) {
    this.#source = source;
    this.#store = store;
  }

  /** Starts storing the failures held so far once they make a batch. */
  check(): void {
    if (this.#source.failures.length < failureBatch) return;
    const batch = this.#source.takeFailures();
    this.#storing = this.#storing
      .then(() => (this.#error === undefined ? this.#store(batch) : undefined))
      .catch((error: unknown) => {
        this.#error ??= { error };
      });
  }

  /** Waits for every batch started; throws the first error one met. */
  async drain(): Promise<void> {
    await this.#storing;
    if (this.#error !== undefined) throw this.#error.error;
  }

  /** Waits for every batch started, then stores the failures still held: all are stored once it resolves. */
  async settle(): Promise<void> {
    await this.drain();
    await this.#store(this.#source.takeFailures());
  }
}
