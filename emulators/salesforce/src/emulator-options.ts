import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CpqScenarioOptions } from './cpq/scenario/scenario-options.js';
import type { OrgMetadata } from './org-metadata/org-metadata.js';
import type { OrgSchema } from './schema/zuora360-org.js';

/** Credentials of the emulated org, documented for users trying the connector. */
export const DEFAULT_CLIENT_ID = 'zuora-sync-emulator-client';
export const DEFAULT_CLIENT_SECRET = 'zuora-sync-emulator-secret';
export const DEFAULT_USERNAME = 'admin@zuora-sync.emulator';
export const DEFAULT_PASSWORD = 'emulator-password';
/** Appended to the password for the password grant, as in an org without trusted IP ranges (optional here). */
export const DEFAULT_SECURITY_TOKEN = 'emulatortoken';
export const DEFAULT_TOKEN_TTL_SECONDS = 2 * 60 * 60;
/** Enterprise Edition base allocation (api-limits.md 1.1). */
export const DEFAULT_DAILY_API_LIMIT = 100_000;
export const LATEST_API_VERSION = '62.0';
export const ORG_ID = '00D8d0000000001EAA';

export interface SalesforceEmulatorOptions {
  host?: string;
  port?: number;
  /** SFDX package directories whose object metadata joins the schema (default: DEFAULT_PACKAGE_DIRS). */
  forceAppDir?: string | readonly string[];
  /** `zuora360`: an org running Zuora 360 (orgs/zuora360-org.json) in place of the package's synced objects. */
  orgSchema?: OrgSchema;
  /** The org's 18-character Id (default ORG_ID); a refreshed sandbox gets a new one. */
  orgId?: string;
  adminToken?: string;
  clients?: Array<{ clientId: string; clientSecret: string }>;
  users?: Array<{ username: string; password: string }>;
  tokenTtlSeconds?: number;
  dailyApiLimit?: number;
  /** Bulk ingest processing rate; 0 = as fast as possible. */
  bulkRecordsPerSecond?: number;
  /** PEM certificate (or SPKI public key) that verifies JWT bearer assertions. */
  jwtCertificatePem?: string;
  seedRecords?: Record<string, Record<string, unknown>[]>;
  /** Records per Bulk query result page when the client sends no `maxRecords` (default 10,000). */
  bulkQueryPageSize?: number;
  /** Log requests through Fastify's pino logger (off by default). */
  logger?: boolean;
  /** Time source of the rolling 24-hour allocations and replication windows (tests move it). */
  clock?: () => number;
  /** Delay before CPQ's asynchronous contracting job runs after an order is contracted (default 2 s). */
  cpqContractingDelayMs?: number;
  /** A generated CPQ scenario to load with the seed (and again on every reset). */
  cpqScenario?: CpqScenarioOptions;
  /** What the org held before the package: other objects, fields, relationship names, Apex (org-metadata/). */
  orgMetadata?: OrgMetadata;
}

const here = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_FORCE_APP_DIR = resolve(here, '../../../force-app');
/** The CPQ part of the package: fields on Order, OrderItem, Account and SBQQ__Subscription__c, CPQ_Order_Sync__c. */
export const DEFAULT_CPQ_PACKAGE_DIR = resolve(here, '../../../force-app-cpq');
/** Both package directories, as an org with Salesforce CPQ and the whole package installed has them. */
export const DEFAULT_PACKAGE_DIRS: readonly string[] = [DEFAULT_FORCE_APP_DIR, DEFAULT_CPQ_PACKAGE_DIR];
