import type { FastifyReply } from 'fastify';
import { XMLParser } from 'fast-xml-parser';

// Bulk API 1.0 speaks XML (or JSON when the job's content type or the request is JSON) in the
// `http://www.force.com/2009/06/asyncapi/dataload` namespace; errors are
// `<error><exceptionCode/><exceptionMessage/></error>`, 400 unless said otherwise.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_reference_errors.htm

export const NAMESPACE = 'http://www.force.com/2009/06/asyncapi/dataload';

export type Format = 'xml' | 'json';

export class AsyncError extends Error {
  constructor(
    readonly exceptionCode: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/** `<root xmlns=...><k>v</k>...</root>`; nested objects become elements, arrays repeat the element. */
export function toXml(root: string, fields: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${NAMESPACE}">${body(fields)}</${root}>`;
}

function body(fields: Record<string, unknown>): string {
  let out = '';
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) {
      if (item === null)
        out += `<${k} xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>`;
      else if (typeof item === 'object') out += `<${k}>${body(item as Record<string, unknown>)}</${k}>`;
      else out += `<${k}>${escapeXml(String(item))}</${k}>`;
    }
  }
  return out;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  removeNSPrefix: true,
});

/** Parses an XML body; throws AsyncError on XML that is not well formed. */
export function parseXml(text: string): Record<string, unknown> {
  try {
    return parser.parse(text, true) as Record<string, unknown>;
  } catch (error) {
    throw new AsyncError('InvalidXML', `Unable to parse XML: ${(error as Error).message}`);
  }
}

export function formatOf(contentType: string | undefined): Format {
  return /json/i.test(contentType ?? '') ? 'json' : 'xml';
}

export function sendAsync(
  reply: FastifyReply,
  format: Format,
  root: string,
  fields: Record<string, unknown>,
  status = 200,
) {
  if (format === 'json') return reply.code(status).header('content-type', 'application/json').send(fields);
  return reply.code(status).header('content-type', 'application/xml').send(toXml(root, fields));
}

export function sendAsyncError(reply: FastifyReply, format: Format, error: AsyncError) {
  return sendAsync(
    reply,
    format,
    'error',
    { exceptionCode: error.exceptionCode, exceptionMessage: error.message },
    error.status,
  );
}
