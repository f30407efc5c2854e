// The result files of a Bulk API 2.0 ingest job (successful, failed, unprocessed records) as byte streams.
// jsforce reads a response whole before answering, and a results file repeats every column sent, so a
// million-row job would sit in memory twice; these are read with fetch on the connection's session instead.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_successful_results.htm
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type jsforce from 'jsforce';

export type IngestResultKind = 'successfulResults' | 'failedResults' | 'unprocessedrecords';

export async function openIngestResults(
  conn: jsforce.Connection,
  jobId: string,
  kind: IngestResultKind,
): Promise<Readable> {
  return Readable.fromWeb(await openIngestResultBytes(conn, jobId, kind));
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
  const path = `/services/data/v${conn.version}/jobs/ingest/${encodeURIComponent(jobId)}/${kind}`;
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(new URL(path, conn.instanceUrl), {
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
