// Data source exports through the CRUD Export object: POST /v1/object/export { Format, Query, Name, Zip }
// creates one (Export ZOQL), GET /v1/object/export/{id} shows its Status (Pending, Processing, Completed,
// Failed, Canceled) and, once completed, the FileId to download with GET /v1/files/{id}. A query Zuora cannot
// run fails the export with a StatusReason rather than refusing the request. A file is a CSV with label
// headers (or an HTML table), zipped unless Zip is false.
// https://developer.zuora.com/v1-api-reference/older-api/operation/Object_POSTExport/
import { randomUUID } from 'node:crypto';
import type { FileStore } from '../files/file-store.js';
import { delimitedText, htmlTableText } from '../files/result-text.js';
import { compileQuery } from '../query/compile-query.js';
import { runQuery } from '../query/run-query.js';
import type { TenantStore } from '../store/tenant-store.js';

export type ExportStatus = 'Pending' | 'Processing' | 'Completed' | 'Failed' | 'Canceled';

export interface ExportJob {
  Id: string;
  Name: string;
  Query: string;
  Format: 'csv' | 'html';
  Zip: boolean;
  Encrypted: boolean;
  Status: ExportStatus;
  StatusReason?: string;
  FileId?: string;
  Size?: number;
  CreatedDate: string;
  UpdatedDate: string;
  CreatedById: string;
  UpdatedById: string;
  entityId: string | null;
}

export interface ExportRequest {
  Name: string;
  Query: string;
  Format: 'csv' | 'html';
  Zip: boolean;
  Encrypted: boolean;
}

const apiUser = 'emulator-api-user';

export class ExportService {
  readonly exports = new Map<string, ExportJob>();

  constructor(
    private readonly store: TenantStore,
    private readonly files: FileStore,
    private readonly now: () => Date,
  ) {}

  create(request: ExportRequest, entityId: string | null): ExportJob {
    const at = this.now().toISOString();
    const job: ExportJob = {
      Id: randomUUID().replace(/-/g, ''),
      ...request,
      Status: 'Pending',
      CreatedDate: at,
      UpdatedDate: at,
      CreatedById: apiUser,
      UpdatedById: apiUser,
      entityId,
    };
    this.exports.set(job.Id, job);
    setImmediate(() => {
      if (job.Status !== 'Pending') return;
      job.Status = 'Processing';
      setImmediate(() => this.run(job));
    });
    return job;
  }

  private run(job: ExportJob): void {
    if (job.Status !== 'Processing') return;
    const compiled = compileQuery(this.store, job.Query, 'export');
    job.UpdatedDate = this.now().toISOString();
    if (!compiled.ok) {
      Object.assign(job, { Status: 'Failed', StatusReason: compiled.error.message });
      return;
    }
    const q = compiled.query;
    const rows = [
      ...runQuery(
        q,
        [...this.store.scan(q.object, job.entityId)].map((s) => s.record),
      ),
    ];
    const headers = q.columns.map((c) => c.alias ?? c.title);
    const text =
      job.Format === 'html'
        ? htmlTableText(q.columns, headers, rows)
        : delimitedText(q.columns, headers, rows, ',');
    const fileId = this.files.put(text, {
      kind: job.Format,
      compression: job.Zip ? 'zip' : 'none',
      entryName: `${job.Name === '' ? job.Id : job.Name}.${job.Format}`,
      entityId: job.entityId,
    });
    const size = [...(this.files.get(fileId)?.chunks() ?? [])].reduce((n, c) => n + Buffer.byteLength(c), 0);
    Object.assign(job, { Status: 'Completed', FileId: fileId, Size: size });
  }
}
