import { RequestError } from '../store/sf-error.js';

export type QueryErrorCode =
  | 'MALFORMED_QUERY'
  | 'INVALID_FIELD'
  | 'INVALID_TYPE'
  | 'INVALID_QUERY_FILTER_OPERATOR'
  | 'NUMBER_OUTSIDE_VALID_RANGE'
  | 'MALFORMED_SEARCH'
  | 'INVALID_SEARCH'
  | 'QUERY_TOO_COMPLICATED';

/** A query error worded as the API words it, with the position line the platform adds. */
export function queryError(
  errorCode: QueryErrorCode,
  message: string,
  soql?: string,
  pos?: number,
): RequestError {
  if (soql === undefined || pos === undefined) return new RequestError(errorCode, message);
  const line = soql.length > 4000 ? `${soql.slice(0, 4000)}...` : soql;
  const caret = `${' '.repeat(Math.max(0, Math.min(pos, 4000)))}^`;
  return new RequestError(errorCode, `\n${line}\n${caret}\nERROR at Row:1:Column:${pos + 1}\n${message}`);
}
