// The body of a Zuora data-change callout as our callout template defines it (merge fields of the event and
// of its data source) and how it becomes a change event. Zuora builds callout bodies from merge fields such
// as {{DataSource.Account.Id}}:
// https://docs.zuora.com/zuora-platform/extensibility/events-and-notifications/callout-templates/insert-merge-fields-into-the-request-body-of-callout-templates
// The Zuora-Notification-Id header stays the same across retries of one notification, so it is the dedupe
// key: https://docs.zuora.com/en/zuora-platform/extensibility/events-and-notifications/notifications/callout-notification-overview
import { z } from 'zod';
import { calloutEntityId, isoDate, plainText } from './callout-values.js';
import type { NewChangeEvent } from './change-event-rows.js';

export const calloutPayloadSchema = z.object({
  notificationId: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .refine(plainText, 'must not contain NUL or other control characters, nor a lone UTF-16 surrogate'),
  objectType: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/, 'expected a Zuora object name such as Account or Subscription'),
  changeType: z.enum(['INSERT', 'UPDATE', 'DELETE']),
  objectId: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'expected a Zuora record id (letters, digits, hyphens; at most 64)'),
  /** '' for a single-entity tenant; otherwise one of the tenant's entities (checked at intake). */
  entityId: calloutEntityId,
  /** The record's UpdatedDate: when it changed in Zuora. */
  updatedDate: isoDate.nullable().optional(),
  /** When Zuora raised the event; the change time when the record has no UpdatedDate (deletions). */
  eventTime: isoDate.optional(),
});

export type CalloutPayload = z.output<typeof calloutPayloadSchema>;

/** One readable line per problem: "objectId: expected a Zuora record id ...". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

export function changeEventOf(p: CalloutPayload, receivedAt: Date): NewChangeEvent {
  const changed = p.updatedDate ?? p.eventTime;
  return {
    dedupeKey: `callout:${p.notificationId}`,
    entityId: p.entityId,
    zuoraObject: p.objectType,
    zuoraId: p.objectId,
    eventType: p.changeType,
    occurredAt: changed === undefined || changed === null ? receivedAt : new Date(changed),
    source: 'callout',
    payload: p,
  };
}
