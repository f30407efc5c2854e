import type { IdCodec } from '../store/id-codec.js';
import { textOf } from '../text-of.js';
import { csvLine } from './csv-reader.js';
import { terminalStates, type IngestJob } from './ingest-job.js';
import { liveResults, type JobResults } from './job-results.js';

// The result files of a Bulk API 2.0 ingest job, as bytes:
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_successful_results.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_failed_results.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_unprocessed_results.htm
// Each result row is its sf__ columns and the row as uploaded. An upload of ASCII characters (on disk
// as received) gives its rows as bytes, copied into the answer without being decoded and encoded
// again; any other is read as text. The upload is read only for an answer that repeats some of its rows.

const TRUE = Buffer.from('"true"');
const FALSE = Buffer.from('"false"');

export type ResultKind = 'successful' | 'failed' | 'unprocessed';

/** Bytes of a generated Id's result prefix: `"Id"` (18 characters in quotes), delimiter, `"false"`, delimiter. */
const ID_PREFIX = 1 + 18 + 1 + 1 + 7 + 1;

export function resultCsv(job: IngestJob, kind: ResultKind, codec: IdCodec): Buffer {
  const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
  const d = job.delimiter;
  const results = job.results ?? liveResults(job);
  const header = results.header ?? '';
  if (kind === 'unprocessed') {
    // A job aborted (or failed) before its upload was read never reached any row: all of it is
    // unprocessed, exactly as uploaded.
    if (results.header === null)
      return Buffer.from(terminalStates.has(job.state) && job.state !== 'JobComplete' ? results.data() : '');
    const from = job.state === 'JobComplete' ? results.rows : results.unprocessedFrom;
    if (from >= results.rows) return Buffer.from(header + eol);
  }
  if (kind === 'failed' && results.errors.size === 0)
    return Buffer.from(`${csvLine(['sf__Id', 'sf__Error'], d)}${d}${header}${eol}`);
  const bytes = results.bytes();
  if (bytes !== null && kind === 'successful') return successBytes(results, bytes, d, eol, codec);
  if (bytes !== null && kind === 'failed') return failedBytes(results, bytes, d, eol, codec);
  return Buffer.from(resultText(job, kind, results, codec));
}

const idText = (results: JobResults, codec: IdCodec, row: number): string => {
  const id = results.id(row) ?? '';
  return typeof id === 'number' ? codec.idOf(id) : id;
};

/** The successful results from the upload's bytes: a generated Id's row written straight into the answer. */
function successBytes(results: JobResults, bytes: Buffer, d: string, eol: string, codec: IdCodec): Buffer {
  const head = Buffer.from(`${csvLine(['sf__Id', 'sf__Created'], d)}${d}${results.header ?? ''}`);
  const eolBytes = Buffer.from(eol);
  const delimiter = d.charCodeAt(0);
  const anyError = results.errors.size > 0;
  // Rows whose Id or created flag is not a generated Id and a boolean: their prefix as csvLine writes it.
  const other = new Map<number, Buffer>();
  let size = head.length + eolBytes.length;
  for (let r = 0; r < results.processed; r += 1) {
    if (anyError && results.errors.has(r)) continue;
    const id = results.id(r);
    const created = results.created(r);
    let prefix = ID_PREFIX - (created === true ? 1 : 0);
    if (typeof id !== 'number' || typeof created !== 'boolean') {
      const text = Buffer.from(`${csvLine([idText(results, codec, r), textOf(created)], d)}${d}`);
      other.set(r, text);
      prefix = text.length;
    }
    size += prefix + results.end(r) - results.start(r) + eolBytes.length;
  }
  const out = Buffer.allocUnsafe(size);
  let at = head.copy(out, 0);
  at += eolBytes.copy(out, at);
  for (let r = 0; r < results.processed; r += 1) {
    if (anyError && results.errors.has(r)) continue;
    const id = results.id(r);
    const created = results.created(r);
    const text = other.size > 0 ? other.get(r) : undefined;
    if (text !== undefined) at += text.copy(out, at);
    else {
      out[at++] = 34;
      at = codec.writeId(id as number, out, at);
      out[at++] = 34;
      out[at++] = delimiter;
      at += (created === true ? TRUE : FALSE).copy(out, at);
      out[at++] = delimiter;
    }
    at += bytes.copy(out, at, results.start(r), results.end(r));
    at += eolBytes.copy(out, at);
  }
  return out;
}

/** The failed results from the upload's bytes. */
function failedBytes(results: JobResults, bytes: Buffer, d: string, eol: string, codec: IdCodec): Buffer {
  const eolBytes = Buffer.from(eol);
  const parts: Buffer[] = [Buffer.from(`${csvLine(['sf__Id', 'sf__Error'], d)}${d}${results.header ?? ''}`)];
  parts.push(eolBytes);
  for (const [r, error] of results.errors) {
    parts.push(Buffer.from(`${csvLine([idText(results, codec, r), error], d)}${d}`));
    parts.push(bytes.subarray(results.start(r), results.end(r)), eolBytes);
  }
  return Buffer.concat(parts);
}

/** The result file as text, from the upload's text. */
function resultText(job: IngestJob, kind: ResultKind, results: JobResults, codec: IdCodec): string {
  const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
  const d = job.delimiter;
  const header = results.header ?? '';
  const data = results.data();
  const line = (row: number) => data.slice(results.start(row), results.end(row));
  const parts: string[] = [];
  if (kind === 'unprocessed') {
    parts.push(header);
    const from = job.state === 'JobComplete' ? results.rows : results.unprocessedFrom;
    for (let r = from; r < results.rows; r += 1) parts.push(line(r));
  } else if (kind === 'successful') {
    parts.push(`${csvLine(['sf__Id', 'sf__Created'], d)}${d}${header}`);
    const anyError = results.errors.size > 0;
    for (let r = 0; r < results.processed; r += 1) {
      if (anyError && results.errors.has(r)) continue;
      const id = results.id(r);
      const created = results.created(r);
      // csvLine quotes a generated Id (letters and digits) and true/false as they are.
      parts.push(
        typeof id === 'number' && typeof created === 'boolean'
          ? `"${codec.idOf(id)}"${d}"${created ? 'true' : 'false'}"${d}${line(r)}`
          : `${csvLine([idText(results, codec, r), textOf(created)], d)}${d}${line(r)}`,
      );
    }
  } else {
    parts.push(`${csvLine(['sf__Id', 'sf__Error'], d)}${d}${header}`);
    for (const [r, error] of results.errors)
      parts.push(`${csvLine([idText(results, codec, r), error], d)}${d}${line(r)}`);
  }
  return parts.join(eol) + eol;
}
