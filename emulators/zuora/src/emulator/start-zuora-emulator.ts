// Composition root of the Zuora emulator: tenant -> store -> callouts -> HTTP routes.
import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyError } from 'fastify';
import { seedExternalPlans } from '../catalog/seed-external-plans.js';
import { CalloutDispatcher } from '../callouts/callout-dispatcher.js';
import type { CalloutTarget, CalloutTargetInput } from '../callouts/callout-target.js';
import type { CalloutAttempt } from '../callouts/callout-dispatcher.js';
import { applyBusinessEvent, type BusinessEventResult } from '../changes/apply-business-event.js';
import { registerAccountRoutes } from '../http/account-routes.js';
import { registerAdminRoutes } from '../http/admin-routes.js';
import { registerCatalogRoutes } from '../http/catalog-routes.js';
import { registerAuthRoutes } from '../http/auth-routes.js';
import { registerEntityRoutes } from '../http/entity-routes.js';
import { installEntityAccess } from '../http/entity-scope.js';
import type { EmulatorContext } from '../http/context.js';
import { reason, v1Error } from '../http/errors.js';
import { Faults } from '../http/faults.js';
import { registerObjectCrudRoutes } from '../http/object-crud-routes.js';
import { registerObjectQueryRoutes } from '../http/object-query-routes.js';
import { registerSettingsRoutes } from '../http/settings-routes.js';
import { registerOrderRoutes } from '../http/orders-routes.js';
import { RateLimiter } from '../http/rate-limiter.js';
import { installIdempotency } from '../http/idempotency.js';
import { installRequestGuard } from '../http/request-guard.js';
import { installAuthRateLimit } from '../http/auth-rate-limit.js';
import { emptyStats, type EmulatorStats } from '../http/stats.js';
import { TokenStore } from '../http/token-store.js';
import { registerV1Routes } from '../http/v1-routes.js';
import { registerZoqlRoutes } from '../http/zoql-routes.js';
import { registerExtractRoutes } from './register-extract-routes.js';
import { TenantStore } from '../store/tenant-store.js';
import { defaultBillingSettings } from '../tenant/billing-settings.js';
import { generateTenant, type GeneratedTenant } from '../tenant/generate-tenant.js';
import {
  DEFAULT_ZUORA_CLIENT_ID,
  DEFAULT_ZUORA_CLIENT_SECRET,
  type ResolvedEmulatorOptions,
  type ZuoraEmulatorOptions,
} from './options.js';

export interface ZuoraEmulator {
  url: string;
  port: number;
  adminToken: string;
  close(): Promise<void>;
  stats(): EmulatorStats & { inFlight: EmulatorContext['inFlight'] };
  /** Live data of the tenant (read it, or write through it to simulate Zuora-side changes). */
  tenant: TenantStore;
  generated: GeneratedTenant;
  changes: { apply(event: unknown): BusinessEventResult };
  callouts: {
    configure(targets: CalloutTargetInput[]): CalloutTarget[];
    attempts(): readonly CalloutAttempt[];
    idle(): Promise<void>;
  };
}

function isGenerated(t: ZuoraEmulatorOptions['tenant']): t is GeneratedTenant {
  return t !== undefined && 'records' in t && typeof t.records === 'function';
}

function resolve(options: ZuoraEmulatorOptions): ResolvedEmulatorOptions {
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    adminToken: options.adminToken ?? randomBytes(16).toString('hex'),
    clients: options.clients ?? [
      { clientId: DEFAULT_ZUORA_CLIENT_ID, clientSecret: DEFAULT_ZUORA_CLIENT_SECRET },
    ],
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 50_000,
    authRateLimit: {
      perMinute: options.authRateLimit?.perMinute ?? 2000,
      perIpPerMinute: options.authRateLimit?.perIpPerMinute ?? 100,
    },
    concurrencyLimits: {
      Default: 40,
      'High-volume transactions': 200,
      'Object Query': 80,
      ...options.concurrencyLimits,
    },
    calloutRetryIntervalMs: options.calloutRetryIntervalMs ?? 30 * 60_000,
    calloutAttempts: options.calloutAttempts ?? 3,
    queryLocatorTtlMs: options.queryLocatorTtlMs ?? 15 * 60_000,
    aquaQueryLabelHeaders: options.aquaQueryLabelHeaders ?? 'as-written',
    now: options.now ?? (() => new Date()),
  };
}

export async function startZuoraEmulator(input: ZuoraEmulatorOptions = {}): Promise<ZuoraEmulator> {
  const options = resolve(input);
  const tenant = isGenerated(input.tenant)
    ? input.tenant
    : generateTenant(input.tenant ?? { seed: 1, size: 'XS' });
  const store = new TenantStore(options.now);
  const load = (): void => {
    store.load(tenant);
    if (input.externalPlans !== undefined) seedExternalPlans(store, input.externalPlans);
  };
  load();
  const stats = emptyStats();
  const faults = new Faults();
  const callouts = new CalloutDispatcher({
    defaultAttempts: options.calloutAttempts,
    defaultRetryIntervalMs: options.calloutRetryIntervalMs,
    now: options.now,
    dropRate: () => faults.settings.dropCalloutRate,
    multiEntity: () => store.entities.length > 1,
    onAttempt: (a) => {
      stats.callouts.attempts += 1;
      if (a.ok) stats.callouts.delivered += 1;
      else stats.callouts.failed += 1;
    },
    onDropped: () => {
      stats.callouts.dropped += 1;
    },
  });
  store.onChange((change) => callouts.notify(change));
  const ctx: EmulatorContext = {
    options,
    tenant,
    store,
    tokens: new TokenStore(options.clients, () => options.tokenTtlSeconds * 1000, options.now),
    faults,
    stats,
    rateLimiter: new RateLimiter(options.rateLimitPerMinute, options.now),
    inFlight: { Default: 0, 'High-volume transactions': 0, 'Object Query': 0 },
    callouts,
    settings: { ...defaultBillingSettings, ...input.billingSettings },
  };

  const app = Fastify({
    logger: false,
    bodyLimit: 50 * 1024 * 1024,
    // A path that does not decode (`/%ZZ`) is refused in Zuora's shape, not Fastify's.
    frameworkErrors: (error, _request, reply) => {
      void v1Error(reply, error.statusCode ?? 400, [reason('generic', 'malformed', error.message)]);
    },
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.statusCode !== undefined && error.statusCode < 500) {
      const message =
        error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
          ? `Malformed JSON in the request body: ${error.message}`
          : error.message;
      return v1Error(reply, error.statusCode, [reason('generic', 'malformed', message)]);
    }
    return v1Error(reply, 500, [reason('generic', 'internal', `Internal emulator error: ${error.message}`)]);
  });
  app.setNotFoundHandler((request, reply) =>
    v1Error(reply, 404, [
      reason('generic', 'notFound', `No such resource: ${request.method} ${request.url.split('?')[0] ?? ''}`),
    ]),
  );
  const idempotency = installIdempotency(app, ctx);
  installRequestGuard(app, ctx);
  installEntityAccess(app, ctx);
  installAuthRateLimit(app, ctx, options.authRateLimit);
  registerAuthRoutes(app, ctx);
  registerObjectQueryRoutes(app, ctx);
  registerZoqlRoutes(app, ctx);
  registerExtractRoutes(app, ctx);
  registerV1Routes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerEntityRoutes(app, ctx);
  registerObjectCrudRoutes(app, ctx);
  const orders = registerOrderRoutes(app, ctx, { asyncStepMs: 25 });
  const statsView = (): EmulatorStats & { inFlight: EmulatorContext['inFlight'] } => ({
    ...structuredClone(stats),
    inFlight: { ...ctx.inFlight },
  });
  registerAdminRoutes(app, ctx, {
    resetData: () => {
      load();
      idempotency.clear();
    },
    stats: statsView,
  });

  registerSettingsRoutes(app, ctx);

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    adminToken: options.adminToken,
    tenant: store,
    generated: tenant,
    stats: statsView,
    changes: { apply: (event) => applyBusinessEvent(store, event) },
    callouts: {
      configure: (targets) => callouts.configure(targets),
      attempts: () => callouts.attempts,
      idle: () => callouts.idle(),
    },
    close: async () => {
      callouts.close();
      orders.close();
      await app.close();
    },
  };
}
