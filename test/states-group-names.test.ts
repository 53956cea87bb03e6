// States named like members every class has (`name`, `length`) work as ES2022 static fields
// (test/tsconfig.json extends the root one: target ES2022, so these are real class fields);
// names that would hide a StatesGroup helper are refused with a clear message; create() takes any name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import { Botte, State, StatesGroup, customFilters, logger } from '../src/index.js';

// `override`: with noImplicitOverride (this repo's setting) TypeScript wants it, as every class has them.
class MyStates extends StatesGroup {
  static override name = this.state();
  static override length = this.state();
  static age = this.state();
}

test('`static name = this.state()` and `static length`: named "<Group>:<field>", group name kept', () => {
  assert.equal(String(MyStates.age), 'MyStates:age');
  assert.equal(String(MyStates.name), 'MyStates:name');
  assert.equal(`${MyStates.length}`, 'MyStates:length');
  assert.equal(MyStates.groupName, 'MyStates');
  assert.deepEqual(MyStates.states, ['MyStates:name', 'MyStates:length', 'MyStates:age']);
  assert.ok(MyStates.has('MyStates:name'));
});

test('the state filter and setState work with a state called name', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    bot.addCustomFilter(new customFilters.StateFilter(bot));
    bot.handleMsg({ state: MyStates.name }, (message) => bot.replyTo(message, 'in name'));
    await bot.setState(1, MyStates.name, 1);
    assert.equal(await bot.getState(1, 1), 'MyStates:name');
    emu.pushMessage('x', { userId: 1 });
    await bot.processNewUpdates(await bot.getUpdates());
    assert.equal(emu.callsOf('sendMessage')[0]?.params.text, 'in name');
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});

test('a state hiding a StatesGroup helper is refused, at declaration (logged) and at use (thrown)', async () => {
  const logged: string[] = [];
  logger.setOutput((record) => {
    logged.push(String(record.message));
  });
  try {
    // TypeScript refuses it too (TS2417); plain JavaScript reaches the run-time check.
    const Base = StatesGroup as any;
    class Bad extends Base {
      static has = this.state();
    }
    await new Promise((resolve) => setImmediate(resolve));
    assert.match(logged.join('\n'), /StatesGroup Bad: a state cannot be called "has".*StatesGroup\.create/);
    assert.throws(() => String(Bad.has), /cannot be called "has"/);
  } finally {
    logger.setOutput(null);
  }
});

test('`static name = new State()` (no this.state()) says how to fix it instead of overflowing the stack', () => {
  class Plain extends StatesGroup {
    static override name = new State();
    static other = new State();
  }
  assert.throws(() => Plain.stateList, /static name = this\.state\(\)/);
});

test('StatesGroup.create takes every name, prototype and has included', () => {
  const Group = StatesGroup.create('G', ['prototype', 'has', 'name', 'length']);
  assert.equal(String(Group.prototype), 'G:prototype');
  assert.equal(String(Group.name), 'G:name');
  assert.equal(String(Group.length), 'G:length');
  assert.equal(Group.groupName, 'G');
});
