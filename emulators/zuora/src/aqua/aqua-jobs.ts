// AQuA jobs: each query runs over one snapshot of the store and becomes one file (CSV, or the CSV gzipped
// or zipped). Stateful mode (version 1.1 with partner and project) remembers, per partner/project and query
// name, the change sequence of the last run: the next run returns only rows created or updated since, plus
// rows deleted since when the query has a `deleted` column; a changed query text or deleted column forces
// a full load. Export ZOQL queries keep their order by, limit and aggregates.
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/aqua-stateless-and-stateful-modes/automatic-switch-between-full-load-and-incremental-load
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/post-query/export-deleted-data
import { randomUUID } from 'node:crypto';
import type { FileStore } from '../files/file-store.js';
import type { FieldValue } from '../model/zuora-record.js';
import { compileQuery, type CompiledQuery } from '../query/compile-query.js';
import type { Row } from '../query/select-columns.js';
import type { TenantStore } from '../store/tenant-store.js';
import { columnHeader, deletedHeader, type AquaHeaderStyle } from './aqua-headers.js';
import { isTrue, type AquaQuery, type AquaRequest } from './aqua-request.js';
import { selectRows, type SelectedRows } from './aqua-rows.js';
import { ByteChunks, writeLines } from './byte-chunks.js';
import { csvCell } from './csv.js';
import { rowFormatter } from './row-formatter.js';

export interface AquaBatch {
  batchId: string;
  name: string;
  query: string;
  batchType: string;
  apiVersion: string;
  status: 'pending' | 'executing' | 'completed' | 'error';
  recordCount: number;
  full: boolean;
  fileId?: string;
  message?: string;
  deleted?: AquaQuery['deleted'];
}

export interface AquaJob {
  id: string;
  name: string;
  status: 'submitted' | 'executing' | 'completed' | 'error' | 'aborted';
  version: string;
  format: string;
  encrypted: string;
  partner?: string;
  project?: string;
  offset: number;
  /** `yyyy-MM-dd HH:mm:ss`, as Zuora shows it. */
  startTime: string;
  entityId: string | null;
  batches: AquaBatch[];
}

interface QueryState {
  query: string;
  deletedSignature: string;
  seq: number;
}

/** The API version a batch reports when the query names none (Zuora answers its current one). */
const currentApiVersion = '145.0';

export class AquaService {
  readonly jobs = new Map<string, AquaJob>();
  private readonly state = new Map<string, Map<string, QueryState>>();

  constructor(
    private readonly store: TenantStore,
    readonly files: FileStore,
    private readonly now: () => Date,
    private readonly headerStyle: AquaHeaderStyle,
  ) {}

  isStateful(request: AquaRequest): boolean {
    return request.version === '1.1' && Boolean(request.partner) && Boolean(request.project);
  }

  /** Submits a job; `prepared` holds the queries already compiled (in order) when the caller validated them. */
  submit(request: AquaRequest, entityId: string | null, prepared: CompiledQuery[] = []): AquaJob {
    const job: AquaJob = {
      id: randomUUID().replace(/-/g, ''),
      name: request.name,
      status: 'submitted',
      version: request.version,
      format: request.format.toUpperCase(),
      encrypted: request.encrypted,
      ...(request.partner === undefined ? {} : { partner: request.partner }),
      ...(request.project === undefined ? {} : { project: request.project }),
      offset: request.offset,
      startTime: this.now().toISOString().slice(0, 19).replace('T', ' '),
      entityId,
      batches: request.queries.map((q) => ({
        batchId: randomUUID().replace(/-/g, ''),
        name: q.name,
        query: q.query,
        batchType: q.type,
        apiVersion: q.apiVersion ?? currentApiVersion,
        status: 'pending',
        recordCount: 0,
        full: true,
        ...(q.deleted === undefined ? {} : { deleted: q.deleted }),
      })),
    };
    this.jobs.set(job.id, job);
    // Zuora runs the job asynchronously: answer first, export on the next turn of the event loop.
    setImmediate(() => this.run(job, request, prepared));
    return job;
  }

  private run(job: AquaJob, request: AquaRequest, prepared: CompiledQuery[]): void {
    if (job.status === 'aborted') return;
    job.status = 'executing';
    const stateKey = `${request.partner ?? ''}\u0000${request.project ?? ''}`;
    const stateful = this.isStateful(request);
    const projectState = stateful ? (this.state.get(stateKey) ?? new Map<string, QueryState>()) : undefined;
    const snapshotSeq = this.store.currentSequence;
    request.queries.forEach((q, i) => {
      const batch = job.batches[i];
      if (batch === undefined) return;
      try {
        this.runBatch(job, request, q, batch, projectState, snapshotSeq, prepared[i]);
      } catch (e) {
        Object.assign(batch, { status: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    });
    if (projectState !== undefined) this.state.set(stateKey, projectState);
    job.status = job.batches.some((b) => b.status === 'error') ? 'error' : 'completed';
  }

  private compile(q: AquaQuery): CompiledQuery {
    const compiled = compileQuery(this.store, q.query, q.type === 'zoqlexport' ? 'export' : 'zoql');
    if (!compiled.ok) throw compiled.error;
    return compiled.query;
  }

  private runBatch(
    job: AquaJob,
    request: AquaRequest,
    q: AquaQuery,
    batch: AquaBatch,
    projectState: Map<string, QueryState> | undefined,
    snapshotSeq: number,
    prepared: CompiledQuery | undefined,
  ): void {
    const query = prepared ?? this.compile(q);
    const signature = q.deleted === undefined ? '' : `${q.deleted.column}/${q.deleted.format}`;
    const previous = projectState?.get(q.name);
    const incrementalFrom =
      request.incrementalTime === undefined
        ? undefined
        : Date.parse(`${request.incrementalTime.replace(' ', 'T')}Z`);
    const full =
      projectState === undefined ||
      (incrementalFrom === undefined &&
        (previous === undefined || previous.query !== q.query || previous.deletedSignature !== signature));
    const since = full ? -1 : (previous?.seq ?? -1);
    const live = selectRows(this.store, query, job.entityId, { full, since, incrementalFrom });
    const gone: Row[] = [];
    if (!full && q.deleted !== undefined && query.grouping === null) {
      for (const d of this.store.deletedSince(query.object, since))
        if (
          (job.entityId === null || d.entityId === job.entityId) &&
          d.seq <= snapshotSeq &&
          query.matches(d.record)
        )
          gone.push(d.record);
    }
    const fileId = this.files.put(this.csvText(query, request, q, live, gone), {
      kind: 'csv',
      compression: request.format === 'csv' ? 'none' : request.format,
      entryName: `${q.name}.csv`,
      entityId: job.entityId,
    });
    Object.assign(batch, {
      status: 'completed',
      recordCount: live.count + gone.length,
      full,
      fileId,
      message: '',
    });
    projectState?.set(q.name, { query: q.query, deletedSignature: signature, seq: snapshotSeq });
  }

  /** The file's UTF-8 bytes in ~1 MB chunks, formatted as it is read (aqua-rows.ts: plain queries keep row numbers). */
  private csvText(
    query: CompiledQuery,
    request: AquaRequest,
    q: AquaQuery,
    live: SelectedRows,
    gone: Row[],
  ): () => Generator<Buffer> {
    const labels = isTrue(request.useQueryLabels);
    const del = q.deleted;
    const headerLine = [
      ...(del ? [deletedHeader(query.object, del.column, labels, this.headerStyle)] : []),
      ...query.columns.map((c) => columnHeader(c, labels, this.headerStyle)),
    ]
      .map(csvCell)
      .join(',');
    const nullText = request.nullReplacement;
    const cell =
      nullText === undefined ? csvCell : (v: FieldValue) => (v === null ? csvCell(nullText) : csvCell(v));
    const format = rowFormatter(query.columns, cell);
    const flag = (deleted: boolean): string =>
      del?.format === 'Numeric' ? (deleted ? '1' : '0') : String(deleted);
    return function* text(): Generator<Buffer> {
      const out = new ByteChunks();
      out.text(`${headerLine}\n`);
      yield* live.write(out, del ? `${flag(false)},` : '', format, query.columns, cell);
      yield* writeLines(out, del ? `${flag(true)},` : '', gone.map(format));
      if (out.length > 0) yield out.take();
    };
  }
}
