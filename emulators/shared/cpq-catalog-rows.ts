import type { CpqCurrency, CpqProduct, CpqProductKind } from './cpq-catalog.js';

// The generated CPQ org's products as a table: recurring (per unit and block, every billing
// frequency, one evergreen), one-time, usage with Range and Slab schedules of 1 to 5 rates in several
// currencies (one schedule shared by two products), and the traps a connector must handle: empty
// product codes, an empty charge type, and products whose Zuora plan is externally managed.

export type RateRow = [lower: number, upper: number | null, price: number, method?: 'FlatFee'];
export type ScheduleRow = [
  name: string,
  type: 'Range' | 'Slab',
  currency: CpqCurrency,
  rates: RateRow[],
  sharedWith?: string,
];
export type ProductRow = {
  code: string | null;
  name: string;
  kind: CpqProductKind;
  charge?: CpqProduct['chargeType'];
  freq?: CpqProduct['billingFrequency'];
  method?: 'List' | 'Block';
  sub?: CpqProduct['subscriptionType'];
  uom?: string;
  usd: number;
  currencies?: CpqCurrency[];
  schedules?: ScheduleRow[];
  managed?: boolean;
};

const apiTiers: RateRow[] = [
  [0, 1000, 0.01],
  [1000, 10000, 0.008],
  [10000, null, 0.005],
];

export const catalogRows: readonly ProductRow[] = [
  { code: 'CPQ-SEAT-STD', name: 'Standard Seat', kind: 'recurring', uom: 'Seat', usd: 30 },
  { code: 'CPQ-SEAT-PRO', name: 'Professional Seat', kind: 'recurring', uom: 'Seat', usd: 60 },
  {
    code: 'CPQ-SEAT-ENT',
    name: 'Enterprise Seat',
    kind: 'recurring',
    freq: 'Annual',
    uom: 'Seat',
    usd: 1200,
  },
  {
    code: 'CPQ-SEAT-ANL',
    name: 'Analyst Seat',
    kind: 'recurring',
    freq: 'Semiannual',
    uom: 'Seat',
    usd: 150,
  },
  {
    code: 'CPQ-PLATFORM',
    name: 'Platform Fee',
    kind: 'recurring',
    freq: 'Annual',
    method: 'Block',
    usd: 5000,
  },
  {
    code: 'CPQ-SUPPORT',
    name: 'Premium Support',
    kind: 'recurring',
    freq: 'Quarterly',
    method: 'Block',
    usd: 1500,
  },
  { code: 'CPQ-STORAGE', name: 'Storage Add-on', kind: 'recurring', uom: 'GB', usd: 0.5 },
  { code: 'CPQ-RETAINER', name: 'Consulting Retainer', kind: 'recurring', uom: 'Hour', usd: 150 },
  { code: 'CPQ-MONITOR', name: 'Monitoring', kind: 'recurring', sub: 'Evergreen', usd: 20 },
  {
    code: 'CPQ-IMPL-PLAN',
    name: 'Implementation Plan',
    kind: 'recurring',
    freq: 'Invoice Plan',
    method: 'Block',
    usd: 12000,
  },
  { code: null, name: 'Legacy Seat', kind: 'recurring', uom: 'Seat', usd: 25 },
  { code: 'CPQ-SEAT-PTR', name: 'Partner Seat', kind: 'recurring', charge: null, uom: 'Seat', usd: 20 },
  {
    code: 'CPQ-SEAT-MGD',
    name: 'Managed Enterprise Seat',
    kind: 'recurring',
    freq: 'Annual',
    uom: 'Seat',
    usd: 1100,
    managed: true,
  },
  {
    code: 'CPQ-PLATFORM-MGD',
    name: 'Managed Platform Fee',
    kind: 'recurring',
    freq: 'Annual',
    method: 'Block',
    usd: 4500,
    managed: true,
  },
  { code: 'CPQ-SETUP', name: 'Setup Fee', kind: 'one-time', method: 'Block', usd: 500 },
  { code: 'CPQ-ROUTER', name: 'Edge Router', kind: 'one-time', usd: 99 },
  { code: 'CPQ-TRAINING', name: 'Training Day', kind: 'one-time', usd: 800 },
  { code: 'CPQ-MIGRATION', name: 'Data Migration', kind: 'one-time', method: 'Block', usd: 2500 },
  { code: null, name: 'Custom Work', kind: 'one-time', uom: 'Hour', usd: 180 },
  { code: 'CPQ-KIT', name: 'Onboarding Kit', kind: 'one-time', charge: null, usd: 300 },
  {
    code: 'CPQ-SETUP-MGD',
    name: 'Managed Setup',
    kind: 'one-time',
    method: 'Block',
    usd: 450,
    managed: true,
  },
  {
    code: 'CPQ-API',
    name: 'API Calls',
    kind: 'usage',
    uom: 'API Call',
    usd: 0,
    schedules: [
      ['API Calls USD', 'Range', 'USD', apiTiers],
      ['API Calls EUR', 'Range', 'EUR', apiTiers],
      ['API Calls GBP', 'Range', 'GBP', apiTiers],
    ],
  },
  {
    code: 'CPQ-SMS',
    name: 'SMS Messages',
    kind: 'usage',
    uom: 'Message',
    usd: 0,
    schedules: [
      [
        'SMS USD',
        'Slab',
        'USD',
        [
          [0, 500, 0.05],
          [500, 5000, 0.04],
          [5000, 50000, 0.03],
          [50000, null, 0.02],
        ],
      ],
      [
        'SMS EUR',
        'Slab',
        'EUR',
        [
          [0, 500, 0.05],
          [500, 5000, 0.04],
          [5000, 50000, 0.03],
          [50000, null, 0.02],
        ],
      ],
    ],
  },
  {
    code: 'CPQ-DATA',
    name: 'Data Transfer',
    kind: 'usage',
    uom: 'GB',
    usd: 0,
    schedules: [
      [
        'Data USD',
        'Range',
        'USD',
        [
          [0, 10, 50, 'FlatFee'],
          [10, 100, 0.9],
          [100, 1000, 0.7],
          [1000, 10000, 0.5],
          [10000, null, 0.3],
        ],
      ],
      [
        'Data EUR',
        'Slab',
        'EUR',
        [
          [0, 185, 0.8],
          [185, null, 0.6],
        ],
      ],
      ['Data GBP', 'Range', 'GBP', [[0, null, 0.7]]],
    ],
  },
  {
    code: 'CPQ-COMPUTE',
    name: 'Compute Hours',
    kind: 'usage',
    uom: 'Hour',
    usd: 0,
    schedules: [
      [
        'Compute Standard USD',
        'Slab',
        'USD',
        [
          [0, 100, 0.12],
          [100, null, 0.1],
        ],
      ],
      ['Compute GPU USD', 'Range', 'USD', [[0, null, 2.4]]],
    ],
  },
  {
    code: 'CPQ-EVENTS',
    name: 'Event Ingest',
    kind: 'usage',
    uom: 'Each',
    usd: 0,
    schedules: [
      ['Events USD', 'Range', 'USD', [[0, null, 200, 'FlatFee']]],
      [
        'Events JPY',
        'Range',
        'JPY',
        [
          [0, 1000000, 0.2],
          [1000000, null, 0.1],
        ],
      ],
    ],
  },
  {
    code: 'CPQ-API-LEGACY',
    name: 'Legacy API Calls',
    kind: 'usage',
    charge: null,
    uom: 'API Call',
    usd: 0,
    schedules: [['API Calls USD', 'Range', 'USD', apiTiers, 'CPQ-API']],
  },
  {
    code: 'CPQ-API-MGD',
    name: 'Managed API Calls',
    kind: 'usage',
    uom: 'API Call',
    usd: 0,
    managed: true,
    schedules: [
      ['Managed API USD', 'Range', 'USD', apiTiers],
      ['Managed API EUR', 'Range', 'EUR', apiTiers],
    ],
  },
];
