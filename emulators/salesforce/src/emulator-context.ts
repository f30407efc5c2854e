import { randomBytes } from 'node:crypto';
import { makeSalesforceId } from '../../shared/salesforce-id.js';
import { TokenStore } from './auth/token-store.js';
import type { CpqRuntime } from './cpq/cpq-runtime.js';
import { installCpq } from './cpq/install-cpq.js';
import { seedCpqOrg } from './cpq/seed-cpq-org.js';
import type { BulkJobs } from './bulk/bulk-jobs.js';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_DAILY_API_LIMIT,
  DEFAULT_PACKAGE_DIRS,
  DEFAULT_PASSWORD,
  DEFAULT_TOKEN_TTL_SECONDS,
  DEFAULT_USERNAME,
  ORG_ID,
  type SalesforceEmulatorOptions,
} from './emulator-options.js';
import { ApiUsage } from './http/api-usage.js';
import { noFaults, type Faults } from './http/faults.js';
import { buildSchema } from './schema/build-schema.js';
import { readPackageMetadata } from './schema/metadata-reader.js';
import { readZuora360Org } from './schema/zuora360-org.js';
import type { Schema } from './schema/schema-types.js';
import { insertRecords } from './store/insert-records.js';
import { withOrgMetadata } from './org-metadata/org-metadata.js';
import { RecordStore } from './store/record-store.js';

/** Everything the routes share: schema, data, sessions, counters, faults. */
export interface EmulatorContext {
  orgId: string;
  schema: Schema;
  store: RecordStore;
  tokens: TokenStore;
  usage: ApiUsage;
  faults: Faults;
  adminToken: string;
  clients: Array<{ clientId: string; clientSecret: string }>;
  users: Array<{ username: string; password: string; userId: string }>;
  jwtCertificatePem: string | null;
  bulkRecordsPerSecond: number;
  /** Time source of audit fields, allocations and replication windows. */
  clock: () => number;
  /** When the schema was read: the "last modified" time of all object metadata (If-Modified-Since). */
  schemaLoadedAt: number;
  /** The user of the request being served (audit fields). */
  actingUserId: string;
  /** Published platform events by event name. */
  events: Map<string, Record<string, unknown>[]>;
  bulk: BulkJobs | null;
  baseUrl: string;
  /** Salesforce CPQ's automation and contracting queue. */
  cpq: CpqRuntime;
  /** Restores the org to its seeded state. */
  seed: () => void;
}

export function createContext(options: SalesforceEmulatorOptions): EmulatorContext {
  const dirs = options.forceAppDir ?? DEFAULT_PACKAGE_DIRS;
  const metadata = options.orgSchema === 'zuora360' ? readZuora360Org(dirs) : readPackageMetadata(dirs);
  const org = withOrgMetadata(buildSchema(metadata), options.orgMetadata);
  const schema = org.schema;
  const users = (options.users ?? [{ username: DEFAULT_USERNAME, password: DEFAULT_PASSWORD }]).map(
    (u, i) => ({
      ...u,
      userId: makeSalesforceId('005', i + 1),
    }),
  );
  const ctx: EmulatorContext = {
    orgId: options.orgId ?? ORG_ID,
    schema,
    store: null as unknown as RecordStore,
    tokens: new TokenStore(options.orgId ?? ORG_ID, options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS),
    usage: new ApiUsage(options.dailyApiLimit ?? DEFAULT_DAILY_API_LIMIT, options.clock ?? Date.now),
    clock: options.clock ?? Date.now,
    schemaLoadedAt: (options.clock ?? Date.now)(),
    faults: noFaults(),
    adminToken: options.adminToken ?? randomBytes(24).toString('base64url'),
    clients: options.clients ?? [{ clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET }],
    users,
    jwtCertificatePem: options.jwtCertificatePem ?? null,
    bulkRecordsPerSecond: options.bulkRecordsPerSecond ?? 0,
    actingUserId: users[0]?.userId ?? makeSalesforceId('005', 1),
    events: new Map(),
    bulk: null,
    baseUrl: '',
    cpq: null as unknown as CpqRuntime,
    seed: () => undefined,
  };
  ctx.store = new RecordStore(schema, () => ctx.actingUserId);
  ctx.store.clock = ctx.clock;
  ctx.cpq = installCpq(
    ctx.store,
    ctx.faults,
    () => ctx.actingUserId,
    options.cpqContractingDelayMs,
    options.cpqScenario,
  );
  const seeded = new Map([...metadata.metadataRecords, ...org.records]);
  ctx.seed = () => {
    seedOrg(ctx, seeded, options.seedRecords ?? {}, () => seedCpqOrg(ctx.cpq, ctx.actingUserId));
    ctx.store.writes.reset();
  };
  ctx.seed();
  return ctx;
}

/** Users, the organization, custom metadata records and the caller's seed records. */
function seedOrg(
  ctx: EmulatorContext,
  metadataRecords: Map<string, Record<string, unknown>[]>,
  seedRecords: Record<string, Record<string, unknown>[]>,
  seedPackages: () => void,
): void {
  const { store, schema } = ctx;
  store.clear();
  const put = (objectName: string, values: Record<string, unknown>) => {
    const def = schema.byLower.get(objectName.toLowerCase());
    if (!def) throw new Error(`seed: unknown object ${objectName}`);
    const table = store.table(def);
    const rec = table.blank();
    for (const [k, v] of Object.entries(values)) {
      const f = def.fieldsByLower.get(k.toLowerCase());
      if (!f) throw new Error(`seed: unknown field ${objectName}.${k}`);
      rec[f.name] = v as never;
    }
    const id = String(rec.Id ?? makeSalesforceId(def.keyPrefix, table.nextNumber++));
    rec.Id = id;
    const now = store.now();
    if ('CreatedDate' in rec)
      Object.assign(rec, {
        CreatedDate: now,
        LastModifiedDate: now,
        SystemModstamp: now,
        IsDeleted: false,
        CreatedById: ctx.actingUserId,
        LastModifiedById: ctx.actingUserId,
      });
    table.live.set(id, rec);
    for (const index of table.indexes) index.add(rec[index.field.name] ?? null, id);
  };
  put('Organization', {
    Id: ctx.orgId,
    Name: 'Zuora Sync Emulator Org',
    OrganizationType: 'Enterprise Edition',
    IsSandbox: false,
    InstanceName: 'EMU1',
  });
  const profile = store.table(
    schema.byLower.get('profile') as NonNullable<ReturnType<typeof schema.byLower.get>>,
  );
  profile.nextNumber = 1;
  put('Profile', { Id: makeSalesforceId('00e', 1), Name: 'System Administrator' });
  ctx.users.forEach((u, i) => {
    const userTable = store.table(
      schema.byLower.get('user') as NonNullable<ReturnType<typeof schema.byLower.get>>,
    );
    userTable.nextNumber = Math.max(userTable.nextNumber, i + 2);
    put('User', {
      Id: u.userId,
      Username: u.username,
      LastName: u.username.split('@')[0] ?? 'User',
      Name: u.username.split('@')[0] ?? 'User',
      Email: u.username.includes('@') ? u.username : `${u.username}@example.invalid`,
      Alias: (u.username.split('@')[0] ?? 'user').slice(0, 8),
      IsActive: true,
      TimeZoneSidKey: 'GMT',
      LocaleSidKey: 'en_US',
      LanguageLocaleKey: 'en_US',
      ProfileId: makeSalesforceId('00e', 1),
    });
  });
  for (const [type, records] of metadataRecords) {
    const def = schema.byLower.get(type.toLowerCase());
    if (!def) continue;
    for (const r of records) put(type, r);
  }
  // The caller's seed records (fixed Ids, e.g. the Accounts a Zuora tenant's CRM IDs point at) before the
  // packages' generated records (a CPQ scenario), whose Ids then skip the ones the seed took.
  for (const [objectName, records] of Object.entries(seedRecords))
    insertRecords(schema, store, objectName, records);
  seedPackages();
}
