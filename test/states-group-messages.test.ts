// What a StatesGroup says when it is used wrongly is the user's only guide to the fix: the whole
// advice is asserted, not a word of it; and a class group recognises its own State objects.
// Found by mutation testing (docs/testing/mutation-mut-states.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { State, StatesGroup } from '../src/states/index.js';

test('a State without a name says each way to give it one', () => {
  assert.throws(
    () => new State().name,
    (error: Error) =>
      error.message.startsWith('This State has no name yet: declare it as `static field = this.state()`') &&
      error.message.includes('in a StatesGroup subclass, use StatesGroup.create(...)') &&
      error.message.endsWith('or give it a name: new State("name")'),
  );
});

test('a group whose `name` state is not made by this.state() says both fixes', () => {
  class Plain extends StatesGroup {
    static override name = new State();
  }
  assert.throws(
    () => Plain.stateList,
    (error: Error) =>
      error instanceof TypeError &&
      error.message.includes('must declare it with `static name = this.state()`') &&
      error.message.endsWith('or be made with StatesGroup.create(groupName, fields)'),
  );
});

test('a class group recognises its own State objects, not only their names', () => {
  class Steps extends StatesGroup {
    static first = this.state();
    static second = this.state();
  }
  assert.equal(Steps.has(Steps.first), true);
  assert.equal(Steps.has(Steps.second), true);
  assert.equal(Steps.has(new State('Steps:first')), true);
  assert.equal(Steps.has(new State('Other:first')), false);
});
