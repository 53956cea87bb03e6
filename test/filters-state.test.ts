import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { StateFilter } from '../src/dispatch/custom-filters/index.js';
import { State, StateMemoryStorage, StatesGroup } from '../src/states/index.js';
import { BotStates } from '../src/advanced.js';

class Order extends StatesGroup {
  static item = this.state();
  static address = this.state();
}
const Reg = StatesGroup.create('Reg', ['name', 'age']);

const user = { id: 10, is_bot: false, first_name: 'A' };
const group = { id: -200, type: 'supergroup' as const, title: 'G', is_forum: true };
const privateMsg = (extra: Record<string, unknown> = {}) => ({
  message_id: 1,
  date: 1,
  chat: { id: 10, type: 'private', first_name: 'A' },
  from: user,
  text: 't',
  ...extra,
});
const groupMsg = (extra: Record<string, unknown> = {}) => ({
  message_id: 2,
  date: 1,
  chat: group,
  from: user,
  text: 't',
  ...extra,
});

describe('StateFilter (key state)', () => {
  it('matches a State, a group, a name, a list, and * ', async () => {
    const states = new BotStates(new StateMemoryStorage(), 1);
    const f = new StateFilter(states);
    assert.equal(f.key, 'state');
    assert.equal(await f.check(privateMsg(), '*'), false); // no state yet
    await states.setState(10, Order.item);
    assert.equal(await f.check(privateMsg(), Order.item), true);
    assert.equal(await f.check(privateMsg(), Order.address), false);
    assert.equal(await f.check(privateMsg(), Order), true);
    assert.equal(await f.check(privateMsg(), Reg), false);
    assert.equal(await f.check(privateMsg(), 'Order:item'), true);
    assert.equal(await f.check(privateMsg(), [Reg.name, Order.item]), true);
    assert.equal(await f.check(privateMsg(), [Reg, 'other']), false);
    assert.equal(await f.check(privateMsg(), '*'), true);
    await states.setState(10, Reg.age);
    assert.equal(await f.check(privateMsg(), Reg), true);
    assert.equal(await f.check(privateMsg(), new State('Reg:age')), true);
  });

  it("keys by chat, user and forum topic; callback queries use their message's chat", async () => {
    const states = new BotStates(new StateMemoryStorage(), 1);
    const f = new StateFilter(states);
    await states.setState(10, Order.item, -200);
    await states.setState(10, Order.address, -200, 77);
    assert.equal(await f.check(privateMsg(), '*'), false);
    assert.equal(await f.check(groupMsg(), Order.item), true);
    assert.equal(await f.check(groupMsg({ from: { ...user, id: 11 } }), '*'), false);
    // A topic message reads the topic's state; a reply thread in a non-forum group does not.
    assert.equal(await f.check(groupMsg({ message_thread_id: 77, is_topic_message: true }), Order.address), true);
    assert.equal(await f.check(groupMsg({ message_thread_id: 77 }), Order.item), true);
    const query = { id: 'q', from: user, chat_instance: 'c', data: 'x', message: groupMsg() };
    assert.equal(await f.check(query, Order.item), true);
    const inline = { id: 'i', from: user, query: '', offset: '' };
    assert.equal(await f.check(inline, '*'), false);
    await states.setState(10, Order.item);
    assert.equal(await f.check(inline, Order.item), true); // no chat: the user's private chat
  });

  it('works with any object that has getState (the bot)', async () => {
    const seen: unknown[][] = [];
    const bot = {
      async getState(...args: unknown[]) {
        seen.push(args);
        return 'Reg:name';
      },
    };
    const f = new StateFilter(bot);
    assert.equal(await f.check(groupMsg({ business_connection_id: 'bc1' }), Reg.name), true);
    assert.deepEqual(seen[0], [10, -200, undefined, 'bc1']);
    assert.equal(await f.check({ poll_id: 'p', option_ids: [1], user }, Reg.name), true);
    assert.equal(await f.check({ id: 'p', question: 'q', options: [] }, '*'), false); // a Poll has no user
    // A value that is no state, name or group matches nothing (and does not throw).
    assert.equal(await f.check(groupMsg(), 42 as never), false);
    assert.equal(await f.check(groupMsg(), [{}, Reg.name] as never), true);
  });

  it('a getState answering null (no state, as some stores say it) matches nothing, not even *', async () => {
    const f = new StateFilter({
      async getState() {
        return null;
      },
    } as never);
    assert.equal(await f.check(groupMsg(), '*'), false);
  });
});
