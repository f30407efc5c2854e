// A spool part screened by its own upload (screen-part.ts): the body streams the part and leaves out the rows
// held back as it reads them, so the part is read once. The held rows are known once the body has been read
// whole and are stored then, before the job is closed (UploadComplete): a session killed during the upload
// finds its job Open, aborts it and screens again, leaving out the rows it stored as held (none if it was
// killed before storing them), so it sends the same body and neither loses nor duplicates a held row. A body
// sent again (a transport retry) leaves out the same records without judging them again.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/close_job.htm
import type { Readable } from 'node:stream';
import { readCsvHeader } from '../csv/csv-header.js';
import { csvStreamJudged } from '../csv/copy-csv-judged.js';
import { csvStreamWithout } from '../csv/copy-csv-stream.js';
import type { FailedRecordInput } from '../store/failed-record-rows.js';
import type { Queryable } from '../store/store.js';
import { nothingScreened, readScreened } from './screen-part.js';
import { screenBasis, type ScreenBasis, type ScreenedPart, type ScreenTarget } from './screen-basis.js';
import { screenJudge } from './screen-judge.js';

type KeepHeld = (held: readonly FailedRecordInput[]) => Promise<void>;

export class PartScreen {
  readonly #file: string;
  /** Dropped once the part is judged: its open-failure key sets are a copy a part (L holds many parts). */
  #basis: ScreenBasis | undefined;
  readonly #keep: KeepHeld;
  /** The outcome of a whole read of the part, and whether its held rows are stored. */
  #done: ScreenedPart | undefined;
  #kept = false;
  #bodies = 0;

  private constructor(file: string, basis: ScreenBasis | undefined, keep: KeepHeld) {
    this.#file = file;
    this.#basis = basis;
    this.#keep = keep;
    if (basis === undefined) this.#done = nothingScreened();
  }

  /** Reads the open failures the part is screened against (before any of it is read or sent). */
  static async open(db: Queryable, file: string, target: ScreenTarget, keep: KeepHeld): Promise<PartScreen> {
    return new PartScreen(file, await screenBasis(db, readCsvHeader(file), target), keep);
  }

  /** The upload body over `part` (the part's bytes): judged the first time it is read whole. */
  body(part: () => Readable): Readable {
    const done = this.#done;
    if (done !== undefined) return csvStreamWithout(part(), done.leftOut);
    const basis = this.#basis as ScreenBasis; // #done is set from the start when there is none
    const into = nothingScreened();
    const body = (this.#bodies += 1);
    const judge = screenJudge(basis, into);
    return csvStreamJudged(part(), judge, () => {
      judge.release();
      if (body !== this.#bodies) return;
      this.#done = into;
      this.#basis = undefined;
    });
  }

  /** Before the job is closed: stores the held rows, once. The body must have been read whole. */
  async beforeClose(): Promise<void> {
    const done = this.#done;
    if (done === undefined) throw new Error(`the upload ended before ${this.#file} was read whole`);
    if (this.#kept) return;
    if (done.held.length > 0) await this.#keep(done.held);
    this.#kept = true;
  }

  /** What screening found; the part is read alone when no body was read whole (a job resumed past its upload). */
  async outcome(): Promise<ScreenedPart> {
    if (this.#done === undefined && this.#basis !== undefined) {
      this.#done = await readScreened(this.#file, this.#basis);
      this.#basis = undefined;
    }
    await this.beforeClose();
    return this.#done as ScreenedPart;
  }
}
