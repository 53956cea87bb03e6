/**
 * Privacy mode (Telegram's default for new bots): in a group such a bot receives only commands
 * (its own or without a bot name), messages mentioning it, replies to its messages and service
 * messages (members joining, leaving...). `groupChat({ privacyMode: true })` uses this to decide
 * which user messages reach the bot; the others stay visible to the users only.
 * @module
 */
import type { Message, User } from '../../api/generated/telegram-types.js';
import { userTextEntities } from '../user-entities.js';

/** Message fields a user writes (not a service message): a message with one of them is filtered. */
const CONTENT_FIELDS = [
  'text',
  'caption',
  'photo',
  'document',
  'voice',
  'audio',
  'video',
  'video_note',
  'animation',
  'sticker',
  'location',
  'contact',
  'venue',
  'poll',
  'dice',
  'game',
  'story',
];

/** Whether a bot in privacy mode receives `message`, a group message a user sent. */
export function seenInPrivacyMode(message: Message, bot: User): boolean {
  const m = message as unknown as Record<string, unknown>;
  if (!CONTENT_FIELDS.some((field) => m[field] !== undefined)) return true; // a service message
  if (message.reply_to_message?.from?.id === bot.id) return true;
  const text = message.text ?? message.caption ?? '';
  const name = bot.username?.toLowerCase();
  const command = /^\/[A-Za-z0-9_]+(?:@([A-Za-z0-9_]+))?/.exec(text);
  if (command) return command[1] === undefined || command[1].toLowerCase() === name;
  if (name === undefined) return false;
  return userTextEntities(text).some(
    (e) => e.type === 'mention' && text.slice(e.offset + 1, e.offset + e.length).toLowerCase() === name,
  );
}
