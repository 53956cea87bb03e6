import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { State, StatesGroup, isStatesGroup, stateName } from '../src/states/index.js';

describe('State and StatesGroup', () => {
  it('names class states from their fields with this.state()', () => {
    class MyStates extends StatesGroup {
      static surname = this.state();
      static age = this.state();
    }
    // Read straight away, without touching the group first.
    assert.equal(MyStates.age.name, 'MyStates:age');
    assert.equal(String(MyStates.surname), 'MyStates:surname');
    assert.equal(`${MyStates.age}`, 'MyStates:age');
    assert.equal(JSON.stringify({ s: MyStates.age }), '{"s":"MyStates:age"}');
    assert.deepEqual(MyStates.states, ['MyStates:surname', 'MyStates:age']);
    assert.deepEqual(MyStates.stateList, [MyStates.surname, MyStates.age]);
    assert.equal(MyStates.groupName, 'MyStates');
    assert.equal(MyStates.age.group, MyStates);
    assert.equal(MyStates.has('MyStates:age'), true);
    assert.equal(MyStates.has(new State('Other:age')), false);
    assert.equal(isStatesGroup(MyStates), true);
  });

  it('names `new State()` fields once the group is listed, and says what to do before that', () => {
    class Plain extends StatesGroup {
      static first = new State();
      static second = new State();
    }
    assert.throws(() => Plain.first.name, /StatesGroup/);
    assert.equal(Plain.first.isNamed, false);
    assert.equal(Plain.stateList.length, 2);
    assert.equal(Plain.first.name, 'Plain:first');
    assert.equal(Plain.second.group, Plain);
  });

  it('StatesGroup.create allows any field name, name included', () => {
    const Reg = StatesGroup.create('Reg', ['name', 'surname', 'age']);
    assert.equal(Reg.name.name, 'Reg:name');
    assert.equal(String(Reg.age), 'Reg:age');
    assert.equal(Reg.groupName, 'Reg');
    assert.deepEqual(Reg.states, ['Reg:name', 'Reg:surname', 'Reg:age']);
    assert.deepEqual(Object.keys(Reg), ['name', 'surname', 'age']);
    assert.equal(Reg.has(Reg.surname), true);
    assert.equal(Reg.name.group, Reg);
    assert.equal(isStatesGroup(Reg), true);
    assert.equal(isStatesGroup({ name: new State('x') }), false);
    assert.ok(Object.isFrozen(Reg));
  });

  it('State compares by name', () => {
    const a = new State('step:a');
    assert.equal(a.is('step:a'), true);
    assert.equal(a.is(new State('step:a')), true);
    assert.equal(a.is(undefined), false);
    assert.equal(stateName(a), 'step:a');
    assert.equal(stateName('raw'), 'raw');
  });
});
