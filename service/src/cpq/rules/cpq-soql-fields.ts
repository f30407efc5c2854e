// The SOQL field lists of the CPQ records (one constant per object), typed against the record types of
// cpq-records.ts so a field added to a query and not to its type fails the type check. The engine builds its
// queries from these; custom fields named by settings (price override, `Cap__c`, custom field mappings) are
// appended by the engine, since not every org has them.
export { selectClause } from './soql-field-list.js';
export * from './soql-catalog-fields.js';
export * from './soql-order-fields.js';
export * from './soql-order-item-fields.js';
export * from './soql-party-fields.js';
export * from './soql-subscription-fields.js';
export * from './soql-usage-fields.js';
