// Handlers and filters of the Dispatcher, against the Bot API emulator over real HTTP.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sleep } from './helpers.js';
import { useDispatchHarness } from './dispatch-harness.js';
import { ContinueHandling } from '../src/dispatch/handler-backends.js';
import { REGISTRARS } from '../src/dispatch/registrars.js';
import { updateTypes } from '../src/util/constants.js';

const harness = await useDispatchHarness();
const { emu, setup } = harness;

const sentTexts = () => emu.callsOf('sendMessage').map((call) => call.params.text);
const USERNAME = 'botte_test_bot';

describe('the README examples', () => {
  test('commands, contentTypes, regexp, func with contentTypes, and the echo fallback', async () => {
    const { bot, feed } = setup();
    bot.handleMsg({ commands: ['start', 'help'] }, (message) => bot.replyTo(message, 'Howdy, how are you doing?'));
    bot.handleMsg({ contentTypes: ['document', 'audio'] }, (message) =>
      bot.replyTo(message, `file:${message.content_type}`),
    );
    bot.handleMsg({ regexp: 'SOME_REGEXP' }, (message) => bot.replyTo(message, 'regexp'));
    bot.handleMsg({ func: (message) => message.document.mime_type === 'text/plain', contentTypes: ['document'] }, (m) =>
      bot.replyTo(m, 'never: earlier handler wins'),
    );
    bot.handleMsg({ func: () => true }, (message) => bot.replyTo(message, message.text));
    emu.pushMessage('/start');
    emu.pushMessage('/help me');
    emu.pushMessage(undefined, { extra: { document: { file_id: 'd', file_unique_id: 'd', mime_type: 'text/plain' } } });
    emu.pushMessage(undefined, { extra: { audio: { file_id: 'a', file_unique_id: 'a', duration: 1 } } });
    emu.pushMessage('this has some_regexp inside');
    emu.pushMessage('hello');
    emu.pushMessage(undefined, {
      extra: {
        sticker: {
          file_id: 's',
          file_unique_id: 's',
          type: 'regular',
          width: 1,
          height: 1,
          is_animated: false,
          is_video: false,
        },
      },
    });
    await feed();
    assert.deepEqual(sentTexts(), [
      'Howdy, how are you doing?',
      'Howdy, how are you doing?',
      'file:document',
      'file:audio',
      'regexp',
      'hello',
    ]);
  });

  test('stacked decorators register two handlers (either filter fires the function)', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    const sendSomething = (message: { text?: string }) => {
      seen.push(message.text!);
    };
    const returned = bot.handleMsg({ commands: ['hello'] })(
      bot.handleMsg({ func: (msg) => msg.text === '🙂' })(sendSomething),
    );
    assert.equal(returned, sendSomething);
    emu.pushMessage('/hello');
    emu.pushMessage('🙂');
    emu.pushMessage('nothing');
    await feed();
    assert.deepEqual(seen, ['/hello', '🙂']);
  });

  test('a bare predicate means { func }, and () matches every text message', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    bot.handleMsg(
      (m) => m.text.startsWith('a'),
      (m) => {
        seen.push(`pred:${m.text}`);
      },
    );
    bot.handleMsg()((m) => {
      seen.push(`all:${m.text}`);
    });
    emu.pushMessage('abc');
    emu.pushMessage('xyz');
    emu.pushMessage(undefined, { extra: { location: { latitude: 1, longitude: 2 } } });
    await feed();
    assert.deepEqual(seen, ['pred:abc', 'all:xyz']);
  });

  test('messageHandler is an alias of handleMsg', async () => {
    const { bot, feed } = setup();
    assert.equal(bot.messageHandler, bot.handleMsg);
    bot.messageHandler({ commands: ['x'] }, (m) => bot.replyTo(m, 'alias'));
    emu.pushMessage('/x');
    await feed();
    assert.deepEqual(sentTexts(), ['alias']);
  });

  test('editedMessageHandler is an alias of editedHandleMsg: it gets edits, not new messages', async () => {
    const { bot, feed } = setup();
    assert.equal(bot.editedMessageHandler, bot.editedHandleMsg);
    const seen: string[] = [];
    bot.editedMessageHandler({}, (m) => {
      seen.push(`edit:${m.text}:${typeof m.edit_date}`);
    });
    emu.pushMessage('first');
    emu.pushMessage('second', { editOf: 1 });
    await feed();
    assert.deepEqual(seen, ['edit:second:number']);
  });
});

describe('commands', () => {
  test('/cmd and /cmd@thisbot match, /cmd@otherbot does not; getMe is asked once', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    bot.handleMsg({ commands: ['start'] }, (m) => {
      seen.push(`cmd:${m.text}`);
    });
    bot.handleMsg({}, (m) => {
      seen.push(`other:${m.text}`);
    });
    emu.pushMessage('/start');
    emu.pushMessage(`/start@${USERNAME} x`, { chatType: 'group' });
    emu.pushMessage('/start@other_bot', { chatType: 'group' });
    emu.pushMessage(`/start@${USERNAME.toUpperCase()}`, { chatType: 'group' });
    emu.pushMessage(`/start@${USERNAME}`, { chatType: 'group' });
    await feed();
    assert.deepEqual(seen, [
      'cmd:/start',
      `cmd:/start@${USERNAME} x`,
      'other:/start@other_bot',
      `cmd:/start@${USERNAME.toUpperCase()}`,
      `cmd:/start@${USERNAME}`,
    ]);
    assert.equal(emu.callsOf('getMe').length, 1);
  });

  test('matching is case-insensitive and accepts "/cmd" spelled with the slash', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    bot.handleMsg({ commands: ['/Help'] }, (m) => {
      seen.push(m.text);
    });
    emu.pushMessage('/help');
    emu.pushMessage('/HELP now');
    emu.pushMessage('/helper');
    emu.pushMessage('help');
    await feed();
    assert.deepEqual(seen, ['/help', '/HELP now']);
  });

  test('a command in a caption matches only when contentTypes allow the media', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    const photo = [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }];
    bot.handleMsg({ commands: ['cap'] }, () => {
      seen.push('text-only');
    });
    bot.handleMsg({ commands: ['cap'], contentTypes: ['photo'] }, (m) => {
      seen.push(`photo:${m.caption}`);
    });
    bot.handleMsg({ regexp: /^look/, contentTypes: ['photo', 'text'] }, (m) => {
      seen.push(`re:${m.caption ?? m.text}`);
    });
    emu.pushMessage(undefined, { extra: { photo, caption: '/cap now' } });
    emu.pushMessage(undefined, { extra: { photo, caption: 'look at this' } });
    emu.pushMessage(undefined, { extra: { photo } });
    await feed();
    assert.deepEqual(seen, ['photo:/cap now', 're:look at this']);
  });

  test('with commands, regexps and predicates mixed, the first matching handler in declaration order wins', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    bot.handleMsg({ regexp: '^/b' }, () => {
      seen.push('regexp-b');
    });
    for (const name of ['a', 'b', 'c'])
      bot.handleMsg({ commands: [name] }, () => {
        seen.push(`cmd-${name}`);
      });
    bot.handleMsg({ func: (m) => m.text.includes('x') }, () => {
      seen.push('func-x');
    });
    bot.handleMsg({ commands: ['c', 'd'] }, () => {
      seen.push('cmd-cd');
    });
    bot.handleMsg({}, () => {
      seen.push('fallback');
    });
    for (const text of ['/a', '/b', '/c', '/d', '/dx', '/e', 'x']) emu.pushMessage(text);
    await feed();
    assert.deepEqual(seen, ['cmd-a', 'regexp-b', 'cmd-c', 'cmd-cd', 'func-x', 'fallback', 'func-x']);
  });
});

describe('filters', () => {
  test('chatTypes, RegExp objects (flags kept, /g safe) and async func', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    bot.handleMsg({ chatTypes: ['group', 'supergroup'] }, (m) => {
      seen.push(`group:${m.text}`);
    });
    bot.handleMsg({ regexp: /Case/g }, (m) => {
      seen.push(`re:${m.text}`);
    });
    bot.handleMsg(
      {
        func: async (m) => {
          await sleep(1);
          return m.text === 'async';
        },
      },
      () => {
        seen.push('async');
      },
    );
    emu.pushMessage('hi all', { chatType: 'group' });
    emu.pushMessage('Case 1');
    emu.pushMessage('Case 2');
    emu.pushMessage('case 3');
    emu.pushMessage('async');
    await feed();
    assert.deepEqual(seen, ['group:hi all', 're:Case 1', 're:Case 2', 'async']);
  });

  test('anchored regexps of every shape match exactly the texts RegExp.test accepts', async () => {
    // Botte rules texts out with startsWith before running an anchored regexp; optional,
    // escaped, case-folded, multiline and alternated patterns must not lose or gain a match.
    const patterns = [
      /^re0:(\d+)$/,
      /^a?b/,
      /^ab*c/,
      /^x|y/,
      /^\/start(@\w+)?$/,
      /^a\.b/,
      /^q{2}/,
      /^abc/i,
      /^abc/m,
      /^😀?z/u,
      /^\?!/,
      /^[ab]c/,
      /^ab+c/g,
    ];
    const texts = [
      're0:12',
      're0:',
      'b',
      'ab',
      'ac',
      'abc',
      'abbc',
      'y',
      'xy',
      'zy',
      '/start',
      '/start@bot',
      '/starts',
      'a.b',
      'axb',
      'qq',
      'q',
      'ABC',
      'x\nabc',
      'z',
      '😀z',
      '?!',
      'bc',
      'cc',
    ];
    for (const pattern of patterns) {
      harness.reset();
      const { bot, feed } = setup();
      const seen: string[] = [];
      bot.handleMsg({ regexp: pattern }, (m) => {
        seen.push(m.text);
      });
      for (const text of texts) emu.pushMessage(text);
      await feed();
      const reference = new RegExp(pattern.source, pattern.flags.replace('g', ''));
      assert.deepEqual(
        seen,
        texts.filter((text) => reference.test(text)),
        String(pattern),
      );
    }
  });

  test('callbackData (string or RegExp) and func on callback queries', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    bot.callbackQueryHandler({ callbackData: 'exact' }, (call) => {
      seen.push(`exact:${call.data}`);
    });
    bot.callbackQueryHandler({ callbackData: /^vote:(\d+)$/ }, (call) => {
      seen.push(`vote:${call.data}`);
    });
    bot.callbackQueryHandler(
      (_call) => true,
      async (call) => {
        await bot.answerCallbackQuery(call.id);
        seen.push('any');
      },
    );
    emu.pushCallbackQuery('exact');
    emu.pushCallbackQuery('vote:12');
    emu.pushCallbackQuery('vote:x');
    await feed();
    assert.deepEqual(seen, ['exact:exact', 'vote:vote:12', 'any']);
    assert.equal(emu.callsOf('answerCallbackQuery').length, 1);
  });

  test('message-only filter keys on other registrars are refused once updates flow', async () => {
    const { bot, feed } = setup({ exceptionHandler: () => true });
    emu.pushMessage('first update: dispatch has started');
    await feed();
    assert.throws(() => bot.callbackQueryHandler({ commands: ['x'] } as never, () => {}), /message handlers only/);
    assert.throws(
      () => bot.handleMsg({ regexp: 42 } as never, () => {}),
      /"regexp" filter must be a string or a RegExp/,
    );
    assert.throws(() => bot.handleMsg({}, 'nope' as never), /handler must be a function/);
  });
});

describe('handler order and outcomes', () => {
  test('ContinueHandling lets the next matching handler run too; sync and async handlers', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    bot.handleMsg({}, () => {
      seen.push('first');
      return new ContinueHandling();
    });
    bot.handleMsg({ func: (m) => m.text === 'skip' }, () => {
      seen.push('never');
    });
    bot.handleMsg({}, async () => {
      await sleep(2);
      seen.push('second');
      return new ContinueHandling();
    });
    bot.handleMsg({}, () => {
      seen.push('third');
    });
    bot.handleMsg({}, () => {
      seen.push('fourth: not reached');
    });
    emu.pushMessage('go');
    await feed();
    assert.deepEqual(seen, ['first', 'second', 'third']);
  });

  test('a failure at any asynchronous step is reported once, and the update ends after its report', async () => {
    const reported: string[] = [];
    const { bot, feed } = setup({
      exceptionHandler: async (error) => {
        await sleep(5);
        reported.push((error as Error).message);
        return true;
      },
    });
    const seen: string[] = [];
    bot.handleMsg(
      {
        func: async (m) => {
          if (m.text === 'filter-rejects') throw new Error('filter failed');
          return m.text === 'filter-passes';
        },
      },
      async () => {
        seen.push('after-filter');
        throw new Error('handler after an async filter failed');
      },
    );
    bot.handleMsg({ func: (m) => m.text === 'continue' }, async () => {
      seen.push('first');
      return new ContinueHandling();
    });
    bot.handleMsg({ func: (m) => m.text === 'continue' }, () => {
      seen.push('second');
      throw new Error('sync throw after ContinueHandling');
    });
    bot.handleMsg({ func: (m) => m.text === 'rejects' }, async () => {
      throw new Error('async handler failed');
    });
    bot.handleMsg({}, () => {
      seen.push('fallback');
    });
    for (const text of ['filter-rejects', 'filter-passes', 'continue', 'rejects', 'plain']) emu.pushMessage(text);
    await feed();
    // processNewUpdates resolved: every report has been made, each once, in update order.
    assert.deepEqual(reported, [
      'filter failed',
      'handler after an async filter failed',
      'sync throw after ContinueHandling',
      'async handler failed',
    ]);
    assert.deepEqual(seen, ['after-filter', 'first', 'second', 'fallback']);
  });

  test('register… twins take (handler, filters) and match every content type by default', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    const fn = (m: { content_type: string }) => {
      seen.push(`all:${m.content_type}`);
    };
    bot.registerMessageHandler(
      (m) => {
        seen.push(`cmd:${m.text}`);
      },
      { commands: ['go'] },
    );
    bot.registerMessageHandler(
      (m) => {
        seen.push(`photo:${m.photo.length}`);
      },
      { contentTypes: ['photo'] },
    );
    assert.equal(bot.registerMessageHandler(fn), fn);
    bot.registerCallbackQueryHandler(
      (call) => {
        seen.push(`cb:${call.data}`);
      },
      (call) => call.data === 'ok',
    );
    emu.pushMessage('/go');
    emu.pushMessage(undefined, { extra: { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] } });
    emu.pushMessage(undefined, { extra: { location: { latitude: 1, longitude: 2 } } });
    emu.pushMessage('text');
    emu.pushCallbackQuery('ok');
    emu.pushCallbackQuery('no');
    await feed();
    assert.deepEqual(seen, ['cmd:/go', 'photo:1', 'all:location', 'all:text', 'cb:ok']);
  });
});

/** A minimal object for each update type (message-like ones are text messages). */
function sampleUpdate(updateType: string): Record<string, unknown> {
  const message = {
    message_id: 7,
    date: 1,
    chat: { id: 5, type: 'private', first_name: 'T' },
    from: { id: 5, is_bot: false, first_name: 'T' },
    text: 'hi',
  };
  const kind = REGISTRARS.find((row) => row.updateType === updateType)!.kind;
  if (kind === 'message') return { [updateType]: { ...message } };
  if (updateType === 'callback_query')
    return { callback_query: { id: 'q', from: message.from, chat_instance: '1', data: 'd' } };
  return { [updateType]: { id: `${updateType}-object` } };
}

describe('every update type reaches its registrar', () => {
  test('registrars, table-driven over REGISTRARS (each object delivered to its own handler only)', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    for (const row of REGISTRARS) {
      (bot as any)[row.name]()((obj: unknown) => {
        seen.push(`${row.updateType}:${typeof obj}`);
      });
    }
    emu.pushUpdates(REGISTRARS.map((row) => sampleUpdate(row.updateType)) as never);
    await feed();
    assert.deepEqual(
      seen,
      REGISTRARS.map((row) => `${row.updateType}:object`),
    );
    assert.equal(REGISTRARS.length, updateTypes.length);
  });

  test('register twins, table-driven', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    for (const row of REGISTRARS) {
      const handler = () => {
        seen.push(row.updateType);
      };
      assert.equal((bot as any)[row.register](handler, { func: () => true }), handler, row.register);
    }
    emu.pushUpdates(REGISTRARS.map((row) => sampleUpdate(row.updateType)) as never);
    await feed();
    assert.deepEqual(
      seen,
      REGISTRARS.map((row) => row.updateType),
    );
  });
});

describe('speed', () => {
  test('the command index: a command message only runs the filters of its own command handlers and the general ones', async () => {
    const { bot } = setup();
    const tested: string[] = [];
    for (let i = 0; i < 50; i++)
      bot.handleMsg(
        {
          commands: [`cmd${i}`],
          func: () => {
            tested.push(`cmd${i}`);
            return false;
          },
        },
        () => {},
      );
    bot.handleMsg(
      {
        func: () => {
          tested.push('general');
          return false;
        },
      },
      () => {},
    );
    bot.handleMsg(
      {
        commands: ['cmd7'],
        func: () => {
          tested.push('cmd7-late');
          return false;
        },
      },
      () => {},
    );
    const message = {
      message_id: 1,
      date: 1,
      chat: { id: 1, type: 'private' as const, first_name: 'T' },
      from: { id: 1, is_bot: false, first_name: 'T' },
      text: '/CMD7 now',
    };
    await bot.handleUpdate({ update_id: 1, message });
    await bot.handleUpdate({ update_id: 2, message: { ...message, text: 'plain' } });
    assert.deepEqual(tested, ['cmd7', 'general', 'cmd7-late', 'general']);
  });

  test('40 handlers (20 commands, 10 regexps, 10 predicates): each update runs the right one, getMe is asked once', async () => {
    // Its speed is measured by bench/dispatch-40-handlers.mjs, not here.
    const { bot } = setup();
    const hits: string[] = [];
    for (let i = 0; i < 10; i++)
      bot.handleMsg({ regexp: `^word${i}\\b` }, () => {
        hits.push(`regexp${i}`);
      });
    for (let i = 0; i < 20; i++)
      bot.handleMsg({ commands: [`cmd${i}`] }, () => {
        hits.push(`cmd${i}`);
      });
    for (let i = 0; i < 10; i++)
      bot.handleMsg({ func: (m) => m.text === `pred${i}` }, () => {
        hits.push(`pred${i}`);
      });
    const texts = [
      '/cmd19',
      `/cmd5@${USERNAME} x`,
      'word9 here',
      'pred9',
      'nothing at all',
      '/cmd5@other_bot',
      'word10',
    ];
    const make = (i: number) => ({
      update_id: i,
      message: {
        message_id: i,
        date: 1,
        chat: { id: 1, type: 'private' as const, first_name: 'T' },
        from: { id: 1, is_bot: false, first_name: 'T' },
        text: texts[i % texts.length]!,
      },
    });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < texts.length; i++) await bot.handleUpdate(make(i));
    }
    const once = ['cmd19', 'cmd5', 'regexp9', 'pred9'];
    assert.deepEqual(hits, [...once, ...once, ...once]);
    assert.equal(emu.callsOf('getMe').length, 1);
  });
});
