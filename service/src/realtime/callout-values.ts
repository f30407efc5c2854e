// The values of a callout are checked against what the store takes too (no NUL character in text, dates
// PostgreSQL can hold), so a malformed callout is a 400 naming the field, answered once: Zuora retries a 5xx
// answer (by default 3 attempts, 30 minutes apart) but not a 4xx one.
// https://docs.zuora.com/en/zuora-platform/extensibility/events-and-notifications/configure-callout-settings
import { z } from 'zod';
import { entityIdFormat, entityIdFormatMessage } from '../config/entity-ids.js';
import { storableText } from '../store/storable-text.js';

/** A change time far outside these years is not one; PostgreSQL refuses years before 4713 BC. */
const earliest = Date.UTC(1900, 0, 1);
const latest = Date.UTC(10_000, 0, 1);

export const isoDate = z.string().refine((v) => {
  const t = Date.parse(v);
  return !Number.isNaN(t) && t >= earliest && t < latest;
}, 'expected an ISO 8601 date-time between the years 1900 and 9999');

/** What the store can keep (store/storable-text.ts) and no other control character: an id has none. */
export const plainText = (v: string) =>
  storableText(v) && ![...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/** '' (a single-entity tenant) or an entity id by its format. */
export const calloutEntityId = z
  .string()
  .refine((v) => v === '' || entityIdFormat.test(v), `expected '' or ${entityIdFormatMessage}`)
  .default('');
