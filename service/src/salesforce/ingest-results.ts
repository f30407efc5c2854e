// The result files of a Bulk API 2.0 ingest job (successful, failed, unprocessed records) as byte streams.
// jsforce reads a response whole before answering, and a results file repeats every column sent, so a
// million-row job would sit in memory twice; these are read with fetch on the connection's session instead.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_successful_results.htm
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type jsforce from 'jsforce';
import { getInto, type BodySink } from './result-socket.js';

export type IngestResultKind = 'successfulResults' | 'failedResults' | 'unprocessedrecords';

export async function openIngestResults(
  conn: jsforce.Connection,
  jobId: string,
  kind: IngestResultKind,
): Promise<Readable> {
  return Readable.fromWeb(await openIngestResultBytes(conn, jobId, kind));
}

const resultUrl = (conn: jsforce.Connection, jobId: string, kind: IngestResultKind): URL =>
  new URL(
    `/services/data/v${conn.version}/jobs/ingest/${encodeURIComponent(jobId)}/${kind}`,
    conn.instanceUrl,
  );

/**
 * The bytes of a result file to `sink`, each a view valid during the call only: read into one buffer read into
 * again (result-socket.ts), so a file as long as the upload allocates nothing per read. An answer other than 200,
 * or a failure before any byte, is read again through fetch (`openIngestResultBytes`: an expired session is
 * refreshed, a 5xx retried, any other error thrown).
 */
export async function readIngestResultInto(
  conn: jsforce.Connection,
  jobId: string,
  kind: IngestResultKind,
  sink: BodySink,
): Promise<void> {
  let given = false;
  const headers = { authorization: `Bearer ${conn.accessToken ?? ''}`, accept: 'text/csv' };
  try {
    const read = await getInto(resultUrl(conn, jobId, kind), headers, (bytes) => {
      given = true;
      sink(bytes);
    });
    if (read) return;
  } catch (error) {
    if (given) throw error;
  }
  for await (const bytes of await openIngestResultBytes(conn, jobId, kind))
    sink(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/**
 * The same as the response's own byte stream, read without a Node stream over it: a successful-results file
 * is as long as the upload and only counted (success-count.ts), so its chunks are taken as they come.
 */
export async function openIngestResultBytes(
  conn: jsforce.Connection,
  jobId: string,
  kind: IngestResultKind,
): Promise<WebReadableStream<Uint8Array>> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(resultUrl(conn, jobId, kind), {
      headers: { authorization: `Bearer ${conn.accessToken ?? ''}`, accept: 'text/csv' },
    });
    if (response.ok && response.body !== null) {
      return response.body as WebReadableStream<Uint8Array>;
    }
    const text = await response.text();
    if (response.status === 401 && attempt === 0) {
      // An expired session: a jsforce request refreshes it (refresh token or refreshFn), then read again.
      await conn.request({ method: 'GET', url: `/services/data/v${conn.version}/jobs/ingest/${jobId}` });
      continue;
    }
    if ((response.status >= 500 || response.status === 429) && attempt < 4) {
      await sleep(200 * 2 ** attempt);
      continue;
    }
    throw Object.assign(
      new Error(
        `Bulk API 2.0 job ${jobId}: reading ${kind} answered ${String(response.status)}: ${text.slice(0, 300)}`,
      ),
      { statusCode: response.status },
    );
  }
}
