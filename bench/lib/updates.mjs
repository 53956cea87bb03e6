/**
 * Deterministic update stream: mostly plain texts (echo), plus commands (5%), regexp hits
 * (5%) and predicate hits (5%), from CHATS private chats. The same k always gives the same
 * update, so the fake server, the load generator and the bot agree without talking.
 */
export const CHATS = 1000;
const WORDS = ['hello', 'world', 'bench', 'telegram', 'bot', 'echo', 'node', 'fast', 'update', 'message'];

/** The text of update k (0-based). */
export function textOf(k) {
  switch (k % 20) {
    case 0:
      return `/cmd${Math.floor(k / 20) % 20}`;
    case 7:
      return `re${Math.floor(k / 32) % 10}:${k}`;
    case 13:
      return `hello ${k}!p${Math.floor(k / 32) % 10}`;
    default: {
      const n = 2 + (k % 7);
      let s = `${k}`;
      for (let i = 0; i < n; i++) s += ' ' + WORDS[(k + i * 3) % WORDS.length];
      return s;
    }
  }
}

/** Update k: a private text message in chat 100000 + k % CHATS. */
export function makeUpdate(k, base = 1) {
  const chatId = 100000 + (k % CHATS);
  const text = textOf(k);
  const message = {
    message_id: 1 + Math.floor(k / CHATS),
    from: { id: chatId, is_bot: false, first_name: `User${chatId}`, language_code: 'en' },
    chat: { id: chatId, type: 'private', first_name: `User${chatId}` },
    date: 1700000000 + Math.floor(k / 100),
    text,
  };
  if (text.startsWith('/')) message.entities = [{ type: 'bot_command', offset: 0, length: text.length }];
  return { update_id: base + k, message };
}

/** Updates 0..count-1. */
export function makeUpdates(count, base = 1) {
  const out = new Array(count);
  for (let k = 0; k < count; k++) out[k] = makeUpdate(k, base);
  return out;
}

/** A plausible sendMessage result for (chatId, text). */
export function fakeMessage(chatId, text, id = 1) {
  return {
    message_id: id,
    from: { id: 123456, is_bot: true, first_name: 'Bench', username: 'bench_bot' },
    chat: { id: Number(chatId), type: 'private', first_name: 'User' },
    date: 1700000000,
    text,
  };
}
