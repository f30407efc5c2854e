import type { FieldDef } from './schema-types.js';
import type { StoredRecord } from '../store/sf-error.js';

// The value of a compound address field (`BillingAddress`) as the REST API returns it: a structure of
// its component fields, or null when every component is empty (our reading: the compound field is
// nillable). https://developer.salesforce.com/docs/platform/object-reference/guide/compound-fields-address.html

export interface AddressValue {
  city: string | null;
  country: string | null;
  geocodeAccuracy: string | null;
  latitude: number | null;
  longitude: number | null;
  postalCode: string | null;
  state: string | null;
  street: string | null;
}

export function compoundAddress(field: FieldDef, rec: StoredRecord): AddressValue | null {
  const p = field.name.replace(/Address$/, '');
  const text = (suffix: string) => {
    const v = rec[`${p}${suffix}`];
    return v === null || v === undefined ? null : String(v);
  };
  const num = (suffix: string) => {
    const v = rec[`${p}${suffix}`];
    return typeof v === 'number' ? v : null;
  };
  const value: AddressValue = {
    city: text('City'),
    country: text('Country'),
    geocodeAccuracy: text('GeocodeAccuracy'),
    latitude: num('Latitude'),
    longitude: num('Longitude'),
    postalCode: text('PostalCode'),
    state: text('State'),
    street: text('Street'),
  };
  return Object.values(value).every((v) => v === null) ? null : value;
}
