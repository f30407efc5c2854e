import { randomBytes } from 'node:crypto';
import type { RecordsResult } from '../soql/query-result.js';

// Open query cursors behind `nextRecordsUrl` (`/services/data/vXX.X/query/01g...-2000`).
// Salesforce keeps at most 10 open cursors per user and drops the oldest beyond that
// (api-limits.md 1.2); the emulator keeps 50 to be lenient with parallel test clients.

const maxCursors = 50;

export interface Cursor {
  result: RecordsResult;
  batchSize: number;
}

export class QueryCursors {
  private readonly open = new Map<string, Cursor>();

  create(result: RecordsResult, batchSize: number): string {
    const id = `01g${randomBytes(6).toString('hex').toUpperCase().slice(0, 12)}`;
    this.open.set(id, { result, batchSize });
    if (this.open.size > maxCursors) {
      const oldest = this.open.keys().next().value;
      if (oldest) this.open.delete(oldest);
    }
    return id;
  }

  get(id: string): Cursor | undefined {
    return this.open.get(id);
  }

  clear(): void {
    this.open.clear();
  }
}
