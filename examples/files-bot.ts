/**
 * Files: `/photo` sends a photo three ways — from a path (streamed, never read whole), from
 * bytes in memory, and from a URL that Telegram fetches itself; `/doc` sends a document with a
 * file name; `/album` sends a media group; and any document the user sends is downloaded
 * (`getFile` + `downloadFile`) and answered with its size and SHA-256. A file_id that Telegram
 * returns can be sent again without uploading (the bot keeps the photo's one).
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/files-bot.ts
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Botte, types, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

const PHOTO_PATH = new URL('./assets/botte.png', import.meta.url);
const DOCUMENT_PATH = new URL('./assets/readme.txt', import.meta.url);
const PHOTO_URL = 'https://telegram.org/img/t_logo.png';

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);
  let uploadedPhotoId: string | undefined;

  bot.handleMsg({ commands: ['photo'] }, async (message) => {
    const chatId = message.chat.id;
    const sent = await bot.sendPhoto(chatId, new types.InputFile(PHOTO_PATH), { caption: 'From a path' });
    uploadedPhotoId = sent.photo!.at(-1)!.file_id;
    await bot.sendPhoto(chatId, await readFile(PHOTO_PATH), { caption: 'From bytes' });
    await bot.sendPhoto(chatId, PHOTO_URL, { caption: 'From a URL' });
    await bot.sendPhoto(chatId, uploadedPhotoId, { caption: 'Again, by file_id' });
  });

  bot.handleMsg({ commands: ['doc'] }, async (message) => {
    await bot.sendChatAction(message.chat.id, 'upload_document');
    await bot.sendDocument(message.chat.id, new types.InputFile(DOCUMENT_PATH, 'botte-readme.txt'), {
      caption: 'A document',
    });
  });

  bot.handleMsg({ commands: ['album'] }, async (message) => {
    await bot.sendMediaGroup(message.chat.id, [
      new types.InputMediaPhoto(new types.InputFile(PHOTO_PATH), { caption: 'An album' }),
      new types.InputMediaPhoto(PHOTO_URL),
    ]);
  });

  bot.handleMsg({ contentTypes: ['document'] }, async (message) => {
    const file = await bot.getFile(message.document.file_id);
    const bytes = await bot.downloadFile(file.file_path!);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await bot.replyTo(
      message,
      `${message.document.file_name ?? 'Your file'}: ${bytes.length} bytes, SHA-256 ${sha256.slice(0, 16)}…`,
    );
  });

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
