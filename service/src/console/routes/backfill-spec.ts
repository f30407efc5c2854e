// What a backfill may name in a request (some billing accounts, some objects, an UpdatedDate range), and the
// spec a backfill session keeps in its params.
import { z } from 'zod';
import { zuoraIdFormat, zuoraIdFormatMessage } from '../../zuora/zuora-ids.js';

const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

export const backfillBody = z.strictObject({
  accountIds: z.array(z.string().regex(zuoraIdFormat, zuoraIdFormatMessage)).max(190).optional(),
  objects: z.array(z.string().min(1).max(80)).max(60).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
});

export const toSpec = (b: z.infer<typeof backfillBody>) => ({
  ...(b.accountIds === undefined ? {} : { accountIds: b.accountIds }),
  ...(b.objects === undefined ? {} : { objects: b.objects }),
  ...(b.since === undefined ? {} : { since: new Date(b.since).toISOString().slice(0, 19) }),
  ...(b.until === undefined ? {} : { until: new Date(b.until).toISOString().slice(0, 19) }),
});
