/**
 * When has the bot handled what a chat sent? Botte (like Telegram's other clients) confirms an
 * update only after its handler finished: a later getUpdates offset, or a 2xx answer to the
 * webhook POST. Once the chat's updates are confirmed and no Bot API call is still being answered,
 * whatever the bot was going to send is recorded: `expectNoReply` waits for that point instead of
 * sleeping, and the kit's timeouts use it to say why nothing came.
 * @module
 */
import type { Update } from '../../api/generated/telegram-types.js';
import type { RecordedCall } from '../types.js';
import { OPT_IN_UPDATE_TYPES, updateTypeOf } from '../updates.js';

/** What this module reads from the emulator (a `BotApiEmulator` has it). */
export interface HandledHost {
  /** Updates not yet confirmed by the bot. */
  pendingUpdates(): Update[];
  /** The update types the bot asked for (undefined: Telegram's default set). */
  readonly allowedUpdates: string[] | undefined;
  /** The calls recorded. */
  readonly calls: RecordedCall[];
}

/** How often the wait looks again; the checks are cheap and a test rarely waits more than a few. */
const POLL_MS = 10;

/** Whether the bot receives updates of this type (Telegram leaves the opt-in ones out unless asked). */
function receives(host: HandledHost, update: Update): boolean {
  const type = updateTypeOf(update);
  if (type === undefined) return true;
  const allowed = host.allowedUpdates;
  return allowed === undefined ? !OPT_IN_UPDATE_TYPES.includes(type) : allowed.includes(type);
}

/**
 * The ids among `ids` that the bot has not confirmed yet, oldest first. An update of a type the
 * bot did not ask for (a `chat_member` without it in allowed_updates) never reaches it, so it
 * does not count.
 */
export function stillPending(host: HandledHost, ids: Iterable<number>): number[] {
  const pending = new Set(
    host
      .pendingUpdates()
      .filter((update) => receives(host, update))
      .map((update) => update.update_id),
  );
  return [...ids].filter((id) => pending.has(id)).sort((a, b) => a - b);
}

/** Bot API calls that arrived and are not answered yet (a long poll is not one of them). */
function inFlight(host: HandledHost): boolean {
  return host.calls.some(
    (call) =>
      call.response === undefined &&
      call.status === undefined &&
      call.aborted !== true &&
      call.fault !== 'reset' &&
      call.tokenValid &&
      call.canonicalMethod !== undefined &&
      call.canonicalMethod !== 'getUpdates',
  );
}

function quiet(host: HandledHost, ids: Iterable<number>): boolean {
  return stillPending(host, ids).length === 0 && !inFlight(host);
}

/**
 * Resolves once every update in `ids` is confirmed and no call is being answered, seen twice in a
 * row (a call a handler started without awaiting it may reach the emulator just after the
 * confirmation); rejects with `describe()` after `timeoutMs`.
 */
export async function waitUntilHandled(
  host: HandledHost,
  ids: ReadonlySet<number>,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietBefore = false;
  for (;;) {
    const isQuiet = quiet(host, ids);
    if (isQuiet && quietBefore) return;
    quietBefore = isQuiet;
    if (Date.now() >= deadline) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Why a wait may have timed out, from the state of the chat's updates. */
export function handledHint(host: HandledHost, ids: ReadonlySet<number>, chatId: number): string {
  const pending = stillPending(host, ids);
  if (pending.length > 0) {
    const polled = host.calls.some((call) => call.canonicalMethod === 'getUpdates');
    return (
      `The bot has not confirmed update ${pending.join(', ')} of chat ${chatId}` +
      (polled
        ? ': a handler may still be running, or the update type is not in its allowed_updates.'
        : ': it never called getUpdates. Is it running (runthebot, or a webhook with deliverWebhooks: true) and pointed at emu.apiUrl?')
    );
  }
  return ids.size > 0 && !inFlight(host) ? 'The bot handled every update of this chat (none is pending).' : '';
}
