// Admin API for the tenant's billing settings: GET/PUT /__emulator/settings (admin token, like every
// /__emulator route). PUT takes any subset of the settings.
import type { FastifyInstance } from 'fastify';
import { billingSettingsSchema } from '../tenant/billing-settings.js';
import type { EmulatorContext } from './context.js';

export function registerSettingsRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/__emulator/settings', async () => ctx.settings);
  app.put('/__emulator/settings', async (request, reply) => {
    const parsed = billingSettingsSchema.partial().safeParse(request.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return reply.code(400).send({
        error: 'bad_request',
        message: `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
      });
    }
    Object.assign(ctx.settings, parsed.data);
    return { ok: true, settings: ctx.settings };
  });
}
