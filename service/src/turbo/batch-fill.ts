// An object's Bulk jobs held to whole batches (issue 19). Salesforce counts a batch per started 10,000 records
// of a job, and the spool cuts parts at multiples of 10,000 rows (csv/spool-writer.ts), but a part that leaves
// rows out (held for a failed parent: part-screen.ts) would end in a part-full batch. So such a part borrows as
// many rows from the head of the object's last part as it left out, and the last part sends what it did not lend.
// Exactly once, a crash included: a lent span is stored in the borrower's load checkpoint once chosen, before any
// of it is sent, and every body that borrower sends carries it; the last part waits until every other part has
// stored its span or will borrow none, then leaves out the stored spans. Once the last part's job exists (a
// resumed session), or its body is cut, nothing more is lent: a part that has not stored a span sends its own rows.
// A span whose write reports an error may still be stored (a lost answer): it stays its part's, which writes it
// again, and the last part waits; if that part's load ends first, the last part reads the store to learn which.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_bulk_v2/datafiles_understanding_bulk2_ingest.htm
import type { LoadPass } from '../sessions/load-plan.js';
import { nothingScreened, type ScreenedPart } from './screen-part.js';
import { screenBasis, type ScreenBasis } from './screen-basis.js';
import { screenJudge } from './screen-judge.js';
import { headerBytes, judgeSpan, type RowAt, type RowSpan } from './lent-rows.js';
import type { TurboRun } from './turbo-run.js';
import { failureObjectOf } from '../sessions/load-plan.js';
import { SessionCheckpoints } from '../sessions/checkpoints.js';

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
  /** Spans whose checkpoint write reported an error (`#store`), by part. */
  readonly #unsure = new Map<number, RowSpan>();
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
    const cp = (part: number) => run.checkpoints.get(this.#key(part));
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
        const again = await this.#again(stored);
        this.#borrowed.set(part, again);
        return again;
      }
      const unsure = this.#unsure.get(part);
      const borrowed = unsure === undefined ? await this.#choose(wanted) : await this.#again(unsure);
      if (borrowed === undefined) return undefined;
      await this.#store(part, borrowed.span);
      this.#borrowed.set(part, borrowed);
      return borrowed;
    }).then(
      (borrowed) => {
        this.settle(part);
        return borrowed;
      },
      (error: unknown) => {
        // A span that may be stored keeps the last part waiting until the part writes it again or its load ends.
        if (!this.#unsure.has(part)) this.settle(part);
        throw error;
      },
    );
  }

  /** For the last part: once no other part may borrow, the spans stored, in order; nothing is lent after. */
  async cut(): Promise<RowSpan[]> {
    await Promise.all(this.#settled);
    return this.#serial(async () => {
      this.#closed = true;
      this.#basis = undefined;
      await this.#storedOrNot();
      return [...this.#spans.values()].sort((a, b) => a.from - b.from);
    });
  }

  /**
   * The spans whose write reported an error, of parts whose load then ended: stored or not, as the store now
   * says, which is what a resumed session will read (a stored span is sent by its part, the others by the last).
   */
  async #storedOrNot(): Promise<void> {
    if (this.#unsure.size === 0) return;
    const stored = await SessionCheckpoints.read(this.#run.deps.store, this.#run.session.id);
    for (const [part, span] of this.#unsure) {
      const found = stored.get(this.#key(part))?.cursor?.borrowed;
      if (found !== undefined && sameSpan(found, span)) this.#spans.set(part, span);
      this.#unsure.delete(part);
    }
  }

  /** A new span of `wanted` kept rows after the last chosen, or undefined; it is the part's once chosen. */
  async #choose(wanted: number): Promise<Borrowed | undefined> {
    if (this.#closed || wanted === 0) return undefined;
    const header = await this.#headerBytes();
    const at = this.#cursor ?? this.#after(header);
    const borrowed = await this.#judge(at, (kept) => kept < wanted, true);
    if (borrowed.span.to === borrowed.span.from) return undefined;
    this.#cursor = { record: borrowed.span.to, byte: borrowed.span.toByte };
    return borrowed;
  }

  /** The rows of a span chosen before, judged again. */
  #again(span: RowSpan): Promise<Borrowed> {
    const more = (_kept: number, record: number) => record < span.to;
    return this.#judge({ record: span.from, byte: span.fromByte }, more, false);
  }

  /**
   * Stores `part`'s span in its load checkpoint. A write that reports an error may still have stored it (its
   * answer was lost): the span stays the part's, to be written again by its next attempt, and no other part
   * may borrow those rows, since a resumed session would find the span in that part's checkpoint.
   */
  async #store(part: number, span: RowSpan): Promise<void> {
    try {
      await this.#run.checkpoints.write(this.#key(part), {
        phase: 'loading',
        cursor: { created: 0, jobs: 0, borrowed: span },
      });
    } catch (error) {
      this.#unsure.set(part, span);
      throw error;
    }
    this.#unsure.delete(part);
    this.#spans.set(part, span);
  }

  /** The load checkpoint of `part` of this object and pass, where its span is stored. */
  #key(part: number) {
    return { kind: 'load', pass: this.#pass, object: this.#object, part } as const;
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

const sameSpan = (a: RowSpan, b: RowSpan): boolean =>
  a.from === b.from && a.to === b.to && a.fromByte === b.fromByte && a.toByte === b.toByte;
