// A text message Update from a private chat, for tests that build updates by hand (queues, the
// poller's poison-update handling) instead of pushing them through the emulator.
import type { Update } from '../src/api/generated/telegram-types.js';

/** Update `updateId` carrying message `text` from user `chatId` in the private chat `chatId`. */
export function privateMessage(updateId: number, chatId: number, text: string): Update {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1,
      chat: { id: chatId, type: 'private', first_name: 'U' },
      from: { id: chatId, is_bot: false, first_name: 'U' },
      text,
    },
  };
}
