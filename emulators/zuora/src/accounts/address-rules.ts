// Contact address rules: "Whenever a country name or code is specified, Zuora validates it. When the
// country is the United States, Canada, or any country with subregions, Zuora validates the subregion
// name or code as well." A country and state are required "for sold-to information when Zuora Tax is
// enabled" (a state in the US, a province in Canada), otherwise optional.
// https://docs.zuora.com/en/basics/set-up-countries-regions-and-subregions
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Account/ (soldToContact.state)
import { isoCountries } from './iso-countries.js';
import { canadianProvinces, usStates } from './iso-subregions.js';

const countries = new Map<string, string>();
const displayNames = new Intl.DisplayNames(['en'], { type: 'region' });
for (const line of isoCountries) {
  const [alpha2 = '', alpha3 = '', ...name] = line.split(' ');
  for (const key of [alpha2, alpha3, name.join(' '), displayNames.of(alpha2) ?? ''])
    if (key !== '') countries.set(key.toLowerCase(), alpha2);
}

const subregionsOf = (lines: readonly string[]): Set<string> =>
  new Set(
    lines.flatMap((l) =>
      [l.slice(0, l.indexOf(' ')), l.slice(l.indexOf(' ') + 1)].map((s) => s.toLowerCase()),
    ),
  );
const subregions: Record<string, Set<string>> = {
  US: subregionsOf(usStates),
  CA: subregionsOf(canadianProvinces),
};

/** The ISO alpha-2 code of a country name or 2/3-letter code (case-insensitive); undefined if unknown. */
export function countryCode(value: string): string | undefined {
  return countries.get(value.trim().toLowerCase());
}

export interface AddressFields {
  country?: unknown;
  state?: unknown;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/**
 * The problem with a contact's country and state, naming the contact (`label`); undefined when valid.
 * `forTax`: the contact is the sold-to contact of a tenant with Zuora Tax, which needs both.
 */
export function addressProblem(address: AddressFields, label: string, forTax: boolean): string | undefined {
  const country = text(address.country);
  const state = text(address.state);
  if (country === undefined) {
    if (forTax)
      return `${label}.country is required: Zuora Tax calculates tax from the sold-to contact's country`;
    return undefined;
  }
  const code = countryCode(country);
  if (code === undefined) return `${label}.country '${country}' is not a valid country name or ISO code`;
  const valid = subregions[code];
  if (valid === undefined) return undefined;
  if (state === undefined)
    return forTax
      ? `${label}.state is required for ${code === 'US' ? 'a United States' : 'a Canadian'} address: Zuora Tax needs the ${code === 'US' ? 'state' : 'province'}`
      : undefined;
  if (!valid.has(state.trim().toLowerCase()))
    return `${label}.state '${state}' is not a valid ${code === 'US' ? 'state' : 'province'} name or 2-character code of ${country}`;
  return undefined;
}
