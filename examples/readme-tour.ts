/**
 * The README's snippets as one program that type-checks (`npm test` compiles the examples), so
 * that the README stays true to the code. Not meant to be run against Telegram as is.
 */
import { createServer } from 'node:http';
import {
  Botte,
  AsyncBotte,
  types,
  util,
  apihelper,
  customFilters,
  handlerBackends,
  formatting,
  logger,
  nodeHttpHandler,
  webhookHandler,
  StatesGroup,
  State,
  type Message,
} from '../src/index.js';

const TOKEN = process.env.BOT_TOKEN ?? '123456:TEST-token';
const bot = new Botte(TOKEN, { parseMode: null });
const chatId = 1001;

// Handlers and filters
bot.handleMsg({ commands: ['start', 'help'] }, (message) => bot.replyTo(message, 'Howdy, how are you doing?'));
bot.handleMsg({ contentTypes: ['document', 'audio'] }, (message) => message.content_type);
bot.handleMsg({ regexp: 'SOME_REGEXP' }, (message) => message.text.length);
bot.handleMsg(
  { contentTypes: ['document'], func: (m) => m.document.mime_type === 'text/plain' },
  (message) => message.document.file_id,
);
bot.handleMsg({ contentTypes: ['photo'] }, (message) => message.photo[0]!.file_id);
bot.handleMsg({ chatTypes: ['group', 'supergroup'] }, (message) => message.chat.id);
const sendSomething = (message: Message) => bot.replyTo(message, 'either /hello or 👋');
bot.handleMsg({ commands: ['hello'] })(bot.handleMsg({ func: (m) => m.text === '👋' })(sendSomething));
bot.inlineHandler(
  (query) => query.query === 'text',
  async (query) => {
    const r1 = new types.InlineQueryResultArticle('1', 'Result', new types.InputTextMessageContent('Result message.'));
    const r2 = new types.InlineQueryResultArticle(
      '2',
      'Result2',
      new types.InputTextMessageContent('Result message2.'),
    );
    await bot.answerInlineQuery(query.id, [r1, r2]);
  },
);
bot.callbackQueryHandler(
  (call) => true,
  (call) => logger.info(call.data),
);
bot.setUpdateListener((messages) => messages.length);

// Calling the Bot API
async function calls(buffer: Buffer, fileId: string) {
  await bot.getMe();
  await bot.sendMessage(chatId, '<b>hi</b>', { parse_mode: 'HTML' });
  const sent = await bot.sendMessage(chatId, 'text');
  await bot.editMessageText('new text', chatId, sent.message_id);
  await bot.forwardMessage(2002, chatId, sent.message_id);
  await bot.sendPhoto(chatId, new types.InputFile('/tmp/photo.png'));
  await bot.sendPhoto(chatId, buffer);
  await bot.sendPhoto(chatId, fileId);
  await bot.sendAudio(chatId, new types.InputFile(buffer, 'a.mp3'), {
    duration: 1,
    performer: 'Kreaitorai',
    title: 'pyTelegram',
  });
  await bot.sendLocation(chatId, 51.5, -0.12);
  await bot.sendChatAction(chatId, 'typing');
  await bot.getUpdates(1234, 100, 20);
  const file = await bot.getFile(fileId);
  const bytes: Buffer = await bot.downloadFile(file.file_path!);
  await bot.setWebhook('https://example.com/hook', { certificate: new types.InputFile('mycert.pem') });
  await bot.removeWebhook();
  await bot.logOut();
  await bot.callApi('getChat', { chat_id: chatId });
  return bytes;
}

// Keyboards
const markup = new types.ReplyKeyboardMarkup({ rowWidth: 2, resize_keyboard: true });
markup.add(new types.KeyboardButton('a'), 'b', 'c');
markup.row('d', 'e');
const inline = util.quickMarkup({ Twitter: { url: 'https://twitter.com' }, Back: { callback_data: 'back' } }, 2);
async function keyboards() {
  await bot.sendMessage(chatId, 'Choose:', { reply_markup: markup });
  await bot.sendMessage(chatId, 'Links', { reply_markup: inline });
  await bot.sendMessage(chatId, 'Bye keyboard', { reply_markup: new types.ReplyKeyboardRemove() });
  await bot.sendMessage(chatId, 'Reply to me', { reply_markup: new types.ForceReply() });
}

// Middleware, custom filters, states
apihelper.ENABLE_MIDDLEWARE = true;
const withMiddleware = new Botte(TOKEN, { useMiddleware: true, useClassMiddlewares: true });
type Annotated = Message & { another_text?: string };
withMiddleware.middlewareHandler({ updateTypes: ['message'] }, (botInstance, message: Annotated) => {
  message.another_text = `${message.text}:changed`;
});
class Middleware extends handlerBackends.BaseMiddleware {
  updateTypes = ['message'];
  override preProcess(message: Message, data: Record<string, unknown>) {
    data.foo = 'Hello';
  }
  override postProcess(message: Message, data: Record<string, unknown>, exception?: unknown) {}
}
withMiddleware.setupMiddleware(new Middleware());
withMiddleware.handleMsg({ commands: ['start'] }, (message, data) => withMiddleware.replyTo(message, String(data.foo)));

class IsAdmin extends customFilters.SimpleCustomFilter<Message> {
  key = 'isChatAdmin';
  async check(message: Message) {
    const member = await bot.getChatMember(message.chat.id, message.from!.id);
    return ['administrator', 'creator'].includes(member.status);
  }
}
bot.addCustomFilter(new IsAdmin());
bot.addCustomFilter(new customFilters.TextMatchFilter());
bot.handleMsg({ isChatAdmin: true }, (message) => message.chat.id);
// The README's `declare module 'botte'`: the package entry is ../src/index.js here.
bot.handleMsg({ isPremium: true }, (message) => message.chat.id);
bot.handleMsg({ text: new customFilters.TextFilter({ equals: 'hi', ignoreCase: true }) }, (message) => message.text);

const Form = StatesGroup.create('Form', ['name', 'age']);
const lone = new State('lone');
bot.addCustomFilter(new customFilters.StateFilter(bot));
bot.handleMsg({ commands: ['form'] }, async (message) => {
  await bot.setState(message.from!.id, Form.name, message.chat.id);
  await bot.replyTo(message, 'Your name?');
});
bot.handleMsg({ state: Form.name }, async (message) => {
  await bot.addData(message.from!.id, message.chat.id, { name: message.text });
  await bot.setState(message.from!.id, Form.age, message.chat.id);
});
bot.handleMsg({ commands: ['next'] }, (message) =>
  bot.registerNextStepHandler(message, (next: Message) => bot.replyTo(next, 'got it')),
);

// Settings, utilities, formatting
apihelper.SESSION_TIME_TO_LIVE = 5 * 60;
apihelper.CUSTOM_REQUEST_SENDER = undefined;
logger.setLevel('debug');
const parts: string[] = util.smartSplit('a long text', 3000);
const html: string = formatting.hbold('bold') + formatting.escapeHtml('<tag>');

// Running: polling and webhooks
async function run() {
  await bot.runthebot({ interval: 0, timeout: 20, allowedUpdates: util.updateTypes });
  await bot.polling({ nonStop: false });
  await bot.stopBot();
  createServer(nodeHttpHandler(bot, { secretToken: 'secret' })).listen(8443);
  const handle: (request: Request) => Promise<Response> = webhookHandler(bot);
  const server = await bot.runWebhooks({ port: 8443, urlPath: '/hook', secretToken: 'secret' });
  await server.close();
  const asyncBot = new AsyncBotte(TOKEN);
  await asyncBot.polling();
  return handle;
}

export { calls, keyboards, run, parts, html, lone };

declare module '../src/index.js' {
  interface CustomFilterKeys {
    /** The README's example of a filter key of one's own. */
    isPremium: boolean;
  }
}
