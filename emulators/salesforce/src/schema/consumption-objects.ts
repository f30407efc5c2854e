import { currency, type StandardObjectSpec } from './standard-objects.js';

// Consumption schedules (standard objects since API 45.0) and their product junction.
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_consumption_rate.htm
// https://developer.salesforce.com/docs/atlas.en-us.238.0.object_reference.meta/api/sforce_api_objects_consumption_schedule.htm
// Rates: LowerBound inclusive, UpperBound exclusive, null UpperBound = unbounded; Name is an
// auto-number; ConsumptionScheduleId is set on create only. The key prefixes are the emulator's own
// (no public list was found).

export const consumptionObjectSpecs: StandardObjectSpec[] = [
  {
    name: 'ConsumptionSchedule',
    label: 'Consumption Schedule',
    keyPrefix: '0sc',
    owner: true,
    nameField: 'Name string:255 !',
    fields: [
      'BillingTerm int:9,0 !',
      'BillingTermUnit picklist:40 !',
      'Type picklist:40 !',
      'RatingMethod picklist:40 !',
      'IsActive boolean',
      'UnitOfMeasure picklist:255',
      'MatchingAttribute string:255',
      'Description textarea:32000',
      'NumberOfRates int:9,0 r',
      currency,
      'SBQQ__Category__c picklist:255',
    ],
    picklists: { Type: ['Range', 'Slab'] },
  },
  {
    name: 'ConsumptionRate',
    label: 'Consumption Rate',
    keyPrefix: '0sr',
    owner: false,
    nameField: 'Name string:80 #{00000000}',
    fields: [
      'ConsumptionScheduleId reference:18 ! * ->ConsumptionSchedule/ConsumptionSchedule/ConsumptionRates',
      'LowerBound int:9,0 !',
      'UpperBound int:9,0',
      'Price currency:11,7 !',
      'PricingMethod picklist:40 !',
      'ProcessingOrder int:9,0 !',
      'Description textarea:32000',
      currency,
    ],
  },
  {
    name: 'ProductConsumptionSchedule',
    label: 'Product Consumption Schedule',
    keyPrefix: '0sp',
    owner: false,
    nameField: null,
    fields: [
      'ProductId reference:18 ! * ->Product2/Product/ProductConsumptionSchedules',
      'ConsumptionScheduleId reference:18 ! C ->ConsumptionSchedule/ConsumptionSchedule/ProductConsumptionSchedules',
    ],
  },
];
