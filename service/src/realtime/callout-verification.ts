// Verifies that a callout comes from our Zuora tenant, with the authentication Zuora offers on callouts:
// - Basic auth credentials configured on the callout (Zuora sends them after a 401 challenge, or at once when
//   "preemptive" is on): https://knowledgecenter.zuora.com/Central_Platform/Notifications/C_Configure_Callout_Notifications
// - HMAC on the callout template: an algorithm (SHA-256 here), a key, the data to sign built from merge fields
//   with each item followed by a line feed, and the header carrying the signature:
//   https://docs.zuora.com/zuora-platform/extensibility/events-and-notifications/callout-templates/callout-template-overview
//   https://docs.zuora.com/zuora-platform/extensibility/workflow/create-and-manage-workflow-definitions/workflow-reference/workflow-task-reference/notifications-callout/example-use-hmac-authentication-in-a-callout-task
// The template this service expects (README, "Real-time sync"): header X-Zuora-Timestamp = {{Event.Timestamp}}
// (epoch ms of the attempt), signed header X-Zuora-Signature = {{Data.HMAC.Signed}}, data = timestamp,
// notification id, object type, change type, object id, entity id, UpdatedDate, each followed by "\n".
// A timestamp further than maxAgeSeconds from now is a replay (Zuora's own callback signatures use 300 s:
// https://knowledgecenter.zuora.com/Billing/Billing_and_Payments/LA_Hosted_Payment_Pages/C_Hosted_Payment_Pages/B_Implementing_Hosted_Payment_Pages_on_Your_Website/E_Verify_the_Callback_Response).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { CalloutPayload } from './callout-payload.js';
import type { CalloutAuthSettings } from './realtime-settings.js';

export const timestampHeader = 'x-zuora-timestamp';
export const signatureHeader = 'x-zuora-signature';

export type Verdict =
  { readonly ok: true } | { readonly ok: false; readonly reason: string; readonly challenge?: string };

type Headers = Readonly<Record<string, string | string[] | undefined>>;

const single = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

function sameSecret(a: string, b: string): boolean {
  const d = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(d(a), d(b));
}

/** Checks what can be checked before the body is read: configuration, Basic credentials, a fresh timestamp. */
export function verifyEnvelope(settings: CalloutAuthSettings, headers: Headers, now: Date): Verdict {
  if (settings.hmacKey === undefined && settings.basic === undefined) {
    return {
      ok: false,
      reason:
        'callout authentication is not configured: set ZUORA_CALLOUT_HMAC_KEY and/or ZUORA_CALLOUT_USERNAME and ZUORA_CALLOUT_PASSWORD',
    };
  }
  if (settings.basic !== undefined) {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(single(headers.authorization) ?? '');
    if (match?.[1] === undefined)
      return { ok: false, reason: 'missing Basic credentials', challenge: 'Basic realm="zuora-callouts"' };
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const expected = `${settings.basic.username}:${settings.basic.password}`;
    if (!sameSecret(decoded, expected)) return { ok: false, reason: 'invalid Basic credentials' };
  }
  if (settings.hmacKey !== undefined) {
    const ts = single(headers[timestampHeader]);
    if (single(headers[signatureHeader]) === undefined)
      return { ok: false, reason: `unsigned callout: no ${signatureHeader} header` };
    if (ts === undefined || !/^\d{10,16}$/.test(ts))
      return { ok: false, reason: `missing or malformed ${timestampHeader} header (epoch milliseconds)` };
    const skewMs = Math.abs(now.getTime() - Number(ts));
    if (skewMs > settings.maxAgeSeconds * 1000)
      return {
        ok: false,
        reason: `stale callout: signed ${String(Math.round(skewMs / 1000))} s from now, more than ${String(settings.maxAgeSeconds)} s (replay refused)`,
      };
  }
  return { ok: true };
}

/** The signed data, as the callout template's HMAC "Data" renders it. */
export function signedData(timestamp: string, p: CalloutPayload): string {
  return [
    timestamp,
    p.notificationId,
    p.objectType,
    p.changeType,
    p.objectId,
    p.entityId,
    p.updatedDate ?? '',
  ]
    .map((v) => `${v}\n`)
    .join('');
}

export function sign(key: string, timestamp: string, p: CalloutPayload): string {
  return createHmac('sha256', key).update(signedData(timestamp, p), 'utf8').digest('base64');
}

/** Checks the HMAC signature over the parsed body (after verifyEnvelope accepted the headers). */
export function verifySignature(settings: CalloutAuthSettings, headers: Headers, p: CalloutPayload): Verdict {
  if (settings.hmacKey === undefined) return { ok: true };
  const ts = single(headers[timestampHeader]) ?? '';
  const presented = single(headers[signatureHeader]) ?? '';
  if (!sameSecret(presented, sign(settings.hmacKey, ts, p)))
    return { ok: false, reason: 'invalid callout signature' };
  return { ok: true };
}
