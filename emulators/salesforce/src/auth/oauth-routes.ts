import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { registerIdentityRoutes } from './identity-routes.js';
import { registerTokenRoute } from './token-route.js';

// The OAuth endpoints of the emulated login server (which is also the instance).

export { bearerSession } from './bearer-session.js';

export function registerOAuthRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerTokenRoute(app, ctx);
  registerIdentityRoutes(app, ctx);
}
