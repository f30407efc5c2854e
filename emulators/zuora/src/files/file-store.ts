// Result files of AQuA jobs, CRUD exports and Data Query jobs, downloaded through GET /v1/files/{id}. A file
// keeps a way to produce its bytes (a CSV is formatted as it downloads) and its content type, which Zuora
// gives with the character set: `text/csv;charset=UTF-8`, `application/zip;charset=UTF-8`,
// `application/x-gzip;charset=UTF-8`. https://developer.zuora.com/v1-api-reference/api/operation/GET_Files/
import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zipOne } from './zip-archive.js';

export type FileFormat = 'csv' | 'gzip' | 'zip' | 'json' | 'tsv' | 'dsv' | 'html';

export interface StoredFile {
  readonly contentType: string;
  readonly chunks: () => Iterable<string | Buffer>;
  /** Entity the file was produced in (null: single-entity tenant). */
  readonly entityId: string | null;
}

const textTypes: Record<string, string> = {
  csv: 'text/csv;charset=UTF-8',
  tsv: 'text/tab-separated-values;charset=UTF-8',
  dsv: 'text/plain;charset=UTF-8',
  json: 'application/json;charset=UTF-8',
  html: 'text/html;charset=UTF-8',
};

export class FileStore {
  private readonly files = new Map<string, StoredFile>();

  constructor(private readonly now: () => Date) {}

  get(id: string): StoredFile | undefined {
    return this.files.get(id);
  }

  /**
   * Stores text produced in chunks (strings or their UTF-8 bytes): as is (`text` kinds), or compressed whole when `compression` is gzip or
   * zip (`entryName` names the file inside a ZIP).
   */
  put(
    text: () => Iterable<string | Buffer>,
    options: {
      kind: 'csv' | 'tsv' | 'dsv' | 'json' | 'html';
      compression: 'none' | 'gzip' | 'zip';
      entryName: string;
      entityId: string | null;
    },
  ): string {
    const id = randomUUID().replace(/-/g, '');
    // Chunks end at line ends, so each string chunk is whole characters.
    const whole = (): Buffer =>
      Buffer.concat([...text()].map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
    let file: StoredFile;
    if (options.compression === 'gzip') {
      const bytes = gzipSync(whole());
      file = {
        contentType: 'application/x-gzip;charset=UTF-8',
        chunks: () => [bytes],
        entityId: options.entityId,
      };
    } else if (options.compression === 'zip') {
      const bytes = zipOne(options.entryName, whole(), this.now());
      file = {
        contentType: 'application/zip;charset=UTF-8',
        chunks: () => [bytes],
        entityId: options.entityId,
      };
    } else {
      file = {
        contentType: textTypes[options.kind] ?? 'text/plain;charset=UTF-8',
        chunks: text,
        entityId: options.entityId,
      };
    }
    this.files.set(id, file);
    return id;
  }
}
