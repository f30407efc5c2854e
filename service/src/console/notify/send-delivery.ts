// Sends one delivery on its channel: a Sync_Event__e Platform Event published in Salesforce (admins build
// Flows on it), an email through the configured SMTP server, or a signed webhook. Failures come back as
// values (the caller retries later); secrets and addresses of the SMTP URL never reach a message or a log.
// https://developer.salesforce.com/docs/atlas.en-us.platform_events.meta/platform_events/platform_events_publish_api.htm
import type jsforce from 'jsforce';
import nodemailer from 'nodemailer';
import type { Delivery } from './delivery-rows.js';
import { deliveryHeader, signatureHeader, signWebhook } from './webhook-signature.js';

export interface Senders {
  readonly salesforce: jsforce.Connection | undefined;
  readonly smtpUrl: string | undefined;
  readonly smtpFrom: string;
  readonly webhookSecret: (ruleId: string | null) => Promise<string | null>;
  readonly fetch?: typeof fetch;
}

export type SendResult = { readonly ok: true } | { readonly ok: false; readonly error: string };

const fail = (error: string): SendResult => ({ ok: false, error });

export function platformEventOf(d: Delivery): Record<string, unknown> {
  const p = d.payload;
  return {
    Event_Type__c: p.eventType,
    Rule_Name__c: p.ruleName.slice(0, 80),
    ...(p.ruleId === null ? {} : { Rule_Id__c: p.ruleId }),
    Message__c: p.message.slice(0, 255),
    ...(p.value === null ? {} : { Metric_Value__c: Math.round(p.value * 100) / 100 }),
    ...(p.threshold === null ? {} : { Threshold__c: p.threshold }),
    ...(p.thresholdType === null ? {} : { Threshold_Type__c: p.thresholdType }),
    ...(p.windowStart === null ? {} : { Window_Start__c: p.windowStart }),
    Window_End__c: p.windowEnd,
    ...(p.sessionId === undefined ? {} : { Session_Id__c: p.sessionId }),
    Delivery_Id__c: d.id,
  };
}

async function publishEvent(conn: jsforce.Connection | undefined, d: Delivery): Promise<SendResult> {
  if (conn === undefined) return fail('no Salesforce connection in this process');
  try {
    const result = (await conn.sobject('Sync_Event__e').create(platformEventOf(d))) as {
      success: boolean;
      errors?: { message?: string }[];
    };
    return result.success
      ? { ok: true }
      : fail(`Salesforce refused the event: ${result.errors?.[0]?.message ?? 'unknown'}`);
  } catch (error) {
    return fail(`Salesforce refused the event: ${(error as Error).message}`);
  }
}

async function sendEmail(s: Senders, d: Delivery): Promise<SendResult> {
  if (s.smtpUrl === undefined) return fail('no SMTP server configured (SMTP_URL)');
  const to = d.payload.to ?? [];
  if (to.length === 0) return fail('no recipient');
  const transport = nodemailer.createTransport(s.smtpUrl);
  try {
    await transport.sendMail({
      from: s.smtpFrom,
      to: [...to],
      subject: `[zuora-sync] ${d.payload.ruleName}: ${d.payload.eventType.toLowerCase().replaceAll('_', ' ')}`,
      text: `${d.payload.message}\n\nRule: ${d.payload.ruleName}\nWindow end: ${d.payload.windowEnd}\nDelivery: ${d.id}\n`,
      messageId: `<${d.id}@zuora-sync>`,
    });
    return { ok: true };
  } catch (error) {
    // nodemailer's errors name the server and the SMTP reply, not the credentials.
    return fail(`SMTP: ${(error as { code?: string }).code ?? ''} ${(error as Error).message}`.trim());
  } finally {
    transport.close();
  }
}

async function sendWebhook(s: Senders, d: Delivery): Promise<SendResult> {
  const url = d.payload.url;
  if (url === undefined) return fail('no webhook URL');
  const secret = await s.webhookSecret(d.ruleId);
  if (secret === null) return fail('the rule has no webhook secret');
  const { to: _to, url: _url, ...event } = d.payload;
  const body = JSON.stringify({ id: d.id, ...event });
  try {
    const res = await (s.fetch ?? fetch)(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [deliveryHeader]: d.id,
        [signatureHeader]: signWebhook(secret, body, Math.floor(Date.now() / 1000)),
      },
      body,
      signal: AbortSignal.timeout(10_000),
      redirect: 'error',
    });
    await res.body?.cancel();
    return res.ok ? { ok: true } : fail(`the webhook answered HTTP ${String(res.status)}`);
  } catch (error) {
    return fail(`the webhook could not be reached: ${(error as Error).message}`);
  }
}

export function sendDelivery(s: Senders, d: Delivery): Promise<SendResult> {
  if (d.channel === 'platform_event') return publishEvent(s.salesforce, d);
  if (d.channel === 'email') return sendEmail(s, d);
  return sendWebhook(s, d);
}
