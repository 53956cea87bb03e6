// Filter keys: the camelCase (or snake_case) a pyTelegramBotAPI user would guess finds the
// built-in filter (`textStartsWith` → `textStartswith`), and the README lists every built-in key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BotApiEmulator } from '../src/testing/index.js';
import { Botte, customFilters, type MessageFilters } from '../src/index.js';

test('textStartsWith, is_reply and chat_id find textStartswith, isReply and chatId; exact keys still work', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    const seen: string[] = [];
    // Handlers first, filters after, as pyTelegramBotAPI's examples do.
    bot.handleMsg({ textStartsWith: 'go' }, (message) => {
      seen.push(`starts ${message.text}`);
    });
    // snake_case spellings are for JavaScript ported from Python; TypeScript knows the camelCase keys.
    bot.handleMsg({ is_reply: true } as MessageFilters, (message) => {
      seen.push(`reply ${message.text}`);
    });
    bot.handleMsg({ chat_id: [77], text_contains: 'x' } as MessageFilters, (message) => {
      seen.push(`chat ${message.text}`);
    });
    bot.handleMsg({ textContains: 'y' }, (message) => {
      seen.push(`exact ${message.text}`);
    });
    bot.addCustomFilter(new customFilters.TextStartsFilter());
    bot.addCustomFilter(new customFilters.IsReplyFilter());
    bot.addCustomFilter(new customFilters.ChatFilter());
    bot.addCustomFilter(new customFilters.TextContainsFilter());
    bot.checkCustomFilters(); // no unknown key
    emu.pushMessage('go on', { userId: 5 });
    const first = emu.pushMessage('first', { userId: 6 });
    emu.pushMessage('answer', { userId: 6, replyToMessage: first.message!.message_id });
    emu.pushMessage('xx', { userId: 77 });
    emu.pushMessage('yy', { userId: 8 });
    for (const update of await bot.getUpdates()) await bot.processNewUpdates([update]);
    assert.deepEqual(seen, ['starts go on', 'reply answer', 'chat xx', 'exact yy']);
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});

test('an unknown key is still reported, whatever its spelling', () => {
  const bot = new Botte('1:x');
  // @ts-expect-error not a filter key: TypeScript refuses it, JavaScript gets the error below
  bot.handleMsg({ textEndsWith: 'x' }, () => undefined);
  assert.throws(() => bot.checkCustomFilters(), /unknown filter key "textEndsWith"/);
});

test('the README lists every built-in filter key', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const bot = new Botte('1:x');
  const filters = [
    new customFilters.TextMatchFilter(),
    new customFilters.TextContainsFilter(),
    new customFilters.TextStartsFilter(),
    new customFilters.ChatFilter(),
    new customFilters.ForwardFilter(),
    new customFilters.IsReplyFilter(),
    new customFilters.LanguageFilter(),
    new customFilters.IsDigitFilter(),
    new customFilters.IsAdminFilter(bot),
    new customFilters.StateFilter(bot),
  ];
  const keys = [
    ...filters.map((filter) => filter.key),
    'contentTypes',
    'commands',
    'regexp',
    'chatTypes',
    'func',
    'callbackData',
  ];
  for (const key of keys) assert.ok(readme.includes(`\`${key}\``), `README lacks the filter key \`${key}\``);
});
