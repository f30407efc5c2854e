// The synthetic "billing shape" v1 tenant: deterministic from a seed. Generation is lazy: `accounts()`
// streams one account's records at a time (the L size never has to fit in memory), the catalog of each
// entity is built up front (it is small and every account references it).
import { seedPrefix } from '../model/zuora-id.js';
import type { InvalidRow, AccountBundle } from './account-bundle.js';
import { generateAccountBundle } from './account-bundle.js';
import { generateCatalog, generateReferenceData, type EntityCatalog, type SeededRecord } from './catalog.js';
import {
  resolveTenantOptions,
  type GenerateTenantOptions,
  type ResolvedTenantOptions,
} from './tenant-options.js';

export interface BillingEntity {
  id: string;
  name: string;
  displayName: string;
}

export interface TenantRecord extends SeededRecord {
  entityId: string;
}

export interface GeneratedTenant {
  options: ResolvedTenantOptions;
  /** Seed-derived first 8 hex digits of every generated id. */
  idPrefix: string;
  entities: readonly BillingEntity[];
  catalogs: readonly EntityCatalog[];
  /** Units of measure and payment terms (first entity). */
  referenceData: readonly SeededRecord[];
  /** One bundle per billing account, in account order, generated on demand. */
  accounts(): Generator<AccountBundle>;
  /** Every record (reference data, catalogs, then accounts), generated on demand. */
  records(): Generator<TenantRecord>;
  /** Rows a correct connector must reject, collected while streaming accounts. */
  invalidRows(): InvalidRow[];
}

const entityNames = ['Global', 'Europe', 'Asia Pacific', 'Latin America'];

export function generateTenant(input: GenerateTenantOptions): GeneratedTenant {
  const options = resolveTenantOptions(input);
  const idPrefix = seedPrefix(options.seed);
  const asOf = new Date(options.asOf);
  const entities: BillingEntity[] = Array.from({ length: options.entityCount }, (_, i) => ({
    id: `${idPrefix}ee${String(i).padStart(22, '0')}`,
    name: i === 0 ? 'Global' : `Entity${i}`,
    displayName: entityNames[i] ?? `Entity ${i}`,
  }));
  const catalogs = entities.map((e, i) => generateCatalog(options.seed, idPrefix, i, e.id, asOf));
  const referenceData = generateReferenceData(idPrefix, asOf);
  const entityIds = entities.map((e) => e.id);
  const ratePlans = catalogs.map((c) => c.ratePlans);

  function* accounts(): Generator<AccountBundle> {
    for (let i = 0; i < options.accountCount; i += 1) {
      yield generateAccountBundle(options, idPrefix, i, entityIds, ratePlans);
    }
  }
  function* records(): Generator<TenantRecord> {
    const firstEntity = entityIds[0] ?? '';
    for (const r of referenceData) yield { ...r, entityId: firstEntity };
    for (const c of catalogs) for (const r of c.records) yield { ...r, entityId: c.entityId };
    for (const bundle of accounts())
      for (const r of bundle.records) yield { ...r, entityId: bundle.entityId };
  }
  let invalidCache: InvalidRow[] | undefined;
  return {
    options,
    idPrefix,
    entities,
    catalogs,
    referenceData,
    accounts,
    records,
    invalidRows: () => {
      invalidCache ??= [...accounts()].flatMap((b) => b.invalid);
      return invalidCache;
    },
  };
}
