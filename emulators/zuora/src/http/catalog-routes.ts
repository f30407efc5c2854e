// v1 catalog reads a CPQ connector uses to find a rate plan: by external id (the ids in
// externallyManagedPlanIds: a Salesforce Product2 or ProductConsumptionSchedule id), by id, and a
// product's rate plans (product id or SKU). Every call reads the request's entity.
// https://developer.zuora.com/v1-api-reference/api/operation/GET_ProductRatePlansByExternalID/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_ProductRatePlan/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_ProductRatePlans/
import type { FastifyInstance } from 'fastify';
import { chargeView, ratePlanView } from '../catalog/catalog-views.js';
import { ratePlansByExternalId } from '../catalog/external-plan-ids.js';
import { ChildIndex } from '../query/relations.js';
import type { EmulatorContext } from './context.js';
import { entityScope, inEntity } from './entity-scope.js';
import { reason, v1Error } from './errors.js';

export function registerCatalogRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const children = new ChildIndex(ctx.store);

  app.get<{ Params: { id: string } }>('/v1/product-rate-plans/external-id/:id', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
    const plans = ratePlansByExternalId(ctx.store, request.params.id, scope.entityId);
    if (plans.length === 0)
      return v1Error(reply, 404, [
        reason('catalog', 'notFound', `No product rate plan has the external id '${request.params.id}'.`),
      ]);
    return reply.send(plans.map((p) => ratePlanView(p.record, ctx.options.now())));
  });

  app.get<{ Params: { id: string } }>('/v1/product-rate-plans/:id', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
    const plan = ctx.store.get('ProductRatePlan', request.params.id);
    if (!inEntity(plan, scope.entityId))
      return v1Error(reply, 404, [
        reason('catalog', 'notFound', `Cannot find product rate plan '${request.params.id}'.`),
      ]);
    return reply.send({ ...ratePlanView(plan.record, ctx.options.now()), success: true });
  });

  app.get<{ Params: { key: string }; Querystring: { pageSize?: string; page?: string } }>(
    '/v1/products/:key/product-rate-plans',
    async (request, reply) => {
      const scope = entityScope(request, ctx.store);
      if (!scope.ok) return v1Error(reply, 400, [reason('generic', 'invalidValue', scope.message)]);
      const key = request.params.key;
      const byId = ctx.store.get('Product', key);
      const product = inEntity(byId, scope.entityId)
        ? byId
        : [...ctx.store.scan('Product', scope.entityId)].find((p) => p.record.SKU === key);
      if (product === undefined)
        return v1Error(reply, 404, [reason('catalog', 'notFound', `Cannot find product by key: '${key}'.`)]);
      const pageSize = Number(request.query.pageSize ?? 20);
      const page = Number(request.query.page ?? 1);
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 40 || !Number.isInteger(page) || page < 1)
        return v1Error(reply, 400, [
          reason(
            'catalog',
            'invalidValue',
            'pageSize must be an integer from 1 to 40 and page a positive integer.',
          ),
        ]);
      const plans = children.children('ProductRatePlan', 'ProductId', product.record.Id);
      const slice = plans.slice((page - 1) * pageSize, page * pageSize);
      return reply.send({
        success: true,
        productRatePlans: slice.map(({ record: rp }) => ({
          ...ratePlanView(rp, ctx.options.now()),
          productRatePlanCharges: children
            .children('ProductRatePlanCharge', 'ProductRatePlanId', rp.Id)
            .map(({ record: c }) => chargeView(children, c)),
        })),
        ...(page * pageSize < plans.length
          ? { nextPage: `/v1/products/${key}/product-rate-plans?page=${page + 1}&pageSize=${pageSize}` }
          : {}),
      });
    },
  );
}
