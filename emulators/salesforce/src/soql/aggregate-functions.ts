import { supportsAggregate } from '../schema/field-capabilities.js';
import { makeField, type FieldDef } from '../schema/schema-types.js';
import type { SfValue } from '../store/sf-error.js';
import { compareValues, equalityKey } from './filter-value.js';
import type { AggregateFunction } from './soql-ast.js';
import { queryError } from './soql-error.js';

// Aggregate functions over a group's values. COUNT(field) and COUNT_DISTINCT skip nulls; MIN and MAX
// follow the field's ordering (picklists in their defined order); SUM and AVG of no values are null.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_agg_functions.htm
// Which field types each function accepts:
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_agg_functions_field_types.htm

export function checkAggregateArg(fn: AggregateFunction, field: FieldDef, soql: string, pos: number): void {
  if (!supportsAggregate(fn, field)) {
    throw queryError(
      'MALFORMED_QUERY',
      `field ${field.name} does not support aggregate operator ${fn}`,
      soql,
      pos,
    );
  }
}

/** The type of an aggregate's result, for comparisons in HAVING. */
export function aggregateField(fn: AggregateFunction, arg: FieldDef | null, text: string): FieldDef {
  if (fn === 'COUNT' || fn === 'COUNT_DISTINCT') return makeField({ name: text, type: 'int', precision: 18 });
  if (fn === 'SUM' || fn === 'AVG')
    return makeField({ name: text, type: 'double', precision: 18, scale: 18 });
  return { ...(arg as FieldDef), name: text };
}

export function computeAggregate(
  fn: AggregateFunction,
  field: FieldDef | null,
  values: SfValue[] | number,
): SfValue {
  if (typeof values === 'number') return values; // COUNT(): the group's size
  const present = values.filter((v) => v !== null);
  switch (fn) {
    case 'COUNT':
      return present.length;
    case 'COUNT_DISTINCT':
      return new Set(present.map((v) => equalityKey(field as FieldDef, v))).size;
    case 'MIN':
    case 'MAX': {
      if (present.length === 0) return null;
      const sign = fn === 'MIN' ? 1 : -1;
      return present.reduce((best, v) => (sign * compareValues(field as FieldDef, v, best) < 0 ? v : best));
    }
    case 'SUM':
    case 'AVG': {
      if (present.length === 0) return null;
      const sum = present.reduce<number>((s, v) => s + Number(v), 0);
      // 15 significant digits drop binary noise (0.1 + 0.2) that a decimal sum would not have.
      return Number.parseFloat((fn === 'SUM' ? sum : sum / present.length).toPrecision(15));
    }
  }
}
