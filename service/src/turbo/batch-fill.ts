// An object's Bulk jobs held to whole batches (issue 19). Salesforce counts a batch per started 10,000 records
// of a job, and the spool cuts parts at multiples of 10,000 rows (csv/spool-writer.ts), but a part that leaves
// rows out (held for a failed parent: part-screen.ts) would end in a part-full batch. So such a part borrows as
// many rows from the head of the object's last part as it left out, and the last part sends what it did not lend.
// Exactly once, a crash included: a lent span is stored in the borrower's load checkpoint once chosen, before any
// of it is sent, and every body that borrower sends carries it; the last part waits until every other part has
// stored its span or will borrow none, then leaves out the stored spans. Once the last part's job exists (a
// resumed session), or its body is cut, nothing more is lent: a part that has not stored a span sends its own rows.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_bulk_v2/datafiles_understanding_bulk2_ingest.htm
import type { LoadPass } from '../sessions/load-plan.js';
import { nothingScreened, type ScreenedPart } from './screen-part.js';
import { screenBasis, type ScreenBasis } from './screen-basis.js';
import { screenJudge } from './screen-judge.js';
import { headerBytes, judgeSpan, type RowAt, type RowSpan } from './lent-rows.js';
import type { TurboRun } from './turbo-run.js';
import { failureObjectOf } from '../sessions/load-plan.js';

/** Rows a part borrowed: the span, the kept rows' bytes, and what screening found in the span. */
export interface Borrowed {
  readonly span: RowSpan;
  readonly bytes: Buffer;
  readonly screened: ScreenedPart;
}

export class BatchFill {
  readonly #run: TurboRun;
  readonly #object: string;
  readonly #pass: 'upsert' | 'deferred';
  readonly #last: number;
  /** Spans stored by the parts before the last (this session, any run), by part. */
  readonly #spans = new Map<number, RowSpan>();
  readonly #borrowed = new Map<number, Borrowed>();
  /** The parts before the last that may still borrow, each resolved once it will not (or has stored its span). */
  readonly #pending = new Map<number, () => void>();
  readonly #settled: Promise<void>[] = [];
  #closed: boolean;
  #cursor: RowAt | undefined;
  #header: Buffer | undefined;
  #basis: Promise<ScreenBasis | undefined> | undefined;
  /** Borrowing runs one part at a time: each takes the rows after the last span chosen. */
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(run: TurboRun, object: string, pass: 'upsert' | 'deferred', parts: readonly number[]) {
    this.#run = run;
    this.#object = object;
    this.#pass = pass;
    this.#last = parts[parts.length - 1] ?? 0;
    const cp = (part: number) => run.checkpoints.get({ kind: 'load', pass, object, part });
    const last = cp(this.#last);
    this.#closed = last?.bulkJobId !== undefined || last?.phase === 'done';
    for (const part of parts.slice(0, -1)) {
      const stored = cp(part);
      const span = stored?.cursor?.borrowed;
      if (span !== undefined) this.#spans.set(part, span);
      if (span !== undefined || stored?.phase === 'done' || this.#closed) continue;
      this.#settled.push(new Promise<void>((resolve) => this.#pending.set(part, resolve)));
    }
  }

  /** Undefined when there is nothing to fill: one part, or parts cut to the records that change. */
  static of(run: TurboRun, object: string, pass: LoadPass, parts: readonly number[]): BatchFill | undefined {
    if (pass === 'delete' || parts.length < 2 || run.deps.skipUnchanged === true) return undefined;
    return new BatchFill(run, object, pass, parts);
  }

  isLast(part: number): boolean {
    return part === this.#last;
  }

  get lastFile(): string {
    return this.#run.spool.path(this.#object, this.#pass, this.#last);
  }

  /** The span `part` stored, for its checkpoint. */
  spanOf(part: number): RowSpan | undefined {
    return this.#spans.get(part);
  }

  /** `part` will borrow nothing more (it did, or it will not, or its load ended). */
  settle(part: number): void {
    this.#pending.get(part)?.();
    this.#pending.delete(part);
  }

  /** Once the part has loaded: its borrowed rows are not sent again. */
  release(part: number): void {
    this.settle(part);
    this.#borrowed.delete(part);
  }

  /**
   * The rows `part` borrows when it left `wanted` rows out: the span it stored before (whatever `wanted`), else a
   * new span of that many kept rows from the last part, stored before this answers; undefined when none.
   */
  lend(part: number, wanted: number): Promise<Borrowed | undefined> {
    return this.#serial(async () => {
      const known = this.#borrowed.get(part);
      if (known !== undefined) return known;
      const stored = this.#spans.get(part);
      if (stored !== undefined) {
        const more = (_kept: number, record: number) => record < stored.to;
        const again = await this.#judge({ record: stored.from, byte: stored.fromByte }, more, false);
        this.#borrowed.set(part, again);
        return again;
      }
      if (this.#closed || wanted === 0) return undefined;
      const header = await this.#headerBytes();
      const at = this.#cursor ?? this.#after(header);
      const borrowed = await this.#judge(at, (kept) => kept < wanted, true);
      if (borrowed.span.to === borrowed.span.from) return undefined;
      const key = { kind: 'load', pass: this.#pass, object: this.#object, part } as const;
      await this.#run.checkpoints.write(key, {
        phase: 'loading',
        cursor: { created: 0, jobs: 0, borrowed: borrowed.span },
      });
      this.#spans.set(part, borrowed.span);
      this.#cursor = { record: borrowed.span.to, byte: borrowed.span.toByte };
      this.#borrowed.set(part, borrowed);
      return borrowed;
    }).finally(() => this.settle(part));
  }

  /** For the last part: once no other part may borrow, the spans stored, in order; nothing is lent after. */
  async cut(): Promise<RowSpan[]> {
    await Promise.all(this.#settled);
    return this.#serial(() => {
      this.#closed = true;
      this.#basis = undefined;
      return Promise.resolve([...this.#spans.values()].sort((a, b) => a.from - b.from));
    });
  }

  /** Where new spans start: after every stored one (a span chosen but never stored is the last part's). */
  #after(header: Buffer): RowAt {
    let at: RowAt = { record: 1, byte: header.length };
    for (const span of this.#spans.values())
      if (span.to > at.record) at = { record: span.to, byte: span.toByte };
    return at;
  }

  async #judge(
    at: RowAt,
    more: (kept: number, record: number) => boolean,
    spareLast: boolean,
  ): Promise<Borrowed> {
    const screened = nothingScreened();
    const basis = await (this.#basis ??= this.#openBasis());
    const judge = basis === undefined ? { columns: [], keep: () => true } : screenJudge(basis, screened);
    const header = await this.#headerBytes();
    const { span, bytes } = await judgeSpan(this.lastFile, header, at, judge, more, spareLast);
    return { span, bytes, screened };
  }

  async #headerBytes(): Promise<Buffer> {
    return (this.#header ??= await headerBytes(this.lastFile));
  }

  /** The open failures borrowed rows are screened against: the last part's, read once for the object. */
  #openBasis(): Promise<ScreenBasis | undefined> {
    const { deps, session, spool } = this.#run;
    const map = this.#run.maps.find((m) => m.salesforceObject === this.#object);
    return screenBasis(deps.store, spool.header(this.#object, this.#pass, this.#last), {
      map,
      stream: map?.zuoraObject ?? this.#object,
      entityId: session.entityId,
      failureObject: failureObjectOf(this.#object, this.#pass),
      pass: this.#pass,
      sessionId: session.id,
    });
  }

  #serial<T>(what: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(what);
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
