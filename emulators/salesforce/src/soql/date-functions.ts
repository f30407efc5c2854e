import { makeField, type FieldDef } from '../schema/schema-types.js';
import type { SfValue } from '../store/sf-error.js';
import type { DateFunction } from './soql-ast.js';
import { datetimeMs } from './filter-value.js';

// Date functions of date and dateTime fields, in GMT (the emulated users' time zone) and with the
// default fiscal year (starting in January), so FISCAL_* equal the calendar ones. Weeks of the year
// and month count from day 1 (days 1-7 are week 1); DAY_IN_WEEK is 1 for Sunday.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_date_functions.htm

const day = 86_400_000;

function parts(ms: number) {
  const d = new Date(ms);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    date: d.getUTCDate(),
    weekday: d.getUTCDay() + 1,
    dayOfYear: Math.floor((ms - yearStart) / day) + 1,
    hour: d.getUTCHours(),
    iso: d.toISOString().slice(0, 10),
  };
}

export function applyDateFunction(fn: DateFunction, value: SfValue): SfValue {
  if (value === null) return null;
  const ms = datetimeMs(String(value));
  if (Number.isNaN(ms)) return null;
  const p = parts(ms);
  switch (fn) {
    case 'CALENDAR_MONTH':
    case 'FISCAL_MONTH':
      return p.month;
    case 'CALENDAR_QUARTER':
    case 'FISCAL_QUARTER':
      return Math.ceil(p.month / 3);
    case 'CALENDAR_YEAR':
    case 'FISCAL_YEAR':
      return p.year;
    case 'DAY_IN_MONTH':
      return p.date;
    case 'DAY_IN_WEEK':
      return p.weekday;
    case 'DAY_IN_YEAR':
      return p.dayOfYear;
    case 'DAY_ONLY':
      return p.iso;
    case 'HOUR_IN_DAY':
      return p.hour;
    case 'WEEK_IN_MONTH':
      return Math.ceil(p.date / 7);
    case 'WEEK_IN_YEAR':
      return Math.ceil(p.dayOfYear / 7);
  }
}

/** The type a date function yields, as a field definition the comparison rules can use. */
export function dateFunctionField(fn: DateFunction, arg: FieldDef): FieldDef {
  const name = `${fn}(${arg.name})`;
  return fn === 'DAY_ONLY'
    ? makeField({ name, type: 'date' })
    : makeField({ name, type: 'int', precision: 9 });
}
