/**
 * The shape check every update passes before its handlers run. Telegram's updates always pass
 * it; what fails it (a broken proxy, a hand-made webhook body, `processNewUpdates` fed junk, a
 * future Bot API change) is reported to the exception handler as a {@link MalformedUpdateError}
 * and skipped, once, instead of throwing somewhere deep in the filters or the scheduler and
 * taking the rest of the batch (or the polling loop) down with it.
 *
 * Only what Botte itself relies on is checked (the payload is an object; a message has a chat
 * with an id; `from`, `chat` and `user` are objects with an id), so that new fields and update
 * types keep flowing. A few typeof checks: cheap enough for every update.
 * @module
 */

/** An update whose shape Botte cannot handle: reported to the exception handler, then skipped. */
export class MalformedUpdateError extends Error {
  /** The `update_id`, when the update has a numeric one. */
  readonly updateId: number | undefined;
  /** The update as received (not copied). */
  readonly update: unknown;

  /**
   * @param problem what is wrong, e.g. `message.chat is missing`
   * @param update the update
   */
  constructor(problem: string, update: unknown) {
    const id =
      update !== null && typeof update === 'object' ? (update as { update_id?: unknown }).update_id : undefined;
    const updateId = typeof id === 'number' ? id : undefined;
    super(`Malformed update${updateId === undefined ? '' : ` ${updateId}`} skipped: ${problem}`);
    this.name = 'MalformedUpdateError';
    this.updateId = updateId;
    // Not enumerable: printing or serializing the error does not dump a (possibly huge) update.
    Object.defineProperty(this, 'update', { value: update, enumerable: false });
  }
}

/** Update types whose payload is a Message (a chat with an id is required). */
const MESSAGE_TYPES: ReadonlySet<string> = new Set([
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_message',
  'edited_business_message',
  'guest_message',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What is wrong with `holder[field]`, which, when present, must be an object with a numeric `id`. */
function badIdHolder(
  holder: Record<string, unknown>,
  field: string,
  path: string,
  required: boolean,
): string | undefined {
  const value = holder[field];
  if (value === undefined) return required ? `${path}.${field} is missing` : undefined;
  if (!isObject(value)) return `${path}.${field} is not an object`;
  const id = value.id;
  if (typeof id !== 'number') return `${path}.${field}.id is not a number`;
  return undefined;
}

/** What is wrong with a Message at `path`. */
function messageProblem(message: unknown, path: string): string | undefined {
  if (!isObject(message)) return `${path} is not an object`;
  return badIdHolder(message, 'chat', path, true) ?? badIdHolder(message, 'from', path, false);
}

/**
 * The `update_id` of `update` when it is usable (a safe integer), else undefined. The one test
 * of an id: the poller, the update journal and {@link updateProblem} must agree on it, or an
 * update one of them keeps could never be confirmed or removed by another.
 */
export function usableUpdateId(update: unknown): number | undefined {
  const id = (update as { update_id?: unknown } | null | undefined)?.update_id;
  return Number.isSafeInteger(id) ? (id as number) : undefined;
}

/**
 * What makes `update` unfit for handling, or undefined when Botte can handle it. Checks the
 * update itself, `update_id` (when present), and its payload field(s).
 */
export function updateProblem(update: unknown): string | undefined {
  if (!isObject(update))
    return `the update is ${update === null ? 'null' : Array.isArray(update) ? 'an array' : `a ${typeof update}`}, not an object`;
  if (update.update_id !== undefined && usableUpdateId(update) === undefined) return 'update_id is not an integer';
  // Most updates are new messages: one named load.
  const message = update.message;
  if (message !== undefined) return messageProblem(message, 'message');
  let payloads = 0;
  for (const field in update) {
    if (field === 'update_id') continue;
    const payload = update[field];
    if (payload === undefined) continue;
    payloads++;
    if (MESSAGE_TYPES.has(field)) {
      const problem = messageProblem(payload, field);
      if (problem !== undefined) return problem;
      continue;
    }
    if (!isObject(payload)) return `${field} is not an object`;
    const problem =
      badIdHolder(payload, 'chat', field, false) ??
      badIdHolder(payload, 'from', field, false) ??
      badIdHolder(payload, 'user', field, false) ??
      (payload.message === undefined ? undefined : messageProblem(payload.message, `${field}.message`));
    if (problem !== undefined) return problem;
  }
  return payloads === 0 ? 'it has no payload besides update_id' : undefined;
}
