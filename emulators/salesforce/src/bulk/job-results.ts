import type { IdCodec } from '../store/id-codec.js';
import { ownCopy } from '../store/own-copy.js';
import type { IngestJob } from './ingest-job.js';
import type { ResultFiles } from './result-files.js';

// What a job's result files are made of: the upload's header and rows and, per processed row, the Id,
// the created flag and any error. A job in progress reads them from its own fields; a finished one
// from a compact copy (typed arrays, the upload on disk: result-files.ts) taken when it ends, so the
// answers are the same text.

export interface JobResults {
  /** The upload, with the header and rows cut from it. */
  data(): string;
  /** The upload's bytes when each is the character of `data` at its offset (all ASCII), else null. */
  bytes(): Buffer | null;
  /** The header line; null when the upload was never read (the job ended before). */
  readonly header: string | null;
  readonly rows: number;
  start(row: number): number;
  end(row: number): number;
  /** Rows with a result, from the first. */
  readonly processed: number;
  /** A generated Id's record number, another Id, or undefined. */
  id(row: number): string | number | undefined;
  created(row: number): boolean | undefined;
  readonly errors: ReadonlyMap<number, string>;
  readonly unprocessedFrom: number;
}

export function liveResults(job: IngestJob): JobResults {
  return {
    data: () => job.data ?? '',
    bytes: () => null,
    header: job.columns === null ? null : (job.header ?? ''),
    rows: job.rowStarts.length,
    start: (row) => job.rowStarts[row] as number,
    end: (row) => job.rowEnds[row] as number,
    processed: job.resultIds.length,
    id: (row) => job.resultIds[row],
    created: (row) => job.resultCreated[row],
    errors: job.resultErrors,
    unprocessedFrom: job.unprocessedFrom,
  };
}

/** Record numbers stay below 2^30 (id-codec.ts); these mark the other cases. */
const OTHER_ID = -1;
const NO_ID = -2;
const CREATED = [false, true, undefined] as const;

class StoredResults implements JobResults {
  readonly rows: number;
  readonly processed: number;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly ids: Int32Array;
  private readonly otherIds = new Map<number, string | number>();
  private readonly createdCodes: Uint8Array;

  constructor(
    job: IngestJob,
    codec: IdCodec,
    private readonly files: ResultFiles,
    private readonly path: string | null,
    private readonly text: string | null,
    /** The file holds the upload's ASCII bytes as received. */
    private readonly ascii: boolean,
  ) {
    // Own copies: a slice of the upload (the header, an Id or a value an error names) would keep all of it alive.
    this.header = job.columns === null ? null : ownCopy(job.header ?? '');
    const errors = new Map<number, string>();
    for (const [row, error] of job.resultErrors) errors.set(row, ownCopy(error));
    this.errors = errors;
    this.unprocessedFrom = job.unprocessedFrom;
    this.rows = job.rowStarts.length;
    this.starts = Uint32Array.from(job.rowStarts);
    this.ends = Uint32Array.from(job.rowEnds);
    this.processed = job.resultIds.length;
    this.ids = new Int32Array(this.processed);
    this.createdCodes = new Uint8Array(this.processed);
    for (let row = 0; row < this.processed; row += 1) {
      const id = job.resultIds[row];
      // A generated Id (an update's) is spelled back the same from its record number, and its result
      // line reads the same whether it came as a number or a string (ingest-routes.ts).
      const n = typeof id === 'string' ? codec.numberOf(id) : (id ?? NO_ID);
      if (n >= 0 && n < 2 ** 30) this.ids[row] = n;
      else if (id === undefined) this.ids[row] = NO_ID;
      else {
        this.ids[row] = OTHER_ID;
        this.otherIds.set(row, ownCopy(id));
      }
      const created = job.resultCreated[row];
      this.createdCodes[row] = created === undefined ? 2 : created ? 1 : 0;
    }
  }

  readonly header: string | null;
  readonly errors: ReadonlyMap<number, string>;
  readonly unprocessedFrom: number;

  data(): string {
    return this.path === null ? (this.text ?? '') : this.files.read(this.path);
  }

  bytes(): Buffer | null {
    return this.ascii && this.path !== null ? this.files.readBytes(this.path) : null;
  }

  start(row: number): number {
    return this.starts[row] as number;
  }

  end(row: number): number {
    return this.ends[row] as number;
  }

  id(row: number): string | number | undefined {
    const n = this.ids[row] as number;
    if (n >= 0) return n;
    return n === OTHER_ID ? this.otherIds.get(row) : undefined;
  }

  created(row: number): boolean | undefined {
    return CREATED[this.createdCodes[row] as number];
  }

  /** Frees the upload on disk. */
  drop(): void {
    if (this.path !== null) this.files.remove(this.path);
  }
}

/**
 * The results of a job that just ended, its upload moved to disk (kept in memory only when it would
 * not read back the same); the job's own copies can then be let go.
 */
export type FinishedResults = JobResults & { drop(): void };

export function finishedResults(job: IngestJob, codec: IdCodec, files: ResultFiles): FinishedResults {
  // An ASCII upload went to disk as it arrived (ingest-routes.ts).
  if (job.uploadFile) return new StoredResults(job, codec, files, job.uploadFile, null, true);
  const text = job.data;
  const path = text === null || text === '' ? null : files.write(job.id, text);
  return new StoredResults(job, codec, files, path, path === null ? text : null, false);
}
