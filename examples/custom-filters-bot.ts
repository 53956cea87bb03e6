/**
 * Custom filters: the built-in ones (`text`, `textContains`, `isReply`, `chatId`,
 * `languageCode`, `isForwarded`) are added with `addCustomFilter` and then used as filter keys;
 * `MinLengthFilter` is a new AdvancedCustomFilter (the filter value is compared with the
 * message) and `HasLinkFilter` a new SimpleCustomFilter (true/false). Their keys are declared
 * in `CustomFilterKeys` (below), so a typo fails to compile; in JavaScript an unknown key is an
 * error at registration, so a typo can't silently disable a handler.
 *
 * Run: ADMIN_CHAT_ID=123 BOT_TOKEN=123:abc node --import tsx examples/custom-filters-bot.ts
 */
import { Botte, customFilters, type BotteOptions, type Message } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

// The keys of this file's own filters, with their value types (users write `declare module 'botte'`).
declare module '../src/index.js' {
  interface CustomFilterKeys {
    /** MinLengthFilter: the least number of characters. */
    minLength: number;
    /** HasLinkFilter: the message has (true) or has no (false) link. */
    hasLink: boolean;
  }
}

/** `{ minLength: 20 }`: the text has at least that many characters. */
export class MinLengthFilter extends customFilters.AdvancedCustomFilter<Message, number> {
  readonly key = 'minLength';
  check(message: Message, minLength: number): boolean {
    return (message.text ?? message.caption ?? '').length >= minLength;
  }
}

/** `{ hasLink: true }`: the message has a URL entity (or `false`: it has none). */
export class HasLinkFilter extends customFilters.SimpleCustomFilter<Message> {
  readonly key = 'hasLink';
  check(message: Message): boolean {
    return (message.entities ?? message.caption_entities ?? []).some((e) => e.type === 'url' || e.type === 'text_link');
  }
}

/** Builds the bot; `adminChatId` is the chat whose `/stats` command is answered. */
export function createBot(
  token: string,
  options: BotteOptions = {},
  adminChatId = Number(process.env.ADMIN_CHAT_ID ?? 0),
): Botte {
  const bot = new Botte(token, options);
  for (const filter of [
    new customFilters.TextMatchFilter(),
    new customFilters.TextContainsFilter(),
    new customFilters.IsReplyFilter(),
    new customFilters.ChatFilter(),
    new customFilters.LanguageFilter(),
    new customFilters.ForwardFilter(),
    new MinLengthFilter(),
    new HasLinkFilter(),
  ])
    bot.addCustomFilter(filter);

  bot.handleMsg({ commands: ['stats'], chatId: [adminChatId] }, (m) =>
    bot.replyTo(m, 'Stats are for you only: all good.'),
  );
  bot.handleMsg({ text: new customFilters.TextFilter({ equals: 'hi', ignoreCase: true }) }, (m) =>
    bot.replyTo(m, 'Hi there!'),
  );
  bot.handleMsg({ hasLink: true }, (m) => bot.replyTo(m, 'Thanks for the link.'));
  bot.handleMsg({ isForwarded: true }, (m) => bot.replyTo(m, 'Forwarded from somewhere.'));
  bot.handleMsg({ isReply: true }, (m) => bot.replyTo(m, `You replied to message ${m.reply_to_message!.message_id}.`));
  bot.handleMsg({ textContains: ['help', 'support'] }, (m) => bot.replyTo(m, 'Help is on the way.'));
  bot.handleMsg({ languageCode: ['de'] }, (m) => bot.replyTo(m, 'Ich spreche auch Deutsch.'));
  bot.handleMsg({ minLength: 100 }, (m) => bot.replyTo(m, 'That is a long message.'));
  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
