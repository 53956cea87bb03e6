// Filters and Telegram-type constructors given values that may be undefined, in a consumer project
// compiled with exactOptionalPropertyTypes against the built package (found by a trial bot of a
// typed-API user): `{ commands: admin ? ['ban'] : undefined }` is a filter left out, as it is at
// run time (src/dispatch/filters.ts skips undefined keys), and `new types.ReplyParameters(id,
// { quote: maybe })` an option left out, as for `new types.InputMediaPhoto(id, { caption: maybe })`.
import { test } from 'node:test';
import { existsSync } from 'node:fs';
import { assertCompilesStrict } from './strict-consumer.js';

const built = existsSync('dist/esm/index.d.ts');

const consumer = `
import { Botte, types } from 'botte';

const maybe = (): string | undefined => process.env['X'];
const admin = process.env['ADMIN'] === '1';
const bot = new Botte('1:x');

bot.handleMsg({ commands: admin ? ['ban'] : undefined, contentTypes: undefined, chatTypes: undefined }, (m) => m.text);
bot.handleMsg({ regexp: undefined, func: undefined, isChatAdmin: admin ? true : undefined }, (m) => m.text);
bot.callbackQueryHandler({ callbackData: undefined, func: undefined }, (q) => q.id);
bot.chatMemberHandler({ func: undefined, chatId: undefined }, (u) => u.chat.id);
bot.registerMessageHandler((m) => m.message_id, { commands: undefined });

void new types.InputTextMessageContent('t', { parse_mode: admin ? 'HTML' : undefined, entities: undefined });
void new types.InlineQueryResultArticle('a', 't', new types.InputTextMessageContent('x'), { description: maybe() });
void new types.ReplyParameters(1, { quote: maybe(), chat_id: undefined });
void new types.LinkPreviewOptions({ url: maybe(), is_disabled: undefined });
`;

test('filters and Telegram-type constructors accept undefined values under exactOptionalPropertyTypes', {
  skip: built ? false : 'run `npm run build` first',
}, () => {
  assertCompilesStrict(consumer, 'botte-exact-optional-');
});
