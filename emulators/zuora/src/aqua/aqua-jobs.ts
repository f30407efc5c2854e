// AQuA jobs: each query runs over one snapshot of the store and becomes one CSV file. Stateful mode
// (version >= 1.1 with partner and project) remembers, per partner/project and query name, the change
// sequence of the last run: the next run returns only rows created or updated since, plus rows deleted
// since when the query has a `deleted` column; a changed query text or deleted column forces a full
// load. https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/aqua-stateless-and-stateful-modes/automatic-switch-between-full-load-and-incremental-load
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/post-query/export-deleted-data
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { ZRecord } from '../model/zuora-record.js';
import { rowFormatter } from './row-formatter.js';
import { compileQuery } from '../query/compile-query.js';
import type { TenantStore } from '../store/tenant-store.js';
import { csvCell } from './csv.js';
import type { AquaQuery, AquaRequest } from './aqua-request.js';

export interface AquaBatch {
  batchId: string;
  name: string;
  query: string;
  batchType: string;
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
  startTime: string;
  batches: AquaBatch[];
}

/**
 * A result file. The job keeps the matched records (references, not text) and the CSV is formatted in
 * ~1 MB chunks while it downloads, so a million-row export never sits in memory as text. Records are
 * updated in place by the tenant store, so a record changed between the job's end and the download shows
 * its newer values; deleted rows are the copies kept at deletion.
 */
export interface AquaFile {
  readonly gzip: boolean;
  readonly chunks: () => Iterable<string | Buffer>;
}

interface QueryState {
  query: string;
  deletedSignature: string;
  seq: number;
}

export class AquaService {
  readonly jobs = new Map<string, AquaJob>();
  readonly files = new Map<string, AquaFile>();
  private readonly state = new Map<string, Map<string, QueryState>>();

  constructor(
    private readonly store: TenantStore,
    private readonly now: () => Date,
  ) {}

  isStateful(request: AquaRequest): boolean {
    return request.version !== '1.0' && Boolean(request.partner) && Boolean(request.project);
  }

  submit(request: AquaRequest, entityId: string | null): AquaJob {
    const job: AquaJob = {
      id: randomUUID().replace(/-/g, ''),
      name: request.name,
      status: 'submitted',
      version: request.version,
      format: request.format,
      encrypted: request.encrypted,
      ...(request.partner === undefined ? {} : { partner: request.partner }),
      ...(request.project === undefined ? {} : { project: request.project }),
      startTime: this.now().toISOString(),
      batches: request.queries.map((q) => ({
        batchId: randomUUID().replace(/-/g, ''),
        name: q.name,
        query: q.query,
        batchType: q.type,
        status: 'pending',
        recordCount: 0,
        full: true,
        ...(q.deleted === undefined ? {} : { deleted: q.deleted }),
      })),
    };
    this.jobs.set(job.id, job);
    // Zuora runs the job asynchronously: answer first, export on the next turn of the event loop.
    setImmediate(() => this.run(job, request, entityId));
    return job;
  }

  private run(job: AquaJob, request: AquaRequest, entityId: string | null): void {
    if (job.status === 'aborted') return;
    job.status = 'executing';
    const snapshotSeq = this.store.currentSequence;
    const stateKey = `${request.partner ?? ''}\u0000${request.project ?? ''}`;
    const stateful = this.isStateful(request);
    const projectState = stateful ? (this.state.get(stateKey) ?? new Map<string, QueryState>()) : undefined;
    const labels = String(request.useQueryLabels) === 'true';
    const incrementalFrom =
      request.incrementalTime === undefined
        ? undefined
        : Date.parse(request.incrementalTime.replace(' ', 'T') + 'Z');
    request.queries.forEach((q, i) => {
      const batch = job.batches[i];
      if (batch === undefined) return;
      try {
        const compiled = compileQuery(this.store, q.query, q.type === 'zoqlexport');
        const signature = q.deleted === undefined ? '' : `${q.deleted.column}/${q.deleted.format}`;
        const previous = projectState?.get(q.name);
        const full =
          !stateful ||
          (incrementalFrom === undefined &&
            (previous === undefined ||
              previous.query !== q.query ||
              previous.deletedSignature !== signature));
        const since = full ? -1 : (previous?.seq ?? -1);
        const del = q.deleted;
        const header = compiled.columns.map((c) =>
          labels ? c.reference : c.label.includes('.') ? c.label : `${compiled.object}.${c.label}`,
        );
        const headerLine = [
          ...(del ? [labels ? del.column : `${compiled.object}.${del.column}`] : []),
          ...header,
        ]
          .map(csvCell)
          .join(',');
        const flag = (deleted: boolean): string =>
          del?.format === 'Numeric' ? (deleted ? '1' : '0') : String(deleted);
        const format = rowFormatter(compiled.columns);
        const live: ZRecord[] = [];
        const gone: ZRecord[] = [];
        for (const stored of this.store.scan(compiled.object, entityId)) {
          if (!full) {
            if (
              incrementalFrom !== undefined
                ? Date.parse(stored.record.UpdatedDate) < incrementalFrom
                : stored.seq <= since
            )
              continue;
          }
          if (compiled.matches(stored.record)) live.push(stored.record);
        }
        if (!full && del !== undefined) {
          for (const d of this.store.deletedSince(compiled.object, since)) {
            if (
              (entityId === null || d.entityId === entityId) &&
              d.seq <= snapshotSeq &&
              compiled.matches(d.record)
            )
              gone.push(d.record);
          }
        }
        function* text(): Generator<string> {
          let current = `${headerLine}\n`;
          for (const [records, deleted] of [
            [live, false],
            [gone, true],
          ] as const) {
            const prefix = del ? `${flag(deleted)},` : '';
            for (const record of records) {
              current += `${prefix}${format(record)}\n`;
              if (current.length > 1_000_000) {
                yield current;
                current = '';
              }
            }
          }
          if (current !== '') yield current;
        }
        const fileId = randomUUID().replace(/-/g, '');
        const gzip = request.format.toLowerCase() === 'gzip';
        const zipped = gzip ? [gzipSync(Buffer.from([...text()].join(''), 'utf8'))] : undefined;
        this.files.set(fileId, { gzip, chunks: zipped === undefined ? text : () => zipped });
        Object.assign(batch, { status: 'completed', recordCount: live.length + gone.length, full, fileId });
        projectState?.set(q.name, { query: q.query, deletedSignature: signature, seq: snapshotSeq });
      } catch (e) {
        Object.assign(batch, { status: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    });
    if (projectState !== undefined) this.state.set(stateKey, projectState);
    job.status = job.batches.some((b) => b.status === 'error') ? 'error' : 'completed';
  }
}
