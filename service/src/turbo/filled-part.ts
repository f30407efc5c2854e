// The upload of one spool part of an object whose jobs are held to whole batches (batch-fill.ts): a part before
// the last sends its own rows (screened as they stream: part-screen.ts) and then as many rows of the last part
// as it left out; the last part sends its rows but those lent. Both answer what screening found in what they
// sent, so the keys resolved and the rows held follow the job that carried them.
import type { Readable } from 'node:stream';
import { Readable as ReadableStream } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FailedRecordInput } from '../store/failed-record-rows.js';
import type { BatchFill, Borrowed } from './batch-fill.js';
import { fileWithout, type RowSpan } from './lent-rows.js';
import type { PartReads } from './part-reads.js';
import type { PartScreen } from './part-screen.js';
import type { ScreenedPart } from './screen-part.js';

/** What a part's load asks of its screen (PartScreen is one). */
export interface PartLoad {
  /** The upload body: the part's bytes from `part`, or (the last part of a fill) read into `reads`' buffers. */
  body(part: () => Readable, reads?: PartReads): Readable;
  beforeClose(): Promise<void>;
  outcome(): Promise<ScreenedPart>;
  /** The rows of the last part this part's job carries, for its checkpoint. */
  readonly borrowed?: RowSpan | undefined;
}

const LF = 10;

export type KeepHeld = (held: readonly FailedRecordInput[]) => Promise<void>;

/** A part before the last: its own rows, then the rows it borrows. */
class BorrowingPart implements PartLoad {
  readonly #fill: BatchFill;
  readonly #part: number;
  readonly #screen: PartScreen;
  readonly #keep: KeepHeld;
  #lent: Borrowed | undefined;
  #read = false;
  #kept = false;

  constructor(fill: BatchFill, part: number, screen: PartScreen, keep: KeepHeld) {
    this.#fill = fill;
    this.#part = part;
    this.#screen = screen;
    this.#keep = keep;
  }

  get borrowed(): RowSpan | undefined {
    return this.#fill.spanOf(this.#part);
  }

  body(part: () => Readable): Readable {
    return ReadableStream.from(this.#chunks(this.#screen.body(part)), { objectMode: false });
  }

  async *#chunks(own: Readable): AsyncGenerator<Buffer> {
    let last = LF;
    for await (const chunk of own as AsyncIterable<Buffer>) {
      if (chunk.length > 0) last = chunk[chunk.length - 1] ?? LF;
      yield chunk;
    }
    // The part's held rows are known (and stored) once it has been read whole; as many rows are borrowed.
    const screened = await this.#screen.outcome();
    const lent = await this.#fill.lend(this.#part, screened.leftOut.size);
    this.#lent = lent;
    if (lent !== undefined && lent.bytes.length > 0) {
      if (last !== LF) yield Buffer.from('\n');
      yield lent.bytes;
    }
    this.#read = true;
  }

  async beforeClose(): Promise<void> {
    await this.#screen.beforeClose();
    const held = this.#lent?.screened.held ?? [];
    if (!this.#kept && held.length > 0) await this.#keep(held);
    this.#kept = true;
  }

  /** A job resumed past its upload borrowed only the span it stored (none is chosen now: it was sent). */
  async outcome(): Promise<ScreenedPart> {
    if (!this.#read) this.#lent = await this.#fill.lend(this.#part, 0);
    const own = await this.#screen.outcome();
    await this.beforeClose();
    const lent = this.#lent?.screened;
    if (lent === undefined) return own;
    return {
      held: [...own.held, ...lent.held],
      resolvable: [...own.resolvable, ...lent.resolvable],
      leftOut: own.leftOut,
    };
  }
}

/** The last part: its rows but the spans the parts before it stored, once none of them may borrow more. */
class LendingPart implements PartLoad {
  readonly #fill: BatchFill;
  readonly #screen: PartScreen;
  #read = false;

  constructor(fill: BatchFill, screen: PartScreen) {
    this.#fill = fill;
    this.#screen = screen;
  }

  body(_part?: () => Readable, reads?: PartReads): Readable {
    return this.#screen.body(() => ReadableStream.from(this.#chunks(reads), { objectMode: false }));
  }

  async *#chunks(reads?: PartReads): AsyncGenerator<Buffer> {
    const spans = await this.#fill.cut();
    yield* fileWithout(this.#fill.lastFile, spans, reads) as AsyncIterable<Buffer>;
    this.#read = true;
  }

  beforeClose(): Promise<void> {
    return this.#screen.beforeClose();
  }

  /** Screened over the same rows as its body (the part is never read whole by its screen alone). */
  async outcome(): Promise<ScreenedPart> {
    if (!this.#read) await finished(this.body().resume());
    return this.#screen.outcome();
  }
}

/** The load of `part` of an object held to whole batches. */
export function filledPart(fill: BatchFill, part: number, screen: PartScreen, keep: KeepHeld): PartLoad {
  return fill.isLast(part) ? new LendingPart(fill, screen) : new BorrowingPart(fill, part, screen, keep);
}

/** The checkpoint cursor's record of the rows `load` borrowed (none for a plain part). */
export const borrowedOf = (load: PartLoad): { borrowed?: RowSpan } =>
  load.borrowed === undefined ? {} : { borrowed: load.borrowed };
