// Zuora's error shapes. v1 REST: { success: false, processId, reasons: [{ code, message }] } with an
// 8-digit code whose last two digits are the category (10 permission, 11 authentication, 20 invalid
// value, 21 unknown field, 22 missing required, 30 rule restriction, 40 not found, 45 unsupported,
// 50 locking, 60 internal, 70 limit exceeded, 90 malformed request):
// https://developer.zuora.com/v1-api-reference/introduction/#section/Error-Handling
// The action API (/v1/action/query) answers { faultcode: 'fns:...', faultstring }.
import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';

export const errorCategory = {
  permission: 10,
  authentication: 11,
  invalidValue: 20,
  unknownField: 21,
  missingRequired: 22,
  ruleRestriction: 30,
  notFound: 40,
  unsupported: 45,
  internal: 60,
  limitExceeded: 70,
  malformed: 90,
} as const;

export type ErrorCategory = keyof typeof errorCategory;

/** Object prefixes of the codes (the leading digits name the resource). */
export const resourceCodes = {
  generic: 500000,
  auth: 900000,
  account: 531000,
  order: 591000,
  query: 580000,
  catalog: 511000,
  subscription: 530000,
  batchQuery: 900000,
} as const;

export interface ZuoraReason {
  code: number;
  message: string;
}

export function reason(
  resource: keyof typeof resourceCodes,
  category: ErrorCategory,
  message: string,
): ZuoraReason {
  return { code: resourceCodes[resource] * 100 + errorCategory[category], message };
}

export function v1Error(reply: FastifyReply, status: number, reasons: ZuoraReason[]): FastifyReply {
  const processId = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
  return reply
    .code(status)
    .header('Zuora-Request-Id', randomUUID())
    .send({ success: false, processId, reasons });
}

export function faultError(
  reply: FastifyReply,
  status: number,
  faultcode: string,
  faultstring: string,
): FastifyReply {
  return reply.code(status).send({ faultcode: `fns:${faultcode}`, faultstring });
}
