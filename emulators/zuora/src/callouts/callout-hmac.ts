// HMAC authentication and custom headers of a callout, as Zuora lets an admin configure them on a callout
// template: an algorithm, a secret key, the data to sign (merge fields allowed, each item followed by a line
// feed), the header that carries the signature and its value, where `{{Data.HMAC.Signed}}` stands for the
// base64 signature. Merge fields are rendered for every delivery attempt, so a timestamp field is the time
// of that attempt.
// https://docs.zuora.com/zuora-platform/extensibility/events-and-notifications/callout-templates/callout-template-overview
// https://docs.zuora.com/zuora-platform/extensibility/events-and-notifications/callout-templates/insert-merge-fields-into-callout-templates
// https://docs.zuora.com/zuora-platform/extensibility/workflow/create-and-manage-workflow-definitions/workflow-reference/workflow-task-reference/notifications-callout/example-use-hmac-authentication-in-a-callout-task
import { createHmac } from 'node:crypto';
import { z } from 'zod';

export const hmacAlgorithms = { 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-512': 'sha512' } as const;

export const calloutHmacSchema = z.object({
  algorithm: z.enum(['SHA-1', 'SHA-256', 'SHA-512']).default('SHA-256'),
  key: z.string().min(1),
  /** The string to sign, with merge fields such as {{Event.Timestamp}}. */
  data: z.string().min(1),
  signedHeaderKey: z.string().regex(/^[A-Za-z0-9-]+$/, 'expected an HTTP header name'),
  signedHeaderValue: z.string().default('{{Data.HMAC.Signed}}'),
});

export type CalloutHmac = z.output<typeof calloutHmacSchema>;

/** Merge field values: `Event.*` for the notification, `DataSource.<Object>.<Field>` for the record. */
export type MergeValues = Readonly<Record<string, string>>;

/** Replaces every `{{ Name.Path }}` with its value; an unknown merge field renders empty, as in Zuora. */
export function renderMergeFields(template: string, values: MergeValues): string {
  return template.replace(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g, (_m, name: string) => values[name] ?? '');
}

export function hmacSignature(hmac: CalloutHmac, data: string): string {
  return createHmac(hmacAlgorithms[hmac.algorithm], hmac.key).update(data, 'utf8').digest('base64');
}

/** The signed header for one attempt: [name, value]. */
export function signedHeader(hmac: CalloutHmac, values: MergeValues): [string, string] {
  const signed = hmacSignature(hmac, renderMergeFields(hmac.data, values));
  return [
    hmac.signedHeaderKey,
    renderMergeFields(hmac.signedHeaderValue, { ...values, 'Data.HMAC.Signed': signed }),
  ];
}
