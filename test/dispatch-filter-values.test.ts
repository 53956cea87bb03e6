// What a handler's filter values may be: bad values are refused at registration with a TypeError
// naming the filter, a bare string counts as a one-item list (as in pyTelegramBotAPI), null and
// undefined filters are ignored, a string regexp ignores case, and custom filters of any shape
// (class-based or duck-typed) are told apart once. Against the emulator over real HTTP.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';
import { customFilters } from '../src/index.js';

const harness = await useDispatchHarness();
const { emu } = harness;

describe('filter values refused at registration', () => {
  test('commands, contentTypes and chatTypes take a string or a list of strings', () => {
    const { bot } = harness.setup();
    assert.throws(
      () => bot.handleMsg({ commands: [1] } as never, () => {}),
      /handleMsg: the "commands" filter must be a list of strings/,
    );
    assert.throws(
      () => bot.handleMsg({ contentTypes: ['text', null] } as never, () => {}),
      /the "contentTypes" filter must be a list of strings/,
    );
    assert.throws(() => bot.handleMsg({ chatTypes: 5 } as never, () => {}), TypeError);
  });

  test('callbackData takes a string or a RegExp, func a function', () => {
    const { bot } = harness.setup();
    assert.throws(
      () => bot.callbackQueryHandler({ callbackData: 5 } as never, () => {}),
      /"callbackData" filter must be a string or a RegExp/,
    );
    assert.throws(() => bot.callbackQueryHandler({ callbackData: ['a'] } as never, () => {}), TypeError);
    assert.throws(() => bot.handleMsg({ func: 'yes' } as never, () => {}), /"func" filter must be a function/);
  });

  test('a custom filter needs a string key and a check method', () => {
    const { bot } = harness.setup();
    const message = /addCustomFilter: a custom filter needs a string "key" and a "check" method/;
    assert.throws(() => bot.addCustomFilter(null as never), message);
    assert.throws(() => bot.addCustomFilter('isReply' as never), message);
    assert.throws(() => bot.addCustomFilter({ key: 5, check: () => true } as never), message);
    assert.throws(() => bot.addCustomFilter({ key: 'k', check: true } as never), message);
  });
});

describe('filter values that work', () => {
  test('a bare string is a one-item list for commands, contentTypes and chatTypes', async () => {
    const { bot, feed } = harness.setup();
    const seen: string[] = [];
    bot.handleMsg({ commands: '/Start' } as never, (m) => {
      seen.push(`start:${m.text}`);
    });
    bot.handleMsg({ contentTypes: 'photo', chatTypes: 'group' } as never, (m) => {
      seen.push(`group photo:${m.chat.type}`);
    });
    emu.pushMessage('/start now');
    emu.pushMessage(undefined, {
      chatType: 'group',
      extra: { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] },
    });
    emu.pushMessage(undefined, { extra: { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] } });
    await feed();
    assert.deepEqual(seen, ['start:/start now', 'group photo:group']);
  });

  test('a lone "/" or "/ text" is no command: it reaches the other handlers', async () => {
    const { bot, feed } = harness.setup();
    const seen: string[] = [];
    bot.handleMsg({ commands: ['start'] }, (m) => {
      seen.push(`start:${m.text}`);
    });
    bot.handleMsg({}, (m) => {
      seen.push(`other:${m.text}`);
    });
    emu.pushMessage('/', { entities: [] });
    emu.pushMessage('/ start', { entities: [] });
    emu.pushMessage('/start');
    await feed();
    assert.deepEqual(seen, ['other:/', 'other:/ start', 'start:/start']);
  });

  test('null and undefined filters are ignored', async () => {
    const { bot, feed } = harness.setup();
    const seen: string[] = [];
    bot.handleMsg({ commands: null, func: undefined, regexp: null, chatTypes: undefined } as never, (m) => {
      seen.push(m.text);
    });
    emu.pushMessage('anything');
    await feed();
    assert.deepEqual(seen, ['anything']);
  });

  test('a regexp given as a string ignores case; a RegExp is used as given', async () => {
    const { bot, feed } = harness.setup();
    const seen: string[] = [];
    bot.handleMsg({ regexp: 'hello' }, (m) => {
      seen.push(`string:${m.text}`);
    });
    bot.handleMsg({ regexp: /^Bye/ }, (m) => {
      seen.push(`RegExp:${m.text}`);
    });
    emu.pushMessage('HeLLo there');
    emu.pushMessage('bye now');
    emu.pushMessage('Bye now');
    await feed();
    assert.deepEqual(seen, ['string:HeLLo there', 'RegExp:Bye now']);
  });

  test('duck-typed custom filters: check(obj, value) is advanced, check(obj) is compared with the value', async () => {
    const { bot, feed } = harness.setup();
    const seen: string[] = [];
    const given: unknown[] = [];
    // Advanced: decides with the handler's value.
    bot.addCustomFilter({
      key: 'minLength',
      check: (m: { text?: string }, value: number) => {
        given.push(value);
        return (m.text ?? '').length >= value;
      },
    } as never);
    // Simple: its answer must equal the handler's value (a string here, not just truthy).
    bot.addCustomFilter({
      key: 'tier',
      check: (m: { text?: string }) => (m.text!.startsWith('vip') ? 'gold' : 'plain'),
    } as never);
    bot.handleMsg({ minLength: 5 } as never, (m) => {
      seen.push(`long:${m.text}`);
    });
    bot.handleMsg({ tier: 'gold' } as never, (m) => {
      seen.push(`gold:${m.text}`);
    });
    emu.pushMessage('lengthy');
    emu.pushMessage('vip');
    emu.pushMessage('abc');
    await feed();
    assert.deepEqual(seen, ['long:lengthy', 'gold:vip']);
    assert.deepEqual(given, [5, 5, 5]);
  });

  test('an async simple filter is compared with the value too; an async func that says no stops the custom filters', async () => {
    const { bot, feed } = harness.setup();
    const seen: string[] = [];
    const asked: string[] = [];
    bot.addCustomFilter({
      key: 'tierLater',
      check: async (m: { text?: string }) => {
        asked.push(m.text!);
        return m.text === 'vip' ? 'gold' : 'plain';
      },
    } as never);
    bot.handleMsg({ func: async (m: { text?: string }) => m.text !== 'blocked', tierLater: 'gold' } as never, (m) => {
      seen.push(`gold:${m.text}`);
    });
    bot.handleMsg({ func: async () => true }, (m) => {
      seen.push(`rest:${m.text}`);
    });
    emu.pushMessage('vip');
    emu.pushMessage('plain');
    emu.pushMessage('blocked');
    await feed();
    assert.deepEqual(seen, ['gold:vip', 'rest:plain', 'rest:blocked']);
    assert.deepEqual(asked, ['vip', 'plain'], 'the custom filter ran after the func said no');
  });

  test('class-based filters keep their kind whatever the arity of check', async () => {
    const { bot, feed } = harness.setup();
    const seen: string[] = [];
    // A SimpleCustomFilter whose check declares two parameters stays simple (compared with the value).
    class Shouting extends customFilters.SimpleCustomFilter<{ text?: string }> {
      readonly key = 'shouting';
      check(m: { text?: string }, _unused?: unknown): boolean {
        return m.text === m.text?.toUpperCase();
      }
    }
    // An AdvancedCustomFilter whose check declares one parameter stays advanced (gets the value).
    class Always extends customFilters.AdvancedCustomFilter<unknown, unknown> {
      readonly key = 'always';
      check(...args: unknown[]): boolean {
        return args[1] === 'on';
      }
    }
    bot.addCustomFilter(new Shouting());
    bot.addCustomFilter(new Always());
    bot.handleMsg({ shouting: false } as never, (m) => {
      seen.push(`quiet:${m.text}`);
    });
    bot.handleMsg({ always: 'on' } as never, (m) => {
      seen.push(`on:${m.text}`);
    });
    emu.pushMessage('hello');
    emu.pushMessage('HELLO');
    await feed();
    assert.deepEqual(seen, ['quiet:hello', 'on:HELLO']);
  });
});
