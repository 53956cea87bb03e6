// A StateContext made from an object with no user says why, in words a user can act on.
// Found by mutation testing (docs/testing/mutation-mut-states.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotStates } from '../src/advanced.js';
import { StateContext, StateMemoryStorage } from '../src/states/index.js';

test('a context for an update without a user is refused with a TypeError saying so', () => {
  const states = new BotStates(new StateMemoryStorage(), 1);
  for (const update of [{ id: 'p', question: 'q', options: [] }, null, undefined, 5]) {
    assert.throws(
      () => new StateContext(update, states),
      (error: Error) => error instanceof TypeError && error.message === 'This update has no user to keep a state for',
      JSON.stringify(update),
    );
    assert.throws(() => states.context(update), /no user to keep a state for/);
  }
});
