// The edges of State and StatesGroup the main tests leave out: every reserved helper name is
// refused, a fixed name is kept inside a group, null/undefined are never a group's state, fields
// called `groupName` / `stateList` in StatesGroup.create, and what isStatesGroup refuses.
// Found by mutation testing (docs/testing/mutation-mut-states.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { logger } from '../src/index.js';
import { CreatedStatesGroup, State, StatesGroup, isStatesGroup } from '../src/states/index.js';

describe('StatesGroup edges', () => {
  it('every helper name is refused as a state field, with the name in the message', async () => {
    const logged: string[] = [];
    logger.setOutput((record) => {
      logged.push(String(record.message));
    });
    try {
      // TypeScript refuses these (TS2417); plain JavaScript reaches the run-time check.
      const Base = StatesGroup as any;
      for (const field of ['state', 'stateList', 'states', 'has', 'groupName', 'create']) {
        const Bad = class extends Base {};
        Object.defineProperty(Bad, 'name', { value: `Bad_${field}` });
        const state = (Bad as any).state();
        Object.defineProperty(Bad, field, { value: state, enumerable: true });
        assert.throws(
          () => String(state),
          (error: Error) =>
            error instanceof TypeError &&
            error.message.includes(`StatesGroup Bad_${field}: a state cannot be called "${field}"`),
          field,
        );
      }
      await new Promise((resolve) => setImmediate(resolve));
      for (const field of ['state', 'stateList', 'states', 'has', 'groupName', 'create']) {
        assert.ok(
          logged.some((line) => line.includes(`a state cannot be called "${field}"`)),
          `not logged at declaration: ${field}`,
        );
      }
    } finally {
      logger.setOutput(null);
    }
  });

  it('a well-formed group logs nothing at declaration', async () => {
    const logged: string[] = [];
    logger.setOutput((record) => {
      logged.push(String(record.message));
    });
    try {
      class Quiet extends StatesGroup {
        static first = this.state();
        static second = this.state();
      }
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(logged, []);
      assert.deepEqual(Quiet.states, ['Quiet:first', 'Quiet:second']);
    } finally {
      logger.setOutput(null);
    }
  });

  it('a state declared with this.state() is named as soon as it is asked', () => {
    class Ask extends StatesGroup {
      static first = this.state();
    }
    assert.equal(Ask.first.isNamed, true);
    assert.equal(new State().isNamed, false);
    assert.equal(new State('fixed').isNamed, true);
  });

  it('a State with a fixed name keeps it inside a group, and belongs to the group', () => {
    class Fixed extends StatesGroup {
      static kept = new State('custom:name');
      static other = new State();
    }
    assert.deepEqual(Fixed.states, ['custom:name', 'Fixed:other']);
    assert.equal(Fixed.kept.name, 'custom:name');
    assert.equal(Fixed.kept.group, Fixed);
    assert.ok(Fixed.has('custom:name'));
    assert.ok(!Fixed.has('Fixed:kept'));
  });

  it('a State listed in two groups keeps its first name and group', () => {
    const First = StatesGroup.create('First', ['a']);
    class Second extends StatesGroup {
      static b = First.a;
    }
    assert.equal(Second.stateList[0], First.a);
    assert.equal(First.a.name, 'First:a');
    assert.equal(First.a.group, First);
  });

  it('`static name = new State()` followed by this.state() still says how to fix it', () => {
    assert.throws(() => {
      class Mixed extends StatesGroup {
        static override name = new State();
        static other = this.state();
      }
      return String(Mixed.other);
    }, /static name = this\.state\(\)/);
  });

  it('has() and is() answer false for null and undefined, and for another name', () => {
    class G extends StatesGroup {
      static a = this.state();
    }
    const Created = StatesGroup.create('C', ['a']);
    for (const nothing of [null, undefined]) {
      assert.equal(G.has(nothing), false);
      assert.equal(Created.has(nothing), false);
      assert.equal(G.a.is(nothing), false);
    }
    assert.equal(G.a.is('G:b'), false);
    assert.equal(G.a.is(new State('G:b')), false);
    assert.equal(G.has('C:a'), false);
    assert.equal(Created.has('G:a'), false);
    assert.equal(Created.has('C:a'), true);
    assert.equal(Created.has(new State('C:a')), true, 'a State with the same name belongs to the group');
  });

  it('StatesGroup.create: fields called groupName and stateList are states; the list is frozen', () => {
    const G = StatesGroup.create('G', ['groupName', 'stateList', 'x']);
    assert.ok((G.groupName as unknown) instanceof State);
    assert.equal(String(G.groupName), 'G:groupName');
    assert.equal(String(G.stateList), 'G:stateList');
    assert.equal((G as any).x.name, 'G:x');
    const Plain = StatesGroup.create('Plain', ['a', 'b']);
    assert.ok(Object.isFrozen(Plain.stateList));
    assert.deepEqual(Plain.stateList.map(String), ['Plain:a', 'Plain:b']);
    assert.ok(Plain instanceof CreatedStatesGroup);
  });

  it('isStatesGroup refuses plain functions, classes, StatesGroup itself and nothing', () => {
    assert.equal(
      isStatesGroup(function group() {}),
      false,
    );
    assert.equal(isStatesGroup(class NotAGroup {}), false);
    assert.equal(isStatesGroup(StatesGroup), false);
    assert.equal(isStatesGroup(null), false);
    assert.equal(isStatesGroup(undefined), false);
    assert.equal(isStatesGroup('Reg'), false);
    class Real extends StatesGroup {}
    assert.equal(isStatesGroup(Real), true);
  });
});
