// The CreateSubscription of one CPQ subscription (reference §1.9, first row): subscription number = the
// SBQQ__Subscription__c Name, its terms, the subscription owner when not the invoice owner, the chosen
// bill-to / sold-to, the order's currency and payment term, one rate plan per order product with its charge
// overrides, and the order's trigger dates; quote fields from the CPQ quote ([ZBC-map]).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-field-mappings-guide
import type { BuildOrderInputs } from './build-order.js';
import { ratePlanOverrides } from './charge-overrides.js';
import type { SubscriptionGroup } from './classify-items.js';
import { mappedCustomFields } from './cpq-custom-mappings.js';
import { ok, type CpqResult } from './cpq-errors.js';
import { subscriptionTerms } from './subscription-terms.js';
import type { OrderTriggerDates } from './trigger-dates.js';
import type { OrderSubscription } from './zuora-order-request.js';

export function createSubscription(
  i: BuildOrderInputs,
  group: SubscriptionGroup,
  dates: OrderTriggerDates,
): CpqResult<OrderSubscription> {
  const { bundle, settings } = i;
  const terms = subscriptionTerms(group.subscription, bundle.contract, settings);
  if (!terms.ok) return terms;
  const plans = ratePlanOverrides(i, group, terms.value.months);
  if (!plans.ok) return plans;
  const custom = mappedCustomFields(
    settings.customFieldMappings.subscription,
    group.subscription as unknown as Record<string, unknown>,
  );
  const quote = bundle.quote;
  return ok({
    orderActions: [
      {
        type: 'CreateSubscription',
        triggerDates: dates.triggerDates,
        createSubscription: {
          subscriptionNumber: group.subscription.Name,
          terms: terms.value.terms,
          subscribeToRatePlans: plans.value,
          currency: i.currency,
          ...(i.subscriptionOwnerAccountNumber === i.invoiceOwnerAccountNumber
            ? {}
            : { subscriptionOwnerAccountNumber: i.subscriptionOwnerAccountNumber }),
          ...(i.billToContactId === undefined ? {} : { billToContactId: i.billToContactId }),
          ...(i.soldToContactId === undefined ? {} : { soldToContactId: i.soldToContactId }),
          ...(bundle.order.SBQQ__PaymentTerm__c === null
            ? {}
            : { paymentTerm: bundle.order.SBQQ__PaymentTerm__c }),
        },
      },
    ],
    ...(Object.keys(custom).length > 0 ? { customFields: custom } : {}),
    ...(quote === null
      ? {}
      : {
          quote: {
            QuoteNumber__QT: quote.Name.slice(0, 32),
            ...(quote.SBQQ__Type__c === null
              ? {}
              : { QuoteType__QT: quote.SBQQ__Type__c, QuoteBusinessType__QT: quote.SBQQ__Type__c }),
          },
        }),
  });
}
