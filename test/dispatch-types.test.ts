// Type-level tests of the registrars: checked by `npx tsc -p test/tsconfig.json --noEmit`.
// The runtime part only makes sure the file loads under the test runner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CallbackQuery, InlineQuery, PhotoSize, PollAnswer } from '../src/api/generated/telegram-types.js';
import type { Dispatcher } from '../src/dispatch/dispatcher.js';
import type { HandlerData } from '../src/dispatch/handler-backends.js';
import type { StateContext } from '../src/states/bot-states.js';
import type { Message, MessageWith } from '../src/types/message.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// Never run: only compiled.
function typeChecks(bot: Dispatcher): void {
  // contentTypes narrows: photo is present.
  bot.handleMsg({ contentTypes: ['photo'] }, (m) => {
    type _ = Expect<Equal<typeof m.photo, PhotoSize[]>>;
    return m.photo[0];
  });
  // Default: a text message.
  bot.handleMsg({ commands: ['start'] }, (m) => {
    type _ = Expect<Equal<typeof m.text, string>>;
    const text: string = m.text;
    void text;
  });
  bot.handleMsg({}, (m) => {
    type _ = Expect<Equal<typeof m.text, string>>;
  });
  bot.handleMsg({ contentTypes: ['document', 'audio'] }, (m) => {
    if (m.content_type === 'document') {
      const name: string | undefined = m.document.file_name;
      void name;
    } else {
      const duration: number = m.audio.duration;
      void duration;
    }
  });
  // func's argument is narrowed too.
  bot.handleMsg({ contentTypes: ['document'], func: (m) => m.document.mime_type === 'text/plain' }, (m) => m.document);
  // A handler for another content type is refused.
  // @ts-expect-error photo is not present on a text message
  bot.handleMsg({ commands: ['x'] }, (m) => m.photo[0]);
  // Handlers get `data`, the middleware data object.
  bot.handleMsg({}, (_m, data) => {
    type _ = Expect<Equal<typeof data, HandlerData>>;
    type _Own = Expect<Equal<typeof data.somethingMine, unknown>>;
    type _State = Expect<Equal<typeof data.state, StateContext>>;
  });
  // A bare predicate is `{ func }`.
  bot.handleMsg(
    (m) => m.text.length > 3,
    (m) => m.text,
  );
  // Decorator form returns the handler, so registrations stack.
  const sendSomething = (message: Message) => message.message_id;
  const stacked = bot.handleMsg({ commands: ['hello'] })(
    bot.handleMsg({ func: (m) => m.text === '🙂' })(sendSomething),
  );
  type _stacked = Expect<Equal<typeof stacked, typeof sendSomething>>;
  const returned = bot.handleMsg({ contentTypes: ['photo'] }, (m: MessageWith<'photo'>) => m.photo.length);
  type _returned = Expect<Equal<ReturnType<typeof returned>, number>>;
  bot.messageHandler({ commands: ['start'] }, (m) => m.text.toUpperCase());
  bot.handleMsg()((m) => m.text);
  bot.editedHandleMsg({ contentTypes: ['photo'] }, (m) => m.photo);
  bot.channelPostHandler({ regexp: /x/ }, (m) => m.text);

  // Other update types get their object.
  bot.callbackQueryHandler(
    (call) => call.data === 'x',
    (call) => {
      type _ = Expect<Equal<typeof call, CallbackQuery>>;
    },
  );
  bot.callbackQueryHandler({ callbackData: /^vote:/ }, (call) => call.id);
  bot.inlineHandler((query) => query.query === 'text')((query: InlineQuery) => query.id);
  bot.pollAnswerHandler()((answer) => {
    type _ = Expect<Equal<typeof answer, PollAnswer>>;
  });
  bot.chosenInlineHandler({ func: (result) => result.result_id === '1' }, (result) => result.query);
  // @ts-expect-error callback queries have no contentTypes filter
  bot.callbackQueryHandler({ contentTypes: ['text'] }, (call) => call);
  // Custom filter keys are accepted.
  bot.handleMsg({ isChatAdmin: true }, (m) => m.chat.id);

  // register twins: (handler, filters); every content type by default.
  bot.registerMessageHandler((m) => {
    type _ = Expect<Equal<typeof m, Message>>;
  });
  bot.registerMessageHandler((m) => m.photo[0], { contentTypes: ['photo'] });
  bot.registerCallbackQueryHandler((call) => call.data, { func: (call) => call.data !== undefined });
  bot.registerEditedMessageHandler((m) => m.message_id, { commands: ['x'] });

  // Middlewares, step handlers, states.
  bot.middlewareHandler({ updateTypes: ['message'] }, (_bot, message) => message);
  bot.middlewareHandler({ updateTypes: ['message'] })((_bot, message) => message);
  bot.registerMiddlewareHandler((_bot, message) => message, { updateTypes: ['message'] });
  const askAge = (m: Message, name: string, attempts: number) => `${name}:${attempts}:${m.text}`;
  void bot.registerNextStepHandler({ chat: { id: 1 } }, askAge, 'Ann', 1);
  // @ts-expect-error the extra arguments must fit the callback
  void bot.registerNextStepHandler({ chat: { id: 1 } }, askAge, 'Ann', 'one');
  void bot.setState(1, 'Form:name', 1);
  const state: Promise<string | undefined> = bot.getState(1, 1);
  void state;
  void bot.retrieveData(1, 1, (data) => {
    data.x = 1;
  });
}

test('the type checks compile (see tsc -p test/tsconfig.json)', () => {
  assert.equal(typeof typeChecks, 'function');
});
