// BillingTiming: the SOAP/ZOQL object model says "In Advance" / "In Arrears"; the REST API and
// Orders use IN_ADVANCE / IN_ARREARS. Salesforce gets the documented label form either way.
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/rateplancharge/field-descriptions
import { describeValue, fail, isBlank, ok, type Transform } from './transform-result.js';

const labels: Record<string, string> = {
  'in advance': 'In Advance',
  in_advance: 'In Advance',
  'in arrears': 'In Arrears',
  in_arrears: 'In Arrears',
};

export const billingTiming: Transform = (value, field) => {
  if (isBlank(value)) return ok(null);
  const label = typeof value === 'string' ? labels[value.trim().toLowerCase()] : undefined;
  if (label === undefined) {
    return fail(
      'INVALID_BILLING_TIMING',
      `${field.name}: expected "In Advance" or "In Arrears", got ${describeValue(value)}`,
    );
  }
  return ok(label);
};
