// Verifies that a callout comes from our Zuora tenant, with the authentication Zuora offers on callouts:
// - OAuth 2.0: a bearer token Zuora gets from an OAuth 2.0 provider (here the service, see callout-oauth.ts);
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
import { calloutTokenProblem } from './callout-oauth.js';
import type { CalloutPayload } from './callout-payload.js';
import type { CalloutAuthSettings } from '../config/realtime-settings.js';

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
  const { basic, oauth } = settings;
  if (settings.hmacKey === undefined && basic === undefined && oauth === undefined) {
    return {
      ok: false,
      reason:
        'callout authentication is not configured: set ZUORA_CALLOUT_HMAC_KEY, ZUORA_CALLOUT_USERNAME and ZUORA_CALLOUT_PASSWORD, or ZUORA_CALLOUT_OAUTH_CLIENT_ID and ZUORA_CALLOUT_OAUTH_CLIENT_SECRET',
    };
  }
  // Credentials: Basic and/or an OAuth 2.0 bearer token, whichever is configured (Zuora sends one of them).
  if (basic !== undefined || oauth !== undefined) {
    const authorization = single(headers.authorization) ?? '';
    const basicMatch = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(authorization);
    const bearerMatch = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (basic !== undefined && basicMatch?.[1] !== undefined) {
      const decoded = Buffer.from(basicMatch[1], 'base64').toString('utf8');
      if (!sameSecret(decoded, `${basic.username}:${basic.password}`))
        return { ok: false, reason: 'invalid Basic credentials' };
    } else if (oauth !== undefined && bearerMatch?.[1] !== undefined) {
      const problem = calloutTokenProblem(oauth, bearerMatch[1], now);
      if (problem !== undefined) return { ok: false, reason: problem };
    } else {
      return basic !== undefined
        ? { ok: false, reason: 'missing Basic credentials', challenge: 'Basic realm="zuora-callouts"' }
        : { ok: false, reason: 'missing bearer token', challenge: 'Bearer realm="zuora-callouts"' };
    }
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
