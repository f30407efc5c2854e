// Zuora answers errors in two shapes: v1 REST `{ success: false, reasons: [{ code, message }] }` and the
// object/action APIs `{ Errors: [{ Code, Message }] }` or `{ message }`; a fault of the Actions (query, queryMore:
// a call that fails whole, such as an object ZOQL cannot query) `{ faultcode: 'fns:INVALID_TYPE', faultstring }`.
// All become one ZuoraApiError. https://developer.zuora.com/docs/guides/error-handling/ ,
// https://docs.zuora.com/zuora-platform/integration/apis/soap-api/error-handling/faults

export class ZuoraApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly path: string;

  constructor(status: number, code: string, message: string, path: string) {
    super(`Zuora ${path} answered ${status} ${code}: ${message}`);
    this.name = 'ZuoraApiError';
    this.status = status;
    this.code = code;
    this.path = path;
  }
}

interface ReasonShape {
  reasons?: { code?: unknown; message?: unknown }[];
  Errors?: { Code?: unknown; Message?: unknown }[];
  message?: unknown;
  error?: unknown;
  faultcode?: unknown;
  faultstring?: unknown;
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
}

export function errorFromBody(status: number, path: string, body: unknown): ZuoraApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as ReasonShape;
  const reason = b.reasons?.[0];
  if (reason !== undefined) {
    return new ZuoraApiError(status, text(reason.code, String(status)), text(reason.message, ''), path);
  }
  const err = b.Errors?.[0];
  if (err !== undefined) {
    return new ZuoraApiError(status, text(err.Code, String(status)), text(err.Message, ''), path);
  }
  if (typeof b.faultcode === 'string')
    return new ZuoraApiError(status, b.faultcode.replace(/^fns:/, ''), text(b.faultstring, ''), path);
  const message =
    typeof b.message === 'string' ? b.message : typeof b.error === 'string' ? b.error : `HTTP ${status}`;
  return new ZuoraApiError(status, `HTTP_${status}`, message, path);
}

/** A 2xx whose body says `success: false` is an error too (Zuora's v1 REST convention). */
export function isUnsuccessful(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { success?: unknown }).success === false;
}
