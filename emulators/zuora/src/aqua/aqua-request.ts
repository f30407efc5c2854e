// Shape and validation of an AQuA job request (POST /v1/batch-query/).
// https://developer.zuora.com/v1-api-reference/api/operation/POST_BatchQueryJob/
import { z } from 'zod';

export const aquaQuerySchema = z.object({
  name: z.string().min(1, 'each query needs a name'),
  query: z.string().min(1, 'each query needs a ZOQL query'),
  type: z.enum(['zoql', 'zoqlexport']),
  apiVersion: z.string().optional(),
  deleted: z
    .object({ column: z.string().min(1), format: z.enum(['Numeric', 'Boolean']).default('Boolean') })
    .optional(),
});

export const aquaRequestSchema = z.object({
  format: z.string().default('csv'),
  version: z.string().default('1.2'),
  name: z.string().default(''),
  encrypted: z.string().default('none'),
  useQueryLabels: z.union([z.boolean(), z.enum(['true', 'false'])]).default('false'),
  dateTimeUtc: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
  partner: z.string().optional(),
  project: z.string().optional(),
  incrementalTime: z.string().optional(),
  queries: z.array(aquaQuerySchema),
});

export type AquaRequest = z.infer<typeof aquaRequestSchema>;
export type AquaQuery = z.infer<typeof aquaQuerySchema>;
