import type { SeededRandom } from '../../../../zuora/src/tenant/seeded-random.js';
import type { AddressInput } from '../actions/action-inputs.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import { platformInsert } from '../record-access.js';

// Accounts of the generated CPQ org with their contacts. Currencies, countries and address
// completeness vary: a few accounts have no billing address (the connector must refuse them: "It is
// mandatory to have a Billing Address in SFDC CPQ, else sync will error out", [ZBC-map]), some have a
// parent account, most have one to three contacts with mailing addresses.

export interface ScenarioAccount {
  id: string;
  name: string;
  currency: string;
  contactIds: string[];
  billing: AddressInput | null;
  shipping: AddressInput | null;
}

const places: Record<string, Array<[city: string, state: string, postalCode: string, country: string]>> = {
  USD: [
    ['San Francisco', 'CA', '94105', 'United States'],
    ['Austin', 'TX', '73301', 'United States'],
    ['Boston', 'MA', '02110', 'United States'],
  ],
  EUR: [
    ['Berlin', 'BE', '10115', 'Germany'],
    ['Paris', 'IDF', '75001', 'France'],
    ['Madrid', 'MD', '28001', 'Spain'],
  ],
  GBP: [
    ['London', 'England', 'EC1A 1BB', 'United Kingdom'],
    ['Manchester', 'England', 'M1 1AE', 'United Kingdom'],
  ],
  JPY: [
    ['Tokyo', 'Tokyo', '100-0001', 'Japan'],
    ['Osaka', 'Osaka', '530-0001', 'Japan'],
  ],
  CAD: [
    ['Toronto', 'ON', 'M5H 2N2', 'Canada'],
    ['Vancouver', 'BC', 'V6B 1A1', 'Canada'],
  ],
  AUD: [
    ['Sydney', 'NSW', '2000', 'Australia'],
    ['Melbourne', 'VIC', '3000', 'Australia'],
  ],
};
const currencyWeights: Array<[string, number]> = [
  ['USD', 0.6],
  ['EUR', 0.15],
  ['GBP', 0.12],
  ['JPY', 0.05],
  ['CAD', 0.05],
  ['AUD', 0.03],
];
const firstParts = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Stark',
  'Wayne',
  'Wonka',
  'Soylent',
  'Tyrell',
  'Cyberdyne',
  'Hooli',
  'Vandelay',
];
const secondParts = [
  'Analytics',
  'Logistics',
  'Systems',
  'Foods',
  'Health',
  'Media',
  'Energy',
  'Robotics',
  'Finance',
  'Labs',
];
const firstNames = [
  'Ada',
  'Grace',
  'Linus',
  'Margaret',
  'Alan',
  'Barbara',
  'Dennis',
  'Frances',
  'Ken',
  'Radia',
];
const lastNames = [
  'Lovelace',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Turing',
  'Liskov',
  'Ritchie',
  'Allen',
  'Thompson',
  'Perlman',
];

function pickCurrency(rng: SeededRandom): string {
  let x = rng.next();
  for (const [c, w] of currencyWeights) if ((x -= w) < 0) return c;
  return 'USD';
}

function addressIn(rng: SeededRandom, currency: string, n: number): AddressInput {
  const [city, state, postalCode, country] = rng.pick(places[currency] ?? places.USD ?? []);
  return { street: `${100 + n} Market Street`, city, state, postalCode, country };
}

function createContacts(rt: CpqRuntime, rng: SeededRandom, account: ScenarioAccount, i: number): void {
  const count = rng.int(1, 3);
  for (let k = 0; k < count; k += 1) {
    const first = rng.pick(firstNames);
    const last = rng.pick(lastNames);
    const mailing = addressIn(rng, account.currency, i * 10 + k);
    account.contactIds.push(
      platformInsert(rt.store, rt.objects.contact, {
        AccountId: account.id,
        FirstName: first,
        LastName: last,
        Email: `${first}.${last}.${i}.${k}@example.com`.toLowerCase(),
        MobilePhone: `+1 555 01${String(i % 100).padStart(2, '0')} ${k}`,
        MailingStreet: mailing.street,
        MailingCity: mailing.city,
        MailingState: mailing.state,
        MailingPostalCode: mailing.postalCode,
        MailingCountry: mailing.country,
        CurrencyIsoCode: account.currency,
      }),
    );
  }
}

export function createAccounts(rt: CpqRuntime, rng: SeededRandom, count: number): ScenarioAccount[] {
  const accounts: ScenarioAccount[] = [];
  for (let i = 0; i < count; i += 1) {
    const currency = pickCurrency(rng);
    const name = `${rng.pick(firstParts)} ${rng.pick(secondParts)} ${String(i + 1).padStart(4, '0')}`;
    const billing = rng.chance(0.04) ? null : addressIn(rng, currency, i);
    const shipping = rng.chance(0.6) ? addressIn(rng, currency, i + 5000) : null;
    const parent = i > 0 && rng.chance(0.1) ? rng.pick(accounts) : null;
    const id = platformInsert(rt.store, rt.objects.account, {
      Name: name,
      Type: 'Customer',
      Description: `Generated CPQ account ${i + 1}`,
      ParentId: parent?.id,
      CurrencyIsoCode: currency,
      BillingStreet: billing?.street,
      BillingCity: billing?.city,
      BillingState: billing?.state,
      BillingPostalCode: billing?.postalCode,
      BillingCountry: billing?.country,
      ShippingStreet: shipping?.street,
      ShippingCity: shipping?.city,
      ShippingState: shipping?.state,
      ShippingPostalCode: shipping?.postalCode,
      ShippingCountry: shipping?.country,
    });
    const account: ScenarioAccount = { id, name, currency, contactIds: [], billing, shipping };
    createContacts(rt, rng, account, i);
    accounts.push(account);
  }
  return accounts;
}
