// Turns service and Salesforce error codes into sentences a sales user can act on, and pulls the readable
// messages out of whatever a Salesforce call rejected with. Shared by the sync components.
import { ERROR_LABELS, LABELS, format } from 'c/syncLabels';

/** A sentence for an error code, falling back to the service's own message, then to the code. */
export function describeError(code?: string | null, message?: string | null): string {
  const known = code ? ERROR_LABELS[code.toUpperCase()] : undefined;
  if (known) return known;
  if (message && message.trim()) return message.trim();
  return code ? format(LABELS.syncFailedCode, code) : LABELS.syncFailedUnknown;
}

type Messages = Record<string, unknown>;

const isObject = (value: unknown): value is Messages => typeof value === 'object' && value !== null;

/** `[{ message }]` -> the messages. */
function messagesOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item) => (isObject(item) && typeof item.message === 'string' ? [item.message] : []));
}

/** `{ field: [{ message }] }` -> the messages of every field. */
function fieldMessagesOf(fields: unknown): string[] {
  if (!isObject(fields)) return [];
  return Object.values(fields).flatMap(messagesOf);
}

/**
 * Every message in one error body, whatever produced it: an AuraHandledException or Apex exception
 * (`message`), a DML error (`pageErrors`, `fieldErrors`), a UI API record call (`output.errors`,
 * `output.fieldErrors`), or a list of such bodies (the shapes lwc-recipes' reduceErrors reads).
 */
function bodyMessages(body: unknown): string[] {
  if (Array.isArray(body)) return body.flatMap(bodyMessages);
  if (typeof body === 'string') return body.trim() ? [body] : [];
  if (!isObject(body)) return [];
  const output = isObject(body.output) ? body.output : {};
  const found = [
    ...messagesOf(body.pageErrors),
    ...fieldMessagesOf(body.fieldErrors),
    ...messagesOf(output.errors),
    ...fieldMessagesOf(output.fieldErrors),
  ];
  if (found.length === 0 && typeof body.message === 'string') found.push(body.message);
  return found;
}

/** The messages of one error or a list of errors (a FetchResponse, a JavaScript Error, a string). */
export function reduceErrors(errors: unknown): string[] {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages = list.flatMap((error): string[] => {
    if (typeof error === 'string') return [error];
    if (!isObject(error)) return [];
    const fromBody = bodyMessages(error.body);
    if (fromBody.length > 0) return fromBody;
    if (typeof error.message === 'string') return [error.message];
    return typeof error.statusText === 'string' ? [error.statusText] : [];
  });
  return [...new Set(messages.map((message) => message.trim()).filter((message) => message !== ''))];
}

/** One readable line for an error a Salesforce call rejected with. */
export function apexErrorMessage(error: unknown): string {
  const messages = reduceErrors(error);
  return messages.length > 0 ? messages.join(' ') : LABELS.requestFailed;
}
