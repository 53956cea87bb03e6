/**
 * A small bot with inline buttons, a reply keyboard, files and inline mode: the bot the
 * conversation-kit and playground tests drive (test/kit-*.test.ts, test/playground-*.test.ts).
 * Run it in the playground with `npx botte playground examples/buttons-bot.ts`.
 * As a program it reads BOT_TOKEN, like any bot.
 */
import { Botte, types } from '../src/index.js';

/** Builds the bot; `urls` aim it at an emulator (tests), else it goes where Botte's settings say. */
export function createButtonsBot(token: string, urls: { apiUrl?: string; fileUrl?: string } = {}): Botte {
  const bot = new Botte(token, { parseMode: null, ...urls });

  bot.handleMsg({ commands: ['start'] }, (message) => bot.replyTo(message, 'Howdy, how are you doing?'));

  bot.handleMsg({ commands: ['menu'] }, async (message) => {
    const markup = new types.InlineKeyboardMarkup();
    markup.row(
      new types.InlineKeyboardButton('Yes', { callback_data: 'yes' }),
      new types.InlineKeyboardButton('No', { callback_data: 'no' }),
    );
    markup.row(new types.InlineKeyboardButton('Docs', { url: 'https://example.com/docs' }));
    await bot.sendMessage(message.chat.id, 'Do you like <b>buttons</b>?', { parse_mode: 'HTML', reply_markup: markup });
  });

  bot.handleMsg({ commands: ['keyboard'] }, async (message) => {
    const markup = new types.ReplyKeyboardMarkup({ resize_keyboard: true });
    markup.row('Red', 'Green');
    await bot.sendMessage(message.chat.id, 'Pick a colour', { reply_markup: markup });
  });

  bot.handleMsg({ func: (m) => m.text === 'Red' || m.text === 'Green' }, async (message) => {
    await bot.sendMessage(message.chat.id, `You picked ${message.text}`, {
      reply_markup: new types.ReplyKeyboardRemove(),
    });
  });

  bot.handleMsg({ commands: ['bye'] }, async (message) => {
    const sent = await bot.sendMessage(message.chat.id, 'This message disappears');
    await bot.deleteMessage(message.chat.id, sent.message_id);
  });

  bot.callbackQueryHandler(
    () => true,
    async (query) => {
      const liked = query.data === 'yes';
      if (query.message)
        await bot.editMessageText(
          liked ? 'Glad you like them!' : 'Maybe later.',
          query.message.chat.id,
          query.message.message_id,
        );
      await bot.answerCallbackQuery(query.id, { text: liked ? 'Thanks!' : 'OK', show_alert: !liked });
    },
  );

  bot.handleMsg({ contentTypes: ['document'] }, async (message) => {
    const document = message.document;
    await bot.replyTo(message, `Got ${document.file_name ?? 'a file'} (${document.file_size ?? 0} bytes)`);
    const file = await bot.getFile(document.file_id);
    const bytes = await bot.downloadFile(file.file_path!);
    await bot.sendDocument(message.chat.id, new types.InputFile(bytes, `echo-${document.file_name ?? 'file'}`));
  });

  bot.handleMsg({ contentTypes: ['photo'] }, (message) =>
    bot.replyTo(message, `Nice photo! ${message.caption ?? ''}`.trim()),
  );

  bot.inlineHandler(
    () => true,
    async (query) => {
      const text = query.query || 'nothing';
      await bot.answerInlineQuery(query.id, [
        new types.InlineQueryResultArticle('1', `Say ${text}`, new types.InputTextMessageContent(text)),
      ]);
    },
  );

  bot.handleMsg({ func: (m) => typeof m.text === 'string' }, (message) => bot.replyTo(message, message.text!));
  return bot;
}

// Run as a program (the playground starts it this way): `node --import tsx examples/buttons-bot.ts`.
if (process.argv[1] !== undefined && /buttons-bot\.[cm]?[jt]s$/.test(process.argv[1])) {
  const token = process.env.BOT_TOKEN;
  if (!token) {
    console.error('Set BOT_TOKEN (or run it with `npx botte playground examples/buttons-bot.ts`).');
    process.exit(1);
  }
  await createButtonsBot(token).runthebot({ handleSignals: true });
}
