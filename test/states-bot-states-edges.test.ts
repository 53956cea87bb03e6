// The edges of BotStates and StateContext the main tests leave out: every method of a context
// bound to a forum topic or a business connection works on that conversation only, a failed
// call does not block the next ones, calls on one conversation stay in order while the lock
// chain grows and shrinks, and keys given null parts (from JavaScript).
// Found by mutation testing (docs/testing/mutation-mut-states.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BotStates } from '../src/advanced.js';
import { StateMemoryStorage, StatesGroup } from '../src/states/index.js';
import { waitFor } from './helpers.js';

const Reg = StatesGroup.create('Reg', ['name', 'age']);
const user = { id: 5, is_bot: false, first_name: 'A' };
const chat = { id: -100, type: 'supergroup', title: 'G' };

/** A promise with its resolve, to hold a callback until the test lets it go. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('BotStates edges', () => {
  it('key(): the chat defaults to the user; absent parts (undefined or null) are left out', () => {
    const states = new BotStates(new StateMemoryStorage(), 7);
    assert.deepEqual(states.key(5), { chatId: 5, userId: 5, botId: 7 });
    assert.deepEqual(states.key(5, -1, 3, 'bc'), {
      chatId: -1,
      userId: 5,
      botId: 7,
      threadId: 3,
      businessConnectionId: 'bc',
    });
    const fromJs = states.key(5, -1, null as unknown as number, null as unknown as string);
    assert.deepEqual(fromJs, { chatId: -1, userId: 5, botId: 7 });
    assert.ok(!('threadId' in fromJs) && !('businessConnectionId' in fromJs));
  });

  it('a context bound to a forum topic reads and writes that topic only', async () => {
    const states = new BotStates(new StateMemoryStorage(), 1);
    const topic = states.context({
      message_id: 1,
      date: 1,
      chat,
      from: user,
      message_thread_id: 8,
      is_topic_message: true,
    });
    await topic.set(Reg.age);
    await topic.addData({ a: 1 });
    await topic.data((data) => {
      data.b = 2;
    });
    assert.equal(await states.getState(5, -100), undefined, 'written to the chat, not the topic');
    assert.equal(await states.getState(5, -100, 8), 'Reg:age');
    assert.deepEqual(await states.retrieveData(5, -100, 8), { a: 1, b: 2 });
    assert.deepEqual(await states.retrieveData(5, -100), {});
    assert.equal(await topic.get(), 'Reg:age');
    assert.deepEqual(await topic.data(), { a: 1, b: 2 });
    await topic.reset();
    assert.deepEqual(await states.retrieveData(5, -100, 8), {});
    assert.equal(await topic.get(), 'Reg:age', 'reset() keeps the state');
    await states.setState(5, Reg.name, -100); // the chat's own conversation
    assert.equal(await topic.delete(), true);
    assert.equal(await states.getState(5, -100, 8), undefined);
    assert.equal(await states.getState(5, -100), 'Reg:name', 'deleting the topic left the chat alone');
  });

  it('a context bound to a business connection reads and writes that connection only', async () => {
    const states = new BotStates(new StateMemoryStorage(), 1);
    const business = states.context({
      message_id: 1,
      date: 1,
      chat: { id: 5, type: 'private', first_name: 'A' },
      from: user,
      business_connection_id: 'bc1',
    });
    assert.equal(business.where.businessConnectionId, 'bc1');
    await business.set('Reg:name');
    await business.addData({ x: 1 });
    await business.data((data) => {
      data.y = 2;
    });
    assert.equal(await states.getState(5), undefined);
    assert.equal(await states.getState(5, 5, undefined, 'bc1'), 'Reg:name');
    assert.deepEqual(await states.retrieveData(5, 5, undefined, 'bc1'), { x: 1, y: 2 });
    assert.deepEqual(await business.data(), { x: 1, y: 2 });
    await business.resetData();
    assert.deepEqual(await states.retrieveData(5, 5, undefined, 'bc1'), {});
    await states.setState(5, 'plain');
    assert.equal(await business.delete(), true);
    assert.equal(await states.getState(5, 5, undefined, 'bc1'), undefined);
    assert.equal(await states.getState(5), 'plain');
  });

  it('retrieveData with a callback and a topic / business connection saves there', async () => {
    const states = new BotStates(new StateMemoryStorage(), 1);
    await states.retrieveData(
      5,
      -100,
      (data) => {
        data.here = true;
      },
      8,
      'bc',
    );
    assert.deepEqual(await states.retrieveData(5, -100, 8, 'bc'), { here: true });
    assert.deepEqual(await states.retrieveData(5, -100, 8), {});
    assert.deepEqual(await states.retrieveData(5, -100), {});
    await states.addData(5, -100, { more: 1 }, 8, 'bc');
    await states.resetData(5, -100, 8);
    assert.deepEqual(await states.retrieveData(5, -100, 8, 'bc'), { here: true, more: 1 });
    assert.equal(await states.deleteState(5, -100, 8, 'bc'), true);
    assert.deepEqual(await states.retrieveData(5, -100, 8, 'bc'), {});
  });

  it('a failed call does not block or fail the next calls on the conversation', async () => {
    const states = new BotStates(new StateMemoryStorage(), 1);
    await assert.rejects(
      states.retrieveData(5, (data) => {
        data.lost = true;
        throw new Error('boom');
      }),
      /boom/,
    );
    await states.addData(5, undefined, { kept: 1 });
    await states.setState(5, 'after');
    assert.deepEqual(await states.retrieveData(5), { kept: 1 });
    assert.equal(await states.getState(5), 'after');
    assert.equal(await states.deleteState(5), true);
  });

  it('calls on one conversation run one at a time, also when an earlier one ends meanwhile', async () => {
    const states = new BotStates(new StateMemoryStorage(), 1);
    const events: string[] = [];
    const first = gate();
    const second = gate();
    const a = states.retrieveData(5, async () => {
      events.push('A start');
      await first.opened;
      events.push('A end');
    });
    const b = states.retrieveData(5, async () => {
      events.push('B start');
      await second.opened;
      events.push('B end');
    });
    await waitFor(() => events.includes('A start'), { message: 'the first callback did not start' });
    first.open();
    await a;
    await waitFor(() => events.includes('B start'), { message: 'the second callback did not start after the first' });
    // A is done and B runs: a call made now must still wait for B.
    const c = states.retrieveData(5, () => {
      events.push('C start');
    });
    await new Promise((resolve) => setImmediate(resolve));
    second.open();
    await Promise.all([b, c]);
    assert.deepEqual(events, ['A start', 'A end', 'B start', 'B end', 'C start']);
  });
});
