// v1 REST resources the connector reads: accounts (GET; updates and contacts are in account-routes.ts),
// subscriptions by account, one subscription, catalog products (pageSize at most 40).
import type { FastifyInstance } from 'fastify';
import { ChildIndex } from '../query/relations.js';
import { latestVersion } from '../changes/subscription-versions.js';
import type { StoredRecord } from '../store/tenant-store.js';
import type { EmulatorContext } from './context.js';
import { entityScope } from './entity-scope.js';
import { reason, v1Error } from './errors.js';
import { accountView, productView, subscriptionView } from './v1-views.js';

export function registerV1Routes(app: FastifyInstance, ctx: EmulatorContext): void {
  const children = new ChildIndex(ctx.store);
  const visible = (s: StoredRecord | undefined, entityId: string | null): s is StoredRecord =>
    s !== undefined && (entityId === null || s.entityId === entityId);

  app.get<{ Params: { key: string } }>('/v1/accounts/:key', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
    const account = ctx.store.findAccount(request.params.key);
    if (!visible(account, scope.entityId))
      return v1Error(reply, 404, [
        reason('account', 'notFound', `Cannot find entity by key: '${request.params.key}'.`),
      ]);
    return reply.send(accountView(ctx.store, account.record));
  });

  app.get<{ Params: { key: string } }>('/v1/subscriptions/accounts/:key', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
    const account = ctx.store.findAccount(request.params.key);
    if (!visible(account, scope.entityId))
      return v1Error(reply, 404, [
        reason('subscription', 'notFound', `Cannot find entity by key: '${request.params.key}'.`),
      ]);
    const subs = children
      .children('Subscription', 'AccountId', account.record.Id)
      .filter((s) => s.record.Status !== 'Expired');
    return reply.send({
      success: true,
      subscriptions: subs.map((s) => subscriptionView(ctx.store, children, s.record)),
    });
  });

  app.get<{ Params: { key: string } }>('/v1/subscriptions/:key', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
    const byId = ctx.store.get('Subscription', request.params.key);
    const record = byId?.record ?? latestVersion(ctx.store, request.params.key, scope.entityId);
    const stored = record === undefined ? undefined : ctx.store.get('Subscription', record.Id);
    if (!visible(stored, scope.entityId))
      return v1Error(reply, 404, [
        reason('subscription', 'notFound', `Cannot find subscription by key: '${request.params.key}'.`),
      ]);
    return reply.send({ success: true, ...subscriptionView(ctx.store, children, stored.record) });
  });

  app.get<{ Querystring: { pageSize?: string; page?: string } }>(
    '/v1/catalog/products',
    async (request, reply) => {
      const scope = entityScope(request, ctx.store);
      if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
      const pageSize = request.query.pageSize === undefined ? 10 : Number(request.query.pageSize);
      const page = request.query.page === undefined ? 1 : Number(request.query.page);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 40)
        return v1Error(reply, 400, [
          reason(
            'catalog',
            'invalidValue',
            `pageSize must be an integer from 1 to 40, got '${String(request.query.pageSize)}'.`,
          ),
        ]);
      if (!Number.isInteger(page) || page < 1)
        return v1Error(reply, 400, [
          reason(
            'catalog',
            'invalidValue',
            `page must be a positive integer, got '${String(request.query.page)}'.`,
          ),
        ]);
      const products = [...ctx.store.scan('Product', scope.entityId)];
      const slice = products.slice((page - 1) * pageSize, page * pageSize);
      const more = page * pageSize < products.length;
      return reply.send({
        success: true,
        products: slice.map((p) => productView(children, p.record)),
        ...(more ? { nextPage: `/v1/catalog/products?page=${page + 1}&pageSize=${pageSize}` } : {}),
      });
    },
  );

  app.get<{ Params: { key: string } }>('/v1/catalog/products/:key', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
    const p =
      ctx.store.get('Product', request.params.key) ??
      [...ctx.store.scan('Product', scope.entityId)].find((x) => x.record.SKU === request.params.key);
    if (!visible(p, scope.entityId))
      return v1Error(reply, 404, [
        reason('catalog', 'notFound', `Cannot find product by key: '${request.params.key}'.`),
      ]);
    return reply.send({ success: true, ...productView(children, p.record) });
  });
}
