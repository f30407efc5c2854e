// All records of one billing account (contacts, payment methods, subscriptions with versions, rate
// plans, charges, tiers, 24 monthly invoices, payments, refunds, memos, orders), generated from
// (seed, account index) alone so accounts can be produced in any order or as a stream.
import { objectFields, type ObjectName } from '../model/object-definitions.js';
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import { generatedId } from '../model/zuora-id.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';
import { addDays, addMonths, addSeconds, dateOf, dateTimeOf } from './dates.js';
import { round2, paymentTerms, type CatalogRatePlan, type SeededRecord } from './catalog.js';
import type { ResolvedTenantOptions } from './tenant-options.js';
import { crmIdOf } from './crm-ids.js';

export interface InvalidRow {
  object: ObjectName;
  id: string;
  accountNumber: string;
  field: string;
  value: FieldValue;
  reason: 'date-out-of-range' | 'malformed-crm-id' | 'crm-account-missing';
}

export interface AccountBundle {
  accountIndex: number;
  entityId: string;
  records: SeededRecord[];
  invalid: InvalidRow[];
}

const firstNames = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Radia', 'Ken', 'Frances', 'John'];
const lastNames = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Perlman',
  'Thompson',
  'Allen',
];
const companyA = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
];
const companyB = [
  'Systems',
  'Labs',
  'Logistics',
  'Foods',
  'Media',
  'Health',
  'Energy',
  'Capital',
  'Robotics',
];
const cities = [
  ['San Francisco', 'California', 'United States', '94105'],
  ['New York', 'New York', 'United States', '10001'],
  ['Austin', 'Texas', 'United States', '73301'],
  ['London', null, 'United Kingdom', 'EC1A 1BB'],
  ['Berlin', null, 'Germany', '10115'],
] as const;

export function accountName(seed: number, accountIndex: number): string {
  const rng = seededRandom(seed, accountIndex, 0x4e414d45);
  return `${rng.pick(companyA)} ${rng.pick(companyB)} ${accountIndex + 1}`;
}

export function generateAccountBundle(
  options: ResolvedTenantOptions,
  prefix: string,
  accountIndex: number,
  entityIds: readonly string[],
  catalogs: readonly (readonly CatalogRatePlan[])[],
): AccountBundle {
  const rng = seededRandom(options.seed, accountIndex);
  const entityPos = accountIndex % entityIds.length;
  const entityId = entityIds[entityPos] ?? '';
  const catalog = catalogs[entityPos] ?? [];
  const records: SeededRecord[] = [];
  const invalid: InvalidRow[] = [];
  let seq = 0;
  const id = (o: ObjectName): string => generatedId(prefix, o, accountIndex, seq++);
  const add = (object: ObjectName, record: ZRecord): ZRecord => {
    records.push({ object, record });
    return record;
  };
  const asOf = new Date(options.asOf);
  const historyStart = addMonths(new Date(Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), 1)), -24);
  const createdAt = addDays(historyStart, -rng.int(10, 180));
  const at = (d: Date, s = 0): string => dateTimeOf(addSeconds(d, 36_000 + s));
  const by = { CreatedById: 'billing-ops', UpdatedById: 'billing-ops' };
  const accountNumber = `A${String(accountIndex + 1).padStart(8, '0')}`;
  const accountId = id('Account');
  const currency = 'USD';

  const contactIds: string[] = [];
  const contactCount = rng.chance(0.5) ? 2 : 1;
  for (let c = 0; c < contactCount; c += 1) {
    const [city, state, country, postal] = rng.pick(cities);
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    const cid = id('Contact');
    contactIds.push(cid);
    add('Contact', {
      Id: cid,
      CreatedDate: at(createdAt, c),
      UpdatedDate: at(createdAt, c),
      ...by,
      AccountId: accountId,
      FirstName: first,
      LastName: last,
      NickName: null,
      WorkEmail: `${first}.${last}${accountIndex}@example.com`.toLowerCase(),
      PersonalEmail: null,
      WorkPhone: `+1-555-${String(rng.int(1000000, 9999999))}`,
      HomePhone: null,
      MobilePhone: null,
      Fax: null,
      Address1: `${rng.int(1, 999)} Market Street`,
      Address2: null,
      City: city,
      State: state,
      County: null,
      Country: country,
      PostalCode: postal,
      TaxRegion: null,
      Description: null,
      OtherPhone: null,
      OtherPhoneType: null,
      crmId__c: null,
      crmOrderId__c: null,
    });
  }
  const billToId = contactIds[0] ?? '';
  const soldToId = contactIds[contactIds.length - 1] ?? billToId;

  const paymentMethodIds: string[] = [];
  const pmCount = rng.chance(0.2) ? 2 : 1;
  for (let m = 0; m < pmCount; m += 1) {
    const card = rng.chance(0.7);
    const pmId = id('PaymentMethod');
    paymentMethodIds.push(pmId);
    const r: ZRecord = {
      Id: pmId,
      CreatedDate: at(createdAt, 10 + m),
      UpdatedDate: at(createdAt, 10 + m),
      ...by,
      AccountId: accountId,
      Type: card ? 'CreditCard' : 'ACH',
      Active: true,
      PaymentMethodStatus: 'Active',
      Name: null,
      IsDefault: m === 0,
    };
    for (const f of pmFieldsBlank) r[f] = null;
    if (card) {
      Object.assign(r, {
        CreditCardType: rng.pick(['Visa', 'MasterCard', 'AmericanExpress']),
        CreditCardMaskNumber: `************${rng.int(1000, 9999)}`,
        CreditCardExpirationMonth: rng.int(1, 12),
        CreditCardExpirationYear: asOf.getUTCFullYear() + rng.int(0, 4),
        CreditCardHolderName: `Card Holder ${accountIndex + 1}`,
        CreditCardCountry: 'United States',
      });
    } else {
      Object.assign(r, {
        AchAbaCode: '011000015',
        AchAccountName: `Account ${accountIndex + 1}`,
        AchAccountNumberMask: `*****${rng.int(1000, 9999)}`,
        AchAccountType: 'Checking',
        AchBankName: 'Example Bank',
      });
    }
    Object.assign(r, {
      TotalNumberOfProcessedPayments: 0,
      TotalNumberOfErrorPayments: 0,
      NumConsecutiveFailures: 0,
      UseDefaultRetryRule: true,
    });
    add('PaymentMethod', r);
  }

  const crm = crmIdOf(options, accountIndex);
  const billCycleDay = rng.int(1, 28);
  const paymentTerm = rng.pick(paymentTerms);
  const account = add('Account', {
    Id: accountId,
    CreatedDate: at(createdAt, -1),
    UpdatedDate: at(createdAt, -1),
    ...by,
    AccountNumber: accountNumber,
    Name: accountName(options.seed, accountIndex),
    CrmId: crm.value,
    Status: 'Active',
    Currency: currency,
    Balance: 0,
    CreditBalance: 0,
    TotalInvoiceBalance: 0,
    UnappliedBalance: 0,
    Mrr: 0,
    BillCycleDay: billCycleDay,
    BcdSettingOption: 'ManualSet',
    PaymentTerm: paymentTerm,
    AutoPay: rng.chance(0.6),
    Batch: `Batch${rng.int(1, 20)}`,
    AdditionalEmailAddresses: null,
    AllowInvoiceEdit: false,
    CommunicationProfileId: null,
    CustomerServiceRepName: null,
    SalesRepName: rng.pick(['Jordan Sales', 'Riley Sales', null]),
    DefaultPaymentMethodId: paymentMethodIds[0] ?? null,
    InvoiceDeliveryPrefsEmail: true,
    InvoiceDeliveryPrefsPrint: false,
    InvoiceTemplateId: null,
    LastInvoiceDate: null,
    Notes: null,
    ParentId: null,
    PaymentGateway: 'Default Gateway',
    PurchaseOrderNumber: null,
    TaxExemptCertificateID: null,
    TaxExemptCertificateType: null,
    TaxExemptDescription: null,
    TaxExemptEffectiveDate: null,
    TaxExemptExpirationDate: null,
    TaxExemptIssuingJurisdiction: null,
    TaxExemptStatus: 'No',
    VATId: null,
    BillToId: billToId,
    SoldToId: soldToId,
    IsCrmIdChangeProcessed: true,
  });
  // Children are generated before their parent row so the account is listed first for readers.
  records.unshift(records.pop() as SeededRecord);
  if (crm.invalid !== null) {
    invalid.push({
      object: 'Account',
      id: accountId,
      accountNumber,
      field: 'CrmId',
      value: crm.value,
      reason: crm.invalid,
    });
  }

  const recurringCharges: {
    chargeId: string;
    subscriptionId: string;
    name: string;
    price: number;
    uom: string | null;
  }[] = [];
  const subscriptionCount = rng.chance(0.5) ? 2 : 1;
  let mrr = 0;
  for (let s = 0; s < subscriptionCount; s += 1) {
    const start = addDays(historyStart, rng.int(0, 20));
    const subscriptionNumber = `A-S${String(accountIndex + 1).padStart(8, '0')}${s}`;
    const amended = rng.chance(0.2);
    const plans = Array.from({ length: rng.chance(0.5) ? 2 : 1 }, () => rng.pick(catalog));
    const versions = amended ? 2 : 1;
    let originalId = '';
    let previousId: string | null = null;
    for (let v = 1; v <= versions; v += 1) {
      const subId = id('Subscription');
      if (v === 1) originalId = subId;
      const latest = v === versions;
      const versionDate = v === 1 ? start : addMonths(start, rng.int(3, 12));
      const termEnd = addMonths(start, 24);
      add('Subscription', {
        Id: subId,
        CreatedDate: at(versionDate, 100 + s),
        UpdatedDate: at(latest ? versionDate : addMonths(start, 3), 100 + s),
        ...by,
        AccountId: accountId,
        InvoiceOwnerId: accountId,
        Name: subscriptionNumber,
        SubscriptionNumber: subscriptionNumber,
        Status: latest ? 'Active' : 'Expired',
        Version: v,
        OriginalId: originalId,
        PreviousSubscriptionId: previousId,
        OriginalCreatedDate: at(start, 100 + s),
        AutoRenew: rng.chance(0.7),
        CancelledDate: null,
        ContractAcceptanceDate: dateOf(start),
        ContractEffectiveDate: dateOf(start),
        ServiceActivationDate: dateOf(start),
        SubscriptionStartDate: dateOf(start),
        SubscriptionEndDate: dateOf(termEnd),
        TermStartDate: dateOf(start),
        TermEndDate: dateOf(termEnd),
        TermType: 'TERMED',
        InitialTerm: 24,
        InitialTermPeriodType: 'Month',
        CurrentTerm: 24,
        CurrentTermPeriodType: 'Month',
        RenewalTerm: 12,
        RenewalTermPeriodType: 'Month',
        Notes: null,
        Currency: currency,
        Mrr: 0,
        Tcv: 0,
        NextChargeDate: null,
        OpportunityCloseDate__QT: dateOf(addDays(start, -7)),
        OpportunityName__QT: `Opportunity ${subscriptionNumber}`,
        QuoteBusinessType__QT: v === 1 ? 'New Business' : 'Upsell',
        QuoteNumber__QT: `Q-${subscriptionNumber}-${v}`,
        QuoteType__QT: v === 1 ? 'New Subscription' : 'Amend Subscription',
        RenewalSetting: 'RENEW_WITH_SPECIFIC_TERM',
        PaymentTerm: null,
        InvoiceGroupNumber: null,
        BillToContactId: null,
        SoldToContactId: null,
        SFDC_Contract__c: null,
      });
      let subMrr = 0;
      plans.forEach((plan, pIndex) => {
        const rpId = id('RatePlan');
        add('RatePlan', {
          Id: rpId,
          CreatedDate: at(versionDate, 110),
          UpdatedDate: at(versionDate, 110),
          ...by,
          AccountId: accountId,
          SubscriptionId: subId,
          ProductRatePlanId: plan.id,
          Name: plan.name,
          AmendmentId: null,
          AmendmentSubscriptionRatePlanId: null,
          AmendmentType: v > 1 && pIndex === plans.length - 1 ? 'UpdateProduct' : null,
          ExternallyManagedPlanId: null,
          OriginalRatePlanId: null,
        });
        // Own random stream and id range, so adding features never shifts the other generated data.
        if (latest && seededRandom(options.seed, accountIndex, 0xfea7, s, pIndex).chance(0.3)) {
          add('SubscriptionProductFeature', {
            Id: generatedId(prefix, 'SubscriptionProductFeature', accountIndex, 0x800000 + s * 16 + pIndex),
            CreatedDate: at(versionDate, 115),
            UpdatedDate: at(versionDate, 115),
            ...by,
            AccountId: accountId,
            SubscriptionId: subId,
            RatePlanId: rpId,
            FeatureId: plan.feature.id,
            Name: plan.feature.name,
            FeatureCode: plan.feature.code,
            Description: `${plan.feature.name} included with ${plan.name}`,
          });
        }
        plan.charges.forEach((charge, cIndex) => {
          const rpcId = id('RatePlanCharge');
          const quantity = charge.uom === null ? null : rng.int(1, 50) * (v > 1 ? 2 : 1);
          const price = charge.chargeModel.startsWith('Discount') ? null : charge.price;
          const monthly =
            price === null || charge.chargeType !== 'Recurring'
              ? 0
              : round2((price * (quantity ?? 1)) / periodMonths(charge.billingPeriod));
          subMrr += monthly;
          add('RatePlanCharge', {
            Id: rpcId,
            CreatedDate: at(versionDate, 120 + cIndex),
            UpdatedDate: at(versionDate, 120 + cIndex),
            ...by,
            AccountId: accountId,
            SubscriptionId: subId,
            RatePlanId: rpId,
            ProductRatePlanChargeId: charge.id,
            OriginalId: rpcId,
            Name: charge.name,
            ChargeNumber: `C-${String(accountIndex + 1).padStart(8, '0')}${s}${pIndex}${cIndex}`,
            ChargeModel: charge.chargeModel,
            ChargeType: charge.chargeType,
            AccountingCode: 'ACC-4000',
            ApplyDiscountTo: charge.applyDiscountTo,
            BillCycleDay: billCycleDay,
            BillCycleType: 'DefaultFromCustomer',
            BillingPeriod: charge.billingPeriod,
            BillingPeriodAlignment: 'AlignToCharge',
            BillingTiming: charge.chargeType === 'Usage' ? 'IN_ARREARS' : 'IN_ADVANCE',
            ChargedThroughDate: dateOf(addMonths(historyStart, 24)),
            Description: null,
            DiscountAmount: null,
            DiscountLevel: charge.discountLevel,
            DiscountPercentage: charge.chargeModel === 'Discount-Percentage' ? charge.price : null,
            DMRC: monthly,
            DTCV: round2(monthly * 24),
            EffectiveStartDate: dateOf(versionDate),
            EffectiveEndDate: dateOf(termEnd),
            EndDateCondition: 'SubscriptionEnd',
            IncludedUnits: null,
            IsLastSegment: true,
            ListPriceBase: 'Per_Billing_Period',
            MRR: monthly,
            NumberOfPeriods: null,
            OverageCalculationOption: null,
            OveragePrice: null,
            OverageUnusedUnitsCreditOption: null,
            Price: price,
            PriceChangeOption: 'NoChange',
            PriceIncreasePercentage: null,
            ProcessedThroughDate: dateOf(addMonths(historyStart, 24)),
            Quantity: quantity,
            RevRecCode: null,
            RevRecTriggerCondition: 'ContractEffectiveDate',
            Segment: 1,
            SpecificBillingPeriod: null,
            SpecificEndDate: null,
            TCV: round2(monthly * 24),
            TriggerDate: null,
            TriggerEvent: 'ContractEffective',
            UOM: charge.uom,
            UnusedUnitsCreditRates: null,
            UpToPeriods: null,
            UpToPeriodsType: null,
            UsageRecordRatingOption: charge.chargeType === 'Usage' ? 'EndOfBillingPeriod' : null,
            UseDiscountSpecificAccountingCode: null,
            Version: v,
            WeeklyBillCycleDay: null,
            BillingPeriodStartDay: billCycleDay,
            // Zuora 360 maps the internal ComplexTotal (MRR x months per billing period) to ExtendedAmount.
            ComplexTotal: round2(monthly * periodMonths(charge.billingPeriod)),
            SpecificListPriceBase: null,
            RatingGroup: charge.chargeType === 'Usage' ? 'ByBillingPeriod' : null,
          });
          charge.tiers.forEach((t, tIndex) => {
            add('RatePlanChargeTier', {
              Id: id('RatePlanChargeTier'),
              CreatedDate: at(versionDate, 130),
              UpdatedDate: at(versionDate, 130),
              ...by,
              AccountId: accountId,
              SubscriptionId: subId,
              RatePlanChargeId: rpcId,
              Currency: currency,
              DiscountAmount: null,
              DiscountPercentage: null,
              StartingUnit: t.starting,
              EndingUnit: t.ending,
              IncludedUnits: null,
              OveragePrice: null,
              Price: round2(t.price),
              PriceFormat: t.format,
              Tier: tIndex + 1,
            });
          });
          if (latest && charge.chargeType === 'Recurring' && price !== null) {
            recurringCharges.push({
              chargeId: rpcId,
              subscriptionId: subId,
              name: charge.name,
              price,
              uom: charge.uom,
            });
          }
        });
      });
      if (latest) mrr += subMrr;
      previousId = subId;
      if (latest && s === 0 && invalid.length === 0 && takesInvalidDate(options, accountIndex)) {
        const sub = records.find((r) => r.record.Id === subId)?.record;
        if (sub) {
          sub.TermEndDate = '4100-12-31';
          invalid.push({
            object: 'Subscription',
            id: subId,
            accountNumber,
            field: 'TermEndDate',
            value: '4100-12-31',
            reason: 'date-out-of-range',
          });
        }
      }
    }
    const orderDate = start;
    add('Order', {
      Id: id('Order'),
      CreatedDate: at(orderDate, 90),
      UpdatedDate: at(orderDate, 90),
      ...by,
      AccountId: accountId,
      OrderNumber: `O-${String(accountIndex + 1).padStart(8, '0')}${s}`,
      OrderDate: dateOf(orderDate),
      Status: 'Completed',
      Description: `New subscription ${subscriptionNumber}`,
      Category: 'NewSales',
      Currency: currency,
    });
  }
  account.Mrr = round2(mrr);

  // 24 monthly invoices with 2 items each; the first 22 are paid in full.
  const lines =
    recurringCharges.length > 0
      ? recurringCharges
      : [{ chargeId: null, subscriptionId: null, name: 'Service', price: 50, uom: null }];
  let openBalance = 0;
  let lastInvoiceDate = '';
  const paid: { invoiceId: string; paymentId: string; invoicePaymentId: string; amount: number }[] = [];
  const termDays = { 'Due Upon Receipt': 0, 'Net 30': 30, 'Net 45': 45, 'Net 60': 60 }[paymentTerm];
  let paymentNo = 0;
  for (let m = 0; m < 24; m += 1) {
    const invoiceDate = addDays(addMonths(historyStart, m), billCycleDay - 1);
    const invoiceId = id('Invoice');
    const items: { amount: number; tax: number }[] = [];
    const itemRecords: SeededRecord[] = [];
    for (let k = 0; k < 2; k += 1) {
      const line = lines[(m + k) % lines.length] ?? lines[0];
      if (line === undefined) break;
      const amount = round2(line.price * (k === 0 ? 1 : 0.5));
      const taxed = rng.chance(0.1);
      const tax = taxed ? round2(amount * 0.0825) : 0;
      items.push({ amount, tax });
      const itemId = id('InvoiceItem');
      itemRecords.push({
        object: 'InvoiceItem',
        record: {
          Id: itemId,
          CreatedDate: at(invoiceDate, 200 + k),
          UpdatedDate: at(invoiceDate, 200 + k),
          ...by,
          AccountId: accountId,
          InvoiceId: invoiceId,
          SubscriptionId: line.subscriptionId,
          RatePlanChargeId: line.chargeId,
          AccountingCode: 'ACC-4000',
          AppliedToInvoiceItemId: null,
          ChargeAmount: amount,
          ChargeDate: at(invoiceDate, 200),
          ChargeName: line.name,
          ProcessingType: 0,
          Quantity: 1,
          RevRecStartDate: dateOf(invoiceDate),
          ServiceStartDate: dateOf(invoiceDate),
          ServiceEndDate: dateOf(addDays(addMonths(invoiceDate, 1), -1)),
          SKU: 'SKU',
          TaxAmount: tax,
          TaxCode: taxed ? 'US-SALES' : null,
          TaxExemptAmount: 0,
          TaxMode: 'TaxExclusive',
          UnitPrice: amount,
          UOM: line.uom,
          Balance: m >= 22 ? round2(amount + tax) : 0,
        },
      });
      if (taxed) {
        itemRecords.push({
          object: 'TaxationItem',
          record: {
            Id: id('TaxationItem'),
            CreatedDate: at(invoiceDate, 210),
            UpdatedDate: at(invoiceDate, 210),
            ...by,
            AccountId: accountId,
            InvoiceId: invoiceId,
            InvoiceItemId: itemId,
            AccountingCode: 'TAX-2200',
            ExemptAmount: 0,
            Jurisdiction: 'CALIFORNIA',
            LocationCode: '06',
            Name: 'State Sales Tax',
            TaxAmount: tax,
            TaxCode: 'US-SALES',
            TaxCodeDescription: 'US sales tax',
            TaxDate: dateOf(invoiceDate),
            TaxRate: 0.0825,
            TaxRateDescription: 'CA state rate',
            TaxRateType: 'Percentage',
          },
        });
      }
    }
    const amountWithoutTax = round2(items.reduce((a, i) => a + i.amount, 0));
    const tax = round2(items.reduce((a, i) => a + i.tax, 0));
    const amount = round2(amountWithoutTax + tax);
    const isPaid = m < 22;
    if (!isPaid) openBalance = round2(openBalance + amount);
    lastInvoiceDate = dateOf(invoiceDate);
    add('Invoice', {
      Id: invoiceId,
      CreatedDate: at(invoiceDate, 190),
      UpdatedDate: at(isPaid ? addDays(invoiceDate, 5) : invoiceDate, 190),
      ...by,
      AccountId: accountId,
      InvoiceNumber: `INV${String(accountIndex + 1).padStart(8, '0')}${String(m).padStart(2, '0')}`,
      InvoiceDate: dateOf(invoiceDate),
      DueDate: dateOf(addDays(invoiceDate, termDays)),
      TargetDate: dateOf(invoiceDate),
      PostedDate: at(invoiceDate, 195),
      PostedBy: 'billing-ops',
      Status: 'Posted',
      Amount: amount,
      AmountWithoutTax: amountWithoutTax,
      TaxAmount: tax,
      TaxExemptAmount: 0,
      Balance: isPaid ? 0 : amount,
      PaymentAmount: isPaid ? amount : 0,
      RefundAmount: 0,
      AdjustmentAmount: 0,
      CreditBalanceAdjustmentAmount: 0,
      Comments: null,
      PaymentTerm: paymentTerm,
      BillToContactId: billToId,
      SoldToContactId: soldToId,
    });
    for (const r of itemRecords) add(r.object, r.record);
    if (isPaid) {
      const payDate = addDays(invoiceDate, 5);
      const paymentId = id('Payment');
      paymentNo += 1;
      add('Payment', {
        Id: paymentId,
        CreatedDate: at(payDate, 300),
        UpdatedDate: at(payDate, 300),
        ...by,
        AccountId: accountId,
        PaymentNumber: `P-${String(accountIndex + 1).padStart(8, '0')}${String(paymentNo).padStart(2, '0')}`,
        Amount: amount,
        AppliedAmount: amount,
        AppliedCreditBalanceAmount: 0,
        AppliedInvoiceAmount: amount,
        AuthTransactionId: null,
        BankIdentificationNumber: null,
        CancelledOn: null,
        Comment: null,
        Currency: currency,
        EffectiveDate: dateOf(payDate),
        GatewayOrderId: null,
        GatewayResponse: 'Approved',
        GatewayResponseCode: '100',
        GatewayState: 'Settled',
        InvoiceId: invoiceId,
        InvoiceNumber: null,
        MarkedForSubmissionOn: null,
        PaymentMethodId: paymentMethodIds[0] ?? null,
        ReferenceId: `ch_${accountIndex}_${m}`,
        RefundAmount: 0,
        SecondPaymentReferenceId: null,
        SettledOn: at(payDate, 400),
        SoftDescriptor: null,
        SoftDescriptorPhone: null,
        Status: 'Processed',
        SubmittedOn: at(payDate, 300),
        TransferredToAccounting: 'No',
        Type: 'Electronic',
        UnappliedAmount: 0,
        AccountingCode: 'Cash',
      });
      const ipId = id('InvoicePayment');
      add('InvoicePayment', {
        Id: ipId,
        CreatedDate: at(payDate, 301),
        UpdatedDate: at(payDate, 301),
        ...by,
        AccountId: accountId,
        InvoiceId: invoiceId,
        PaymentId: paymentId,
        Amount: amount,
        RefundAmount: 0,
      });
      paid.push({ invoiceId, paymentId, invoicePaymentId: ipId, amount });
    }
  }
  Object.assign(account, {
    Balance: openBalance,
    TotalInvoiceBalance: openBalance,
    LastInvoiceDate: lastInvoiceDate,
  });

  if (rng.chance(0.2) && paid.length > 0)
    generateRefund(rng, paid, accountId, historyStart, id, add, at, by, accountIndex);
  if (rng.chance(0.1) && paid[0])
    generateMemos(rng, paid[0].invoiceId, accountId, historyStart, id, add, at, by, accountIndex);
  return { accountIndex, entityId, records, invalid };
}

const pmFieldsBlank = objectFields.PaymentMethod.slice(objectFields.PaymentMethod.indexOf('IsDefault') + 1);

const periodMonths = (period: string): number => (period === 'Annual' ? 12 : period === 'Quarter' ? 3 : 1);

/** Whether the account gets an out-of-range date (its own stream, so it never shifts other draws). */
function takesInvalidDate(options: ResolvedTenantOptions, accountIndex: number): boolean {
  return seededRandom(options.seed, accountIndex, 0xbadda7e).chance(options.invalidShare / 2);
}

type IdFn = (o: ObjectName) => string;
type AddFn = (o: ObjectName, r: ZRecord) => ZRecord;
type AtFn = (d: Date, s?: number) => string;
type By = { CreatedById: string; UpdatedById: string };

function generateRefund(
  rng: SeededRandom,
  paid: { paymentId: string; invoicePaymentId: string; amount: number }[],
  accountId: string,
  start: Date,
  id: IdFn,
  add: AddFn,
  at: AtFn,
  by: By,
  accountIndex: number,
): void {
  const p = rng.pick(paid);
  const amount = round2(p.amount * 0.25);
  const date = addMonths(start, rng.int(6, 20));
  const refundId = id('Refund');
  add('Refund', {
    Id: refundId,
    CreatedDate: at(date, 500),
    UpdatedDate: at(date, 500),
    ...by,
    AccountId: accountId,
    RefundNumber: `R-${String(accountIndex + 1).padStart(8, '0')}`,
    Amount: amount,
    AccountingCode: 'Cash',
    Comment: 'Service credit',
    GatewayResponse: 'Approved',
    GatewayResponseCode: '100',
    PaymentId: p.paymentId,
    PaymentMethodId: null,
    ReasonCode: 'Standard Refund',
    ReferenceID: `re_${accountIndex}`,
    RefundDate: dateOf(date),
    MethodType: 'CreditCard',
    RefundTransactionTime: at(date, 500),
    SoftDescriptor: null,
    SoftDescriptorPhone: null,
    SourceType: 'Payment',
    Status: 'Processed',
    TransferredToAccounting: 'No',
    Type: 'Electronic',
  });
  add('RefundInvoicePayment', {
    Id: id('RefundInvoicePayment'),
    CreatedDate: at(date, 501),
    UpdatedDate: at(date, 501),
    ...by,
    AccountId: accountId,
    RefundId: refundId,
    InvoicePaymentId: p.invoicePaymentId,
    RefundAmount: amount,
  });
  add('RefundPart', {
    Id: id('RefundPart'),
    CreatedDate: at(date, 502),
    UpdatedDate: at(date, 502),
    ...by,
    AccountId: accountId,
    RefundId: refundId,
    CreditMemoId: null,
    PaymentId: p.paymentId,
    RefundAmount: amount,
  });
}

function generateMemos(
  rng: SeededRandom,
  invoiceId: string,
  accountId: string,
  start: Date,
  id: IdFn,
  add: AddFn,
  at: AtFn,
  by: By,
  accountIndex: number,
): void {
  const date = addMonths(start, rng.int(1, 12));
  const amount = round2(5 + rng.next() * 45);
  const n = String(accountIndex + 1).padStart(8, '0');
  const memo = (kind: 'CreditMemo' | 'DebitMemo'): string => {
    const memoId = id(kind);
    const item = kind === 'CreditMemo' ? 'CreditMemoItem' : 'DebitMemoItem';
    add(kind, {
      Id: memoId,
      CreatedDate: at(date, 600),
      UpdatedDate: at(date, 600),
      ...by,
      AccountId: accountId,
      MemoNumber: `${kind === 'CreditMemo' ? 'CM' : 'DM'}${n}`,
      MemoDate: dateOf(date),
      ...(kind === 'CreditMemo'
        ? { AppliedAmount: amount, RefundAmount: 0 }
        : { DueDate: dateOf(addDays(date, 30)) }),
      Balance: kind === 'CreditMemo' ? 0 : amount,
      CancelledById: null,
      CancelledOn: null,
      Comments: null,
      DiscountAmount: 0,
      ExchangeRateDate: null,
      InvoiceId: invoiceId,
      PostedById: 'billing-ops',
      PostedOn: at(date, 601),
      ReasonCode: 'Correcting invoice error',
      Source: 'AdhocFromPrpc',
      Status: 'Posted',
      TargetDate: null,
      TaxAmount: 0,
      TotalAmount: amount,
      TotalAmountWithoutTax: amount,
      TotalTaxExemptAmount: 0,
      TransferredToAccounting: 'No',
    });
    add(item, {
      Id: id(item),
      CreatedDate: at(date, 602),
      UpdatedDate: at(date, 602),
      ...by,
      AccountId: accountId,
      [`${kind}Id`]: memoId,
      InvoiceItemId: null,
      Amount: amount,
      AmountWithoutTax: amount,
      AppliedToOthersAmount: kind === 'CreditMemo' ? amount : 0,
      BeAppliedByOthersAmount: 0,
      ChargeDate: at(date, 602),
      Description: 'Adjustment',
      ...(kind === 'DebitMemo' ? { ChargeName: 'Adjustment' } : {}),
      ProcessingType: 'Charge',
      Quantity: 1,
      ServiceStartDate: dateOf(date),
      ServiceEndDate: dateOf(date),
      SKU: 'SKU-ADJ',
      TaxAmount: 0,
      TaxCode: null,
      TaxExemptAmount: 0,
      TaxMode: 'TaxExclusive',
      UnitOfMeasure: null,
      UnitPrice: amount,
    });
    return memoId;
  };
  const creditMemoId = memo('CreditMemo');
  add('CreditMemoPart', {
    Id: id('CreditMemoPart'),
    CreatedDate: at(date, 603),
    UpdatedDate: at(date, 603),
    ...by,
    AccountId: accountId,
    CreditMemoId: creditMemoId,
    DebitMemoId: null,
    InvoiceId: invoiceId,
    Amount: amount,
  });
  if (rng.chance(0.5)) memo('DebitMemo');
}
