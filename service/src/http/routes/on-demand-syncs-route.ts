// POST /v1/on-demand-syncs: the callout Salesforce makes (OnDemandSyncCallout) to sync some billing accounts
// or products now; answers when the sync is done, one result per requested object. The contract, errors
// included, is docs/on-demand-sync-contract.md.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerSyncError } from '../sync-request-errors.js';
import type { ApiSyncDeps } from '../../api-sync/api-sync-types.js';
import {
  runOnDemandSync,
  TooManyObjectsError,
  type OnDemandOptions,
} from '../../on-demand/on-demand-sync.js';
import { zuoraIdFormat, zuoraIdFormatMessage } from '../../zuora/zuora-ids.js';
import { entityIdSchema, unknownEntity } from '../../config/entity-ids.js';

const salesforceId = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'expected a 15- or 18-character Salesforce Id');
const zuoraId = z.string().regex(zuoraIdFormat, zuoraIdFormatMessage);
const idList = (item: z.ZodString) => z.array(item).max(200, 'at most 200 ids');

export const onDemandBody = z
  .object({
    objectType: z.enum(['BILLING_ACCOUNT', 'ZPRODUCT']),
    source: z.enum(['UI', 'APEX', 'FLOW']),
    accountIds: idList(salesforceId),
    salesforceIds: idList(salesforceId),
    zuoraIds: idList(zuoraId),
    zuoraIdsByEntity: z.record(z.string(), entityIdSchema),
    emailNotification: z.boolean(),
    requestedBy: z.object({ userId: salesforceId, orgId: salesforceId }),
    /** Compare with Salesforce and answer what would change (`dryRun` in the answer); nothing is written. */
    dryRun: z.boolean().default(false),
  })
  .superRefine((body, ctx) => {
    if (body.accountIds.length + body.salesforceIds.length + body.zuoraIds.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['zuoraIds'],
        message: 'at least one id is required in accountIds, salesforceIds or zuoraIds',
      });
    }
    if (body.objectType === 'ZPRODUCT' && body.accountIds.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['accountIds'],
        message: 'CRM Account Ids only apply to objectType BILLING_ACCOUNT',
      });
    }
    for (const key of Object.keys(body.zuoraIdsByEntity)) {
      if (!body.zuoraIds.includes(key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['zuoraIdsByEntity', key],
          message: 'every key of zuoraIdsByEntity must also be in zuoraIds',
        });
      }
    }
  });

const errorBody = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

const diffCounts = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  deleted: z.number(),
  failed: z.number(),
});

/** A dry run's answer: per object the counts, then each change (fields old -> new) up to 1,000. */
const dryRunBody = z.object({
  objects: z.record(z.string(), diffCounts),
  changes: z.array(
    z.object({
      object: z.string(),
      key: z.string(),
      action: z.enum(['create', 'update', 'delete', 'failed']),
      salesforceId: z.string().nullable().optional(),
      changes: z
        .array(z.object({ field: z.string(), old: z.unknown(), new: z.unknown() }))
        .readonly()
        .optional(),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
  moreChanges: z.number(),
  salesforceCalls: z.number(),
});

const resultBody = z.object({
  objectId: z.string(),
  salesforceId: z.string().nullable(),
  zuoraId: z.string().nullable(),
  success: z.boolean(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  sessionId: z.string(),
});

/** The first entity of zuoraIdsByEntity the tenant does not have, as an error message naming the field. */
async function unknownEntityIn(
  byEntity: Readonly<Record<string, string>>,
  entities: () => Promise<readonly string[]>,
): Promise<string | undefined> {
  const pairs = Object.entries(byEntity);
  if (pairs.length === 0) return undefined;
  const known = await entities();
  for (const [zuoraId, entityId] of pairs) {
    const problem = unknownEntity(entityId, known);
    if (problem !== undefined) return `body.zuoraIdsByEntity.${zuoraId}: ${problem}`;
  }
  return undefined;
}

export const onDemandSyncsRoute =
  (
    deps: ApiSyncDeps,
    /** The tenant's entities (ZUORA_ENTITY_IDS, else discovered); '' alone for a single-entity tenant. */
    entities: () => Promise<readonly string[]>,
    options: OnDemandOptions = {},
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/on-demand-syncs',
      {
        schema: {
          summary:
            'Sync billing accounts (with their related objects) or products now; one result per requested object',
          description:
            'The contract of docs/on-demand-sync-contract.md. At most 10 objects (8 from UI), counted after resolving accountIds. A request for an account whose on-demand sync is running joins it (same sessionId). With dryRun, nothing is written: the answer lists per object what would be created, updated (fields old -> new), left unchanged, deleted or fail.',
          security: [{ bearerAuth: [] }],
          body: onDemandBody,
          response: {
            200: z.object({
              sessionId: z.string(),
              historyId: z.string().nullable(),
              results: z.array(resultBody),
              dryRun: dryRunBody.optional(),
            }),
            400: errorBody,
            409: errorBody,
            429: errorBody,
            503: errorBody,
          },
        },
      },
      async (request, reply) => {
        try {
          const unknown = await unknownEntityIn(request.body.zuoraIdsByEntity, entities);
          if (unknown !== undefined)
            return reply.code(400).send({ error: 'invalid_request', message: unknown });
          const answer = await runOnDemandSync(deps, request.body, options);
          return { ...answer, results: [...answer.results] };
        } catch (error) {
          if (error instanceof TooManyObjectsError)
            return reply.code(400).send({ error: 'too_many_objects', message: error.message });
          const answered = answerSyncError(error, reply, request.log, 'on-demand sync');
          if (answered !== undefined) return answered;
          throw error;
        }
      },
    );
  };
