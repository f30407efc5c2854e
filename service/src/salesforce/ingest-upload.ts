// The CSV data of a Bulk API 2.0 ingest job, uploaded in one PUT whose body streams: written here chunk by
// chunk, so a caller whose chunks are views of read buffers learns when the socket has taken each one and can
// read into that buffer again (turbo/part-reads.ts) instead of allocating a new one for every read. jsforce's
// upload pipes the body through five streams and never says when a chunk is written.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/upload_job_data.htm
import { request as httpRequest, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import type jsforce from 'jsforce';
import { answered, drained, idleTimeoutMs, readText } from './request-events.js';

/** Told of each chunk once written (in order), and with none once the whole body is (the job answered). */
export type OnWritten = (chunk?: Uint8Array) => void;

/**
 * PUTs `body` as the data of job `jobId` (Salesforce answers 201 Created once it has it all). A body that fails
 * rejects with its own error and the request is cut off, so Salesforce has an incomplete upload it never
 * processes unless the job is closed (the caller aborts it). An expired session (401) is refreshed first and the
 * error carries no status, so a caller retries it as it would a network failure. So does a connection with no
 * byte either way for `idleMs` (request-events.ts's idleTimeoutMs), which is cut.
 */
export async function putIngestData(
  conn: jsforce.Connection,
  jobId: string,
  body: Readable,
  onWritten?: OnWritten,
  idleMs = idleTimeoutMs,
): Promise<void> {
  const url = new URL(
    `/services/data/v${conn.version}/jobs/ingest/${encodeURIComponent(jobId)}/batches`,
    conn.instanceUrl,
  );
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const req = send(url, {
    method: 'PUT',
    headers: {
      authorization: `Bearer ${conn.accessToken ?? ''}`,
      'content-type': 'text/csv',
      accept: 'application/json',
    },
  });
  req.setTimeout(idleMs, () => {
    req.destroy(
      new Error(`Bulk API 2.0 job ${jobId}: no byte from Salesforce for ${String(idleMs / 1000)} s`),
    );
  });
  const answer = answered(req);
  try {
    await writeBody(req, body, onWritten);
  } catch (error) {
    req.destroy();
    answer.catch(() => undefined);
    throw error;
  }
  const res = await answer;
  const text = await readText(res);
  const status = res.statusCode ?? 0;
  if (status >= 200 && status < 300) {
    onWritten?.();
    return;
  }
  if (status === 401) {
    // An expired session: a jsforce request refreshes it (refresh token or refreshFn) for the retry.
    await conn.request({ method: 'GET', url: `/services/data/v${conn.version}/jobs/ingest/${jobId}` });
    throw new Error(`Bulk API 2.0 job ${jobId}: its session expired while its data was uploaded`);
  }
  const errorCode = /"errorCode"\s*:\s*"([^"]+)"/.exec(text)?.[1];
  throw Object.assign(
    new Error(
      `Bulk API 2.0 job ${jobId}: uploading its data answered ${String(status)}: ${text.slice(0, 300)}`,
    ),
    { statusCode: status, ...(errorCode === undefined ? {} : { errorCode }) },
  );
}

async function writeBody(req: ClientRequest, body: Readable, onWritten?: OnWritten): Promise<void> {
  let stopped = false;
  const stop = (): void => {
    stopped = true;
  };
  req.once('response', stop).once('error', stop).once('close', stop);
  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    if (stopped) break;
    if (chunk.length === 0) continue;
    const more = req.write(chunk, (error) => {
      if (error == null && typeof chunk !== 'string') onWritten?.(chunk);
    });
    if (!more && !stopped) await drained(req);
  }
  req.end();
}
