/** The updates of bench/scale-out.mjs: message `i` from chat `i mod chats`. */
export function makeUpdate(i, chats) {
  const chat = 1000 + (i % chats);
  return {
    update_id: i + 1,
    message: {
      message_id: i + 1,
      date: 1_700_000_000,
      chat: { id: chat, type: 'private', first_name: 'U' },
      from: { id: chat, is_bot: false, first_name: 'U' },
      text: `m${i}`,
    },
  };
}
