// `/cmd@name` is ours when `name` is the bot's username in any letter case: Telegram usernames
// are case-insensitive, and a bot's username often has capitals (`@MyShopBot`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { useEmulator } from './emulator-harness.js';

const emu = await useEmulator({ emulator: { botUser: { username: 'My_Shop_Bot' } } });

test('a mixed-case bot username matches /cmd@name in any case, before and after getMe is known', async () => {
  const bot = new Dispatcher(emu.token, { apiUrl: emu.apiUrl });
  try {
    const seen: string[] = [];
    bot.handleMsg({ commands: ['start'] }, (m) => {
      seen.push(`cmd:${m.text}`);
    });
    bot.handleMsg({}, (m) => {
      seen.push(`other:${m.text}`);
    });
    const feed = async () => {
      const updates = await bot.getUpdates({ offset: emu.confirmedOffset });
      await bot.processNewUpdates(updates);
      if (updates.length) await bot.getUpdates({ offset: updates.at(-1)!.update_id + 1, timeout: 0 });
    };
    // The first one is walked while the username is still being asked (getMe).
    emu.pushMessage('/start@my_shop_bot', { chatType: 'group' });
    await feed();
    assert.equal(emu.callsOf('getMe').length, 1);
    // The next ones with the username known.
    emu.pushMessage('/start@My_Shop_Bot', { chatType: 'group' });
    emu.pushMessage('/start@MY_SHOP_BOT now', { chatType: 'group' });
    emu.pushMessage('/start@other_bot', { chatType: 'group' });
    await feed();
    assert.deepEqual(seen, [
      'cmd:/start@my_shop_bot',
      'cmd:/start@My_Shop_Bot',
      'cmd:/start@MY_SHOP_BOT now',
      'other:/start@other_bot',
    ]);
  } finally {
    await bot.closeSession();
  }
});

test('the same holds for a bot that learnt its username from getMe before the first command', async () => {
  const bot = new Dispatcher(emu.token, { apiUrl: emu.apiUrl });
  try {
    assert.equal((await bot.user).username, 'My_Shop_Bot');
    const seen: string[] = [];
    bot.handleMsg({ commands: ['help'] }, (m) => {
      seen.push(m.text);
    });
    const message = (text: string) => ({
      update_id: 1,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: -5, type: 'group' as const, title: 'G' },
        from: { id: 1, is_bot: false, first_name: 'T' },
        text,
      },
    });
    await bot.handleUpdate(message('/help@my_shop_bot'));
    await bot.handleUpdate(message('/help@My_Shop_Bot'));
    await bot.handleUpdate(message('/help@someone_else'));
    assert.deepEqual(seen, ['/help@my_shop_bot', '/help@My_Shop_Bot']);
  } finally {
    await bot.closeSession();
  }
});
