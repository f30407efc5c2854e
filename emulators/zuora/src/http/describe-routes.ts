// GET /v1/describe/{object} answers the XML field list of an object (names as in ZOQL and Export ZOQL),
// `showRelationships=true` adds the joined objects; an unknown object is a 404 XML document. GET
// /v1/describe lists the objects. https://developer.zuora.com/v1-api-reference/api/operation/GET_Describe/
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeErrorXml, describeListXml, describeObjectXml } from '../describe/describe-xml.js';
import { resolveObjectName } from '../model/object-definitions.js';
import type { EmulatorContext } from './context.js';

const xmlType = 'text/xml;charset=UTF-8';

/** The base URL the client used, for the documents' href attributes. */
function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

export function registerDescribeRoutes(app: FastifyInstance, _ctx: EmulatorContext): void {
  app.get('/v1/describe', async (request, reply) =>
    reply.type(xmlType).send(describeListXml(baseUrl(request))),
  );

  app.get<{ Params: { object: string }; Querystring: { showRelationships?: string | string[] } }>(
    '/v1/describe/:object',
    async (request, reply) => {
      const object = resolveObjectName(request.params.object);
      if (object === undefined)
        return reply
          .code(404)
          .type(xmlType)
          .send(
            describeErrorXml('INVALID_TYPE', `invalid object type: ${request.params.object.slice(0, 64)}`),
          );
      const raw = request.query.showRelationships;
      const show = String(Array.isArray(raw) ? raw[raw.length - 1] : raw).toLowerCase() === 'true';
      return reply.type(xmlType).send(describeObjectXml(baseUrl(request), object, show));
    },
  );
}
