// The signature of an outbound webhook: HMAC-SHA256 with the rule's secret over `<timestamp>.<body>`, sent as
// `X-Zuora-Sync-Signature: t=<unix seconds>,v1=<hex>`. A receiver recomputes it over the raw body and refuses
// a timestamp older than a few minutes (replays). The same scheme as Stripe's webhook signatures:
// https://docs.stripe.com/webhooks#verify-manually
import { createHmac, timingSafeEqual } from 'node:crypto';

export const signatureHeader = 'x-zuora-sync-signature';
export const deliveryHeader = 'x-zuora-sync-delivery';

export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret)
    .update(`${String(unixSeconds)}.${body}`)
    .digest('hex');
  return `t=${String(unixSeconds)},v1=${mac}`;
}

/** For receivers (and tests): true when the header signs this body with this secret within `toleranceS`. */
export function verifyWebhook(
  secret: string,
  body: string,
  header: string,
  nowS: number,
  toleranceS = 300,
): boolean {
  const t = /(?:^|,)t=(\d+)/.exec(header)?.[1];
  const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(header)?.[1];
  if (t === undefined || v1 === undefined || Math.abs(nowS - Number(t)) > toleranceS) return false;
  const expected = signWebhook(secret, body, Number(t)).split('v1=')[1] ?? '';
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(v1, 'hex'));
}
