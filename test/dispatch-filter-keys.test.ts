// Type-level tests of typed filter keys and the fields filters imply: checked by
// `tsc -p test/tsconfig.json` (part of `npm test`); `@ts-expect-error` marks code that must
// not compile. The runtime part checks the report JavaScript users still get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallbackQuery, InlineQuery, Update } from '../src/api/generated/telegram-types.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import type { HandlerData } from '../src/dispatch/handler-backends.js';
import type { StateContext } from '../src/states/bot-states.js';
import { customFilters, UnknownFilterKeyError, type CustomFilterKeys, type MessageFilters } from '../src/index.js';
import type { Message } from '../src/types/message.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// A key of one's own, declared by module augmentation (users write `declare module 'botte'`).
declare module '../src/dispatch/types.js' {
  interface CustomFilterKeys {
    /** This file's example key. */
    isFromTests: boolean;
  }
}

// Never run: only compiled.
function typeChecks(bot: Dispatcher): void {
  // Misspelt keys fail to compile.
  // @ts-expect-error `comands` is not a filter key (commands)
  bot.handleMsg({ comands: ['start'] }, (m) => m.text);
  // @ts-expect-error `contentType` is not a filter key (contentTypes)
  bot.handleMsg({ contentType: ['photo'] }, (m) => m.text);
  // @ts-expect-error `textStartWith` is not a filter key (textStartsWith / textStartswith)
  bot.handleMsg({ textStartWith: 'a' }, (m) => m.text);
  // Both spellings of the built-in key are accepted.
  bot.handleMsg({ textStartsWith: 'a' }, (m) => m.text);
  bot.handleMsg({ textStartswith: 'a' }, (m) => m.text);
  // @ts-expect-error `callbackdata` is not a filter key
  bot.callbackQueryHandler({ callbackdata: 'x' }, (c) => c.id);
  // @ts-expect-error in the decorator form too
  bot.inlineHandler({ querry: 'x' })((q) => q.id);
  // @ts-expect-error and in register twins
  bot.registerMessageHandler((m) => m.text, { comands: ['start'] });
  // @ts-expect-error a filters object kept in a variable is checked too
  const kept: MessageFilters = { isChatAdmn: true };
  void kept;
  // @ts-expect-error the value type is checked: isChatAdmin takes a boolean
  bot.handleMsg({ isChatAdmin: 'yes' }, (m) => m.text);

  // Built-in custom filter keys are pre-declared with their value types.
  bot.handleMsg({ textStartswith: '/go', isReply: true, isForwarded: false, chatId: [1, '@chan'] }, (m) => m.text);
  bot.handleMsg(
    { text: new customFilters.TextFilter({ equals: 'hi' }), textContains: ['a'], languageCode: 'en', isDigit: true },
    (m) => m.text,
  );
  bot.handleMsg({ isChatAdmin: true, state: '*' }, (m) => m.text);
  bot.callbackQueryHandler({ isChatAdmin: true, state: ['a', 'b'] }, (c) => c.id);
  // A declared key of one's own compiles.
  bot.handleMsg({ isFromTests: true }, (m) => m.text);
  type _declared = Expect<Equal<CustomFilterKeys['isFromTests'], boolean>>;

  // callbackData implies `data`.
  bot.callbackQueryHandler({ callbackData: /^x/ }, (c) => {
    type _ = Expect<Equal<typeof c.data, string>>;
  });
  bot.callbackQueryHandler({ callbackData: 'vote' })((c) => {
    type _ = Expect<Equal<typeof c.data, string>>;
  });
  bot.registerCallbackQueryHandler(
    (c) => {
      type _ = Expect<Equal<typeof c.data, string>>;
    },
    { callbackData: /^y/ },
  );
  // Without it, `data` may be absent.
  bot.callbackQueryHandler({ func: (c) => c.game_short_name !== undefined }, (c) => {
    type _ = Expect<Equal<typeof c.data, string | undefined>>;
    type _q = Expect<Equal<typeof c, CallbackQuery>>;
  });
  // Text filters on messages: the default content type is text, so `text` is a string.
  bot.handleMsg({ textStartswith: 'a' }, (m) => {
    type _ = Expect<Equal<typeof m.text, string>>;
  });
  bot.handleMsg({ regexp: /x/ }, (m) => {
    type _ = Expect<Equal<typeof m.text, string>>;
  });
  bot.inlineHandler({ func: (q) => q.query.length > 0 }, (q) => {
    type _ = Expect<Equal<typeof q, InlineQuery>>;
    type _query = Expect<Equal<typeof q.query, string>>;
  });

  // Edited messages carry edit_date.
  bot.editedHandleMsg({}, (m) => {
    type _ = Expect<Equal<typeof m.edit_date, number>>;
  });
  bot.editedHandleMsg({ contentTypes: ['photo'] }, (m) => {
    type _ = Expect<Equal<typeof m.edit_date, number>>;
    void m.photo[0];
  });
  bot.editedChannelPostHandler()((m) => {
    type _ = Expect<Equal<typeof m.edit_date, number>>;
  });
  bot.registerEditedMessageHandler((m) => {
    type _ = Expect<Equal<typeof m.edit_date, number>>;
  });
  bot.handleMsg({}, (m) => {
    type _ = Expect<Equal<typeof m.edit_date, number | undefined>>;
  });

  // No `any`: the handler's data, and the middleware's object.
  bot.handleMsg({}, (_m, data) => {
    type _ = Expect<Equal<typeof data, HandlerData>>;
    type _Own = Expect<Equal<typeof data.somethingMine, unknown>>;
    type _State = Expect<Equal<typeof data.state, StateContext>>;
  });
  bot.middlewareHandler({ updateTypes: ['message'] }, (botInstance, message) => {
    type _ = Expect<Equal<typeof message, Message>>;
    type _bot = Expect<Equal<typeof botInstance, Dispatcher>>;
  });
  bot.middlewareHandler({ updateTypes: ['callback_query', 'message'] })((_b, obj) => {
    type _ = Expect<Equal<typeof obj, Message | CallbackQuery>>;
  });
  bot.middlewareHandler({}, (_b, update) => {
    type _ = Expect<Equal<typeof update, Update>>;
  });
  bot.middlewareHandler((_b, update) => {
    type _ = Expect<Equal<typeof update, Update>>;
  });
  // @ts-expect-error not an update type
  bot.middlewareHandler({ updateTypes: ['mesage'] }, () => undefined);
}

test('the type checks compile (see tsc -p test/tsconfig.json)', () => {
  assert.equal(typeof typeChecks, 'function');
});

test('JavaScript code using an unknown filter key still gets UnknownFilterKeyError naming it', () => {
  const bot = new Dispatcher('123456:TEST-token');
  const untyped = bot as unknown as { handleMsg(filters: object, handler: () => void): void };
  untyped.handleMsg({ comands: ['start'] }, () => undefined);
  assert.throws(
    () => bot.checkCustomFilters(),
    (error: unknown) => error instanceof UnknownFilterKeyError && /"comands"/.test(error.message),
  );
});
