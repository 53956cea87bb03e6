// The built declarations type-check in a consumer project with TypeScript's strictest optional
// flags (exactOptionalPropertyTypes and noUncheckedIndexedAccess are in the tsconfig.json that
// `tsc --init` writes since TypeScript 5.9; noPropertyAccessFromIndexSignature) and with
// skipLibCheck off (tsc reads every .d.ts of botte, botte/testing, botte/async, botte/scale and
// botte/advanced), and so does user code giving options values that may be undefined. A real tsc run on a
// temporary project whose node_modules/botte is a symlink to this repository (dist/ comes from
// `npm run build`, which `npm test` runs first).
import { test } from 'node:test';
import { existsSync } from 'node:fs';
import { assertCompilesStrict } from './strict-consumer.js';

const built = existsSync('dist/esm/index.d.ts') && existsSync('dist/esm/scale/index.d.ts');

const consumer = `
import * as botte from 'botte';
import * as testing from 'botte/testing';
import * as asyncEntry from 'botte/async';
import * as scale from 'botte/scale';
import * as advanced from 'botte/advanced';

const backend: botte.HandlerBackend = new botte.FileHandlerBackend('./steps.json');
const bot = new botte.Botte('1:x', { nextStepBackend: backend });
bot.handleMsg({ contentTypes: ['photo'] }, (m) => m.photo[0]?.file_id);
export const entries = [botte, testing, asyncEntry, scale, advanced, bot];

// Values that may be undefined, as user code has them (process.env, optional fields, conditions):
// an option given as undefined is an option left out, as for TypeScript without this flag.
const env = (name: string): string | undefined => process.env[name];
const maybeMarkup = env('MENU') ? new botte.types.InlineKeyboardMarkup() : undefined;
const configured = new botte.Botte('1:x', { apiUrl: env('API_URL'), proxy: env('PROXY'), parseMode: env('HTML') ? 'HTML' : undefined });
configured.handleMsg({ commands: ['start'] }, async (m) => {
  await configured.sendMessage(m.chat.id, 'Hi', { reply_markup: maybeMarkup, message_thread_id: m.message_thread_id });
  await configured.replyTo(m, 'Hi', { reply_markup: maybeMarkup, parse_mode: undefined });
  await configured.sendPhoto(m.chat.id, 'file-id', { caption: m.caption });
  await configured.answerCallbackQuery('q', { text: undefined, show_alert: undefined });
  await configured.editMessageText('t', m.chat.id, m.message_id, { reply_markup: maybeMarkup });
  await configured.setMyCommands([{ command: 'start', description: 'Start' }], { language_code: undefined });
  // Constructor options may be undefined too, and the instances still fit Telegram's types.
  const keyboard = new botte.types.ReplyKeyboardMarkup({ resize_keyboard: env('R') ? true : undefined, rowWidth: undefined });
  keyboard.add(new botte.types.KeyboardButton('Where?', { request_location: env('L') ? true : undefined }));
  await configured.sendMessage(m.chat.id, 'Pick', { reply_markup: keyboard });
  await configured.sendMessage(m.chat.id, 'Bye', { reply_markup: new botte.types.ReplyKeyboardRemove({ selective: undefined }) });
  await configured.sendMessage(m.chat.id, 'Why?', { reply_markup: new botte.types.ForceReply({ input_field_placeholder: env('P') }) });
  const inline = new botte.types.InlineKeyboardMarkup({ rowWidth: undefined });
  inline.row(new botte.types.InlineKeyboardButton('A', { callback_data: 'a' }));
  await configured.sendMessage(m.chat.id, 'Menu', { reply_markup: inline });
  await configured.sendMediaGroup(m.chat.id, [
    new botte.types.InputMediaPhoto('file-id', { caption: m.caption, has_spoiler: undefined }),
    new botte.types.InputMediaPhoto('file-id-2'),
  ]);
});
export const handlers = [
  botte.webhookHandler(configured, { secretToken: env('SECRET') }),
  botte.nodeHttpHandler(configured, { secretToken: env('SECRET') }),
  botte.expressHandler(configured, { secretToken: env('SECRET'), maxBodyBytes: undefined }),
];
export async function run(): Promise<void> {
  await configured.runthebot({ allowedUpdates: undefined, skipPending: env('SKIP') ? true : undefined });
  await configured.runWebhooks({ port: 8443, url: env('URL'), secretToken: env('SECRET'), handleSignals: undefined });
  const emu = await testing.BotApiEmulator.start({ rateLimits: undefined });
  emu.pushMessage('hi', { userId: undefined, chatType: undefined });
  const chat = emu.privateChat({ user: { id: 1, first_name: env('NAME') } });
  await chat.send('hi', { replyTo: undefined });
  await chat.expectReply(undefined, { timeoutMs: undefined });
  await emu.stop();
}
`;

test('the declarations, and user code passing possibly-undefined options, compile under exactOptionalPropertyTypes and the other strict flags', {
  skip: built ? false : 'run `npm run build` first',
}, () => {
  assertCompilesStrict(consumer, 'botte-strict-consumer-');
});
