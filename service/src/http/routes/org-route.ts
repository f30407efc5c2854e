// POST /v1/org/confirm (API token): the admin's answer to a changed Salesforce org (sessions/org-guard.ts).
// Answers what changed and the dry run of re-mapping CRM ids; with `"dryRun": true` confirms nothing, else the
// org Salesforce is now becomes the synced one and sessions run again. `orgId`, when sent, must be that org.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { OrgMismatchError, reviewOrg, type OrgConfirmDeps } from '../../sessions/org-confirm.js';

const requestBody = z.strictObject({
  dryRun: z.boolean().default(false),
  orgId: z
    .string()
    .regex(/^00D[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/, 'a Salesforce organization Id (00D...)')
    .optional(),
});

const report = z.object({
  recordedOrgId: z.string().nullable(),
  currentOrgId: z.string(),
  changed: z.boolean(),
  confirmed: z.boolean(),
  crmIdsChecked: z.number(),
  missingCrmAccounts: z.array(
    z.object({ zuoraAccountId: z.string(), accountNumber: z.string(), crmId: z.string() }),
  ),
});

const errorBody = z.object({ error: z.string(), message: z.string() });

export const orgRoute =
  (deps: OrgConfirmDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/org/confirm',
      {
        schema: {
          summary:
            'Confirm the Salesforce org after a sandbox refresh or a change of credentials (lists the CRM Account Ids it lacks)',
          security: [{ bearerAuth: [] }],
          body: requestBody,
          response: { 200: report, 409: errorBody },
        },
      },
      async (request, reply) => {
        const { dryRun, orgId } = request.body;
        try {
          const r = await reviewOrg(deps, {
            confirm: !dryRun,
            by: 'api',
            ...(orgId === undefined ? {} : { expectedOrgId: orgId }),
          });
          return {
            ...r,
            recordedOrgId: r.recordedOrgId ?? null,
            missingCrmAccounts: [...r.missingCrmAccounts],
          };
        } catch (error) {
          if (error instanceof OrgMismatchError)
            return reply.code(409).send({ error: 'org_mismatch', message: error.message });
          throw error;
        }
      },
    );
  };
