// Waiting on a Node HTTP client request (ingest-upload.ts): its answer, room for more body, the answer's text.
import type { ClientRequest, IncomingMessage } from 'node:http';

/**
 * No byte either way for this long ends a request made outside fetch (ingest-upload.ts, result-socket.ts) with an
 * error, so that a connection gone silent is retried rather than waited on for ever. fetch's own limits are the
 * same: undici's headersTimeout and bodyTimeout, 300 s each
 * (https://undici.nodejs.org/#/docs/api/Client?id=parameter-clientoptions).
 */
export const idleTimeoutMs = 300_000;

/** The response, or the request's error; a response that comes before the body is written ends the writing. */
export function answered(req: ClientRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
}

/** Once the request can take more, or can take none (it was answered early or failed). */
export function drained(req: ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      req.off('drain', done).off('response', done).off('close', done).off('error', done);
      resolve();
    };
    req.on('drain', done).on('response', done).on('close', done).on('error', done);
  });
}

export async function readText(res: IncomingMessage): Promise<string> {
  let text = '';
  res.setEncoding('utf8');
  for await (const part of res as AsyncIterable<string>) text += part;
  return text;
}
