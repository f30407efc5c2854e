// The read-out APIs that produce files: AQuA, CRUD exports and Data Query share one file store (downloaded
// through GET /v1/files/{id} or a pre-signed URL); describe tells their callers the fields to ask for.
import type { FastifyInstance } from 'fastify';
import { AquaService } from '../aqua/aqua-jobs.js';
import { DataQueryService } from '../data-query/data-query-jobs.js';
import { UrlSigner } from '../data-query/presigned-url.js';
import { ExportService } from '../exports/export-jobs.js';
import { FileStore } from '../files/file-store.js';
import { registerAquaRoutes } from '../http/aqua-routes.js';
import type { EmulatorContext } from '../http/context.js';
import { registerDataQueryRoutes } from '../http/data-query-routes.js';
import { registerDescribeRoutes } from '../http/describe-routes.js';
import { registerExportRoutes } from '../http/export-routes.js';

export function registerExtractRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const { store, options } = ctx;
  const files = new FileStore(options.now);
  registerAquaRoutes(app, ctx, new AquaService(store, files, options.now, options.aquaQueryLabelHeaders));
  registerDescribeRoutes(app, ctx);
  registerExportRoutes(app, ctx, new ExportService(store, files, options.now));
  const signer = new UrlSigner(options.now);
  const service = new DataQueryService(store, files, signer, options.now);
  registerDataQueryRoutes(app, ctx, { service, files, signer });
}
