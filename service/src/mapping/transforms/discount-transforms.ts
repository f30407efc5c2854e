// ProductRatePlanCharge.ApplyDiscountTo -> the three zqu Apply_Discount_To_* checkboxes and the
// numeric Discount_Apply_Type. Zuora's codes are a bit set: ONETIME 1, RECURRING 2, USAGE 4, and the
// combinations sum them (ONETIMERECURRING 3 ... ONETIMERECURRINGUSAGE 7).
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/productrateplancharge/field-descriptions-of-productrateplancharge
import { describeValue, fail, isBlank, ok, type Transform } from './transform-result.js';

export const applyDiscountToCodes = {
  ONETIME: 1,
  RECURRING: 2,
  ONETIMERECURRING: 3,
  USAGE: 4,
  ONETIMEUSAGE: 5,
  RECURRINGUSAGE: 6,
  ONETIMERECURRINGUSAGE: 7,
} as const;

type ApplyDiscountTo = keyof typeof applyDiscountToCodes;

const chargeTypeBit = { oneTime: 1, recurring: 2, usage: 4 } as const;

/** The 1..7 code of an ApplyDiscountTo value ("RECURRING", "RECURRING (2)", 2 or "2"); null if blank. */
export function parseApplyDiscountTo(value: unknown): number | null | undefined {
  if (isBlank(value)) return null;
  if (typeof value === 'number')
    return Number.isInteger(value) && value >= 1 && value <= 7 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\s*([A-Za-z]+)?\s*(?:\(?\s*([1-7])\s*\)?)?\s*$/.exec(value);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  const byName = m[1] === undefined ? undefined : applyDiscountToCodes[m[1].toUpperCase() as ApplyDiscountTo];
  const byCode = m[2] === undefined ? undefined : Number(m[2]);
  if (m[1] !== undefined && byName === undefined) return undefined;
  if (byName !== undefined && byCode !== undefined && byName !== byCode) return undefined;
  return byName ?? byCode;
}

function invalid(field: { name: string }, value: unknown) {
  return fail(
    'INVALID_APPLY_DISCOUNT_TO',
    `${field.name}: ${describeValue(value)} is not an ApplyDiscountTo value (ONETIME(1) ... ONETIMERECURRINGUSAGE(7))`,
  );
}

function appliesTo(bit: number): Transform {
  return (value, field) => {
    const code = parseApplyDiscountTo(value);
    if (code === undefined) return invalid(field, value);
    return ok(code !== null && (code & bit) !== 0);
  };
}

export const applyDiscountToOneTime = appliesTo(chargeTypeBit.oneTime);
export const applyDiscountToRecurring = appliesTo(chargeTypeBit.recurring);
export const applyDiscountToUsage = appliesTo(chargeTypeBit.usage);

/** zqu__Discount_Apply_Type__c holds the code as a number. */
export const applyType: Transform = (value, field) => {
  const code = parseApplyDiscountTo(value);
  if (code === undefined) return invalid(field, value);
  return ok(code);
};
