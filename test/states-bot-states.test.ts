import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BotStates } from '../src/advanced.js';
import { StateContext, StateMemoryStorage, StatesGroup, resolveStateContext } from '../src/states/index.js';
import { sleep } from './helpers.js';

const Reg = StatesGroup.create('Reg', ['name', 'age']);

describe('BotStates', () => {
  it('chat defaults to the user (private chat); thread and bot separate keys', async () => {
    const storage = new StateMemoryStorage();
    const bot1 = new BotStates(storage, 1);
    const bot2 = new BotStates(storage, 2);
    await bot1.setState(5, Reg.name);
    assert.equal(await bot1.getState(5), 'Reg:name');
    assert.equal(await bot1.getState(5, 5), 'Reg:name');
    assert.equal(await bot1.getState(5, -100), undefined);
    assert.equal(await bot2.getState(5), undefined); // shared storage, other bot
    await bot1.setState(5, 'Reg:age', -100, 9);
    assert.equal(await bot1.getState(5, -100, 9), 'Reg:age');
    assert.equal(await bot1.getState(5, -100), undefined);
    await bot1.setState(5, Reg.age, -100, undefined, 'bc');
    assert.equal(await bot1.getState(5, -100, undefined, 'bc'), 'Reg:age');
    assert.equal(await bot1.deleteState(5), true);
    assert.equal(await bot1.getState(5), undefined);
    assert.equal(await bot1.getState(5, -100, 9), 'Reg:age');
  });

  it('addData, retrieveData, resetData, deleteState removes data too', async () => {
    const states = new BotStates(new StateMemoryStorage(), 1);
    await states.setState(5, Reg.name, -100);
    await states.addData(5, -100, { name: 'Ann' });
    await states.addData(5, -100, { age: 3 });
    assert.deepEqual(await states.retrieveData(5, -100), { name: 'Ann', age: 3 });
    assert.deepEqual(await states.retrieveData(5), {});
    await states.resetData(5, -100);
    assert.deepEqual(await states.retrieveData(5, -100), {});
    assert.equal(await states.getState(5, -100), 'Reg:name');
    await states.addData(5, undefined, { x: 1 });
    assert.deepEqual(await states.retrieveData(5, 5), { x: 1 });
    await states.deleteState(5);
    assert.deepEqual(await states.retrieveData(5), {});
  });

  it('retrieveData with a callback saves what it changed', async () => {
    const states = new BotStates(new StateMemoryStorage(), 1);
    await states.setState(5, Reg.name, -100, 3);
    await states.addData(5, -100, { keep: true }, 3);
    const saved = await states.retrieveData(
      5,
      -100,
      (data) => {
        data.name = 'Ann';
        delete data.keep;
      },
      3,
    );
    assert.deepEqual(saved, { name: 'Ann' });
    assert.deepEqual(await states.retrieveData(5, -100, 3), { name: 'Ann' });
    // async callback; private chat form retrieveData(userId, fn)
    await states.retrieveData(5, async (data) => {
      await sleep(5);
      data.a = 1;
    });
    assert.deepEqual(await states.retrieveData(5), { a: 1 });
    // Nothing is saved when the callback throws.
    await assert.rejects(
      states.retrieveData(5, undefined, (data) => {
        data.a = 2;
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.deepEqual(await states.retrieveData(5), { a: 1 });
  });

  it('concurrent read-modify-write on one conversation loses nothing', async () => {
    const states = new BotStates(new StateMemoryStorage(), 1);
    await Promise.all(
      Array.from({ length: 50 }, () =>
        states.retrieveData(5, -1, async (data) => {
          const n = (data.n as number | undefined) ?? 0;
          await sleep(1);
          data.n = n + 1;
        }),
      ),
    );
    assert.deepEqual(await states.retrieveData(5, -1), { n: 50 });
  });
});

describe('StateContext and resolveStateContext', () => {
  const user = { id: 5, is_bot: false, first_name: 'A' };
  const chat = { id: -100, type: 'supergroup', title: 'G' };

  it('resolves whose state each update concerns', () => {
    assert.deepEqual(
      resolveStateContext({ message_id: 1, date: 1, chat, from: user, message_thread_id: 8, is_topic_message: true }),
      { chatId: -100, userId: 5, threadId: 8, businessConnectionId: undefined },
    );
    assert.equal(
      resolveStateContext({ message_id: 1, date: 1, chat, from: user, message_thread_id: 8 })!.threadId,
      undefined,
    );
    // Channel post: no sender, the chat stands in.
    assert.deepEqual(
      resolveStateContext({ message_id: 1, date: 1, chat: { id: -5, type: 'channel' }, sender_chat: { id: -5 } })!
        .userId,
      -5,
    );
    assert.equal(resolveStateContext({ id: 'c', from: user, chat_instance: 'i' })!.chatId, 5);
    assert.equal(
      resolveStateContext({ id: 'c', from: user, chat_instance: 'i', message: { message_id: 1, date: 1, chat } })!
        .chatId,
      -100,
    );
    assert.deepEqual(resolveStateContext({ poll_id: 'p', option_ids: [], user }), { chatId: 5, userId: 5 });
    assert.deepEqual(
      resolveStateContext({ id: 'bc1', user, user_chat_id: 5, date: 1, can_reply: true, is_enabled: true }),
      { chatId: 5, userId: 5, businessConnectionId: 'bc1' },
    );
    assert.deepEqual(resolveStateContext({ chat, from: user, user_chat_id: 5, date: 1 }), { chatId: -100, userId: 5 }); // join request
    assert.deepEqual(
      resolveStateContext({ chat, message_id: 3, date: 1, user, old_reaction: [], new_reaction: [] })!.userId,
      5,
    );
    assert.deepEqual(
      resolveStateContext({
        chat,
        boost: { boost_id: 'b', add_date: 1, expiration_date: 2, source: { source: 'premium', user } },
      }),
      { chatId: -100, userId: 5 },
    );
    assert.deepEqual(resolveStateContext({ id: 'q', from: user, query: 'x', offset: '' }), { chatId: 5, userId: 5 });
    assert.equal(resolveStateContext({ id: 'p', question: 'q', options: [] }), undefined);
    assert.equal(resolveStateContext({ chat, message_id: 3, date: 1, reactions: [] }), undefined);
    assert.equal(resolveStateContext(null), undefined);
  });

  it('binds the state methods to one update', async () => {
    const states = new BotStates(new StateMemoryStorage(), 1);
    const message = { message_id: 1, date: 1, chat, from: user, text: 'hi' };
    const ctx = states.context(message);
    assert.ok(ctx instanceof StateContext);
    await ctx.set(Reg.name);
    assert.equal(await states.getState(5, -100), 'Reg:name');
    assert.equal(await ctx.get(), 'Reg:name');
    await ctx.addData({ a: 1 });
    await ctx.data((d) => {
      d.b = 2;
    });
    assert.deepEqual(await ctx.data(), { a: 1, b: 2 });
    await ctx.resetData();
    assert.deepEqual(await ctx.data(), {});
    assert.equal(await ctx.delete(), true);
    assert.equal(await ctx.get(), undefined);
    assert.throws(() => new StateContext({ id: 'p', question: 'q', options: [] }, states), TypeError);
  });
});
