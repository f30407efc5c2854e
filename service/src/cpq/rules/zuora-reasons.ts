// The reasons of a Zuora error answer, wherever the API puts them: `reasons[]` of a v1 answer, the
// `result.reasons[]` and `errors` text of a failed async job, or a plain `message`.
// https://developer.zuora.com/v1-api-reference/api/operation/GET_JobStatusAndResponse/

export interface Reason {
  readonly code: number | null;
  readonly message: string;
}

/** Every reason with a message, outermost first. */
export function reasonsOf(body: unknown): Reason[] {
  if (typeof body !== 'object' || body === null) return [];
  const b = body as { reasons?: unknown; errors?: unknown; result?: unknown; message?: unknown };
  const listed = Array.isArray(b.reasons)
    ? b.reasons.map((r: { code?: unknown; message?: unknown }) => ({
        code: typeof r.code === 'number' ? r.code : null,
        message: typeof r.message === 'string' ? r.message : '',
      }))
    : [];
  const nested = b.result === undefined ? [] : reasonsOf(b.result);
  const text =
    typeof b.errors === 'string'
      ? [{ code: null, message: b.errors }]
      : typeof b.message === 'string'
        ? [{ code: null, message: b.message }]
        : [];
  return [...listed, ...nested, ...text].filter((r) => r.message !== '');
}
