/**
 * FSM states: a {@link State} is a named step of a conversation, a {@link StatesGroup} names
 * its states `"<Group>:<field>"` (the same strings pyTelegramBotAPI stores), so the user never
 * repeats a name.
 *
 * Two ways to declare a group:
 * ```ts
 * // 1. a class; `this.state()` ties each state to the class, names come from the fields
 * class MyStates extends StatesGroup {
 *   static surname = this.state();
 *   static age = this.state();
 * }
 * // 2. a factory, which takes every field name (`prototype`, `has`, ... that a class can't hold)
 * const MyStates = StatesGroup.create('MyStates', ['name', 'surname', 'age']);
 * String(MyStates.name); // 'MyStates:name'
 * ```
 * @module
 */
import { logger } from '../logger.js';

let nextSeq = 0;

/** A group of states: a {@link StatesGroup} subclass or what {@link StatesGroup.create} returns. */
export type StatesGroupLike = typeof StatesGroup | CreatedStatesGroup;

/**
 * One state of a conversation. Give it a name (`new State('waiting_name')`) or declare it in a
 * {@link StatesGroup}, which names it `"<Group>:<field>"`.
 */
export class State {
  #name?: string;
  /** Creation order: a group lists its states in declaration order with it (see nameClassStates). */
  readonly #seq = nextSeq++;
  #owner?: typeof StatesGroup;
  /** The group the state was declared in, once known. */
  group?: StatesGroupLike;

  /** @param name a fixed name; leave it out when the state is declared in a group */
  constructor(name?: string) {
    if (name !== undefined) this.#name = name;
  }

  /** The stored name, `"<Group>:<field>"` for grouped states. */
  get name(): string {
    if (this.#name === undefined && this.#owner) nameClassStates(this.#owner);
    if (this.#name === undefined) {
      throw new Error(
        'This State has no name yet: declare it as `static field = this.state()` in a StatesGroup subclass, ' +
          'use StatesGroup.create(...), read the group\'s stateList once, or give it a name: new State("name")',
      );
    }
    return this.#name;
  }

  /** Whether the state has a name already. */
  get isNamed(): boolean {
    if (this.#name === undefined && this.#owner !== undefined) nameClassStates(this.#owner);
    return this.#name !== undefined;
  }

  /** Whether `other` (a State or a stored name) is this state. */
  is(other: State | string | undefined | null): boolean {
    if (other == null) return false;
    return (typeof other === 'string' ? other : other.name) === this.name;
  }

  /** The name, so that `String(state)` and template strings give what storages keep. */
  toString(): string {
    return this.name;
  }

  /** The name, so that JSON holds the plain string. */
  toJSON(): string {
    return this.name;
  }

  /** @internal Names the state; a state keeps its first name. */
  static bind(state: State, name: string, group: StatesGroupLike): void {
    if (state.#name === undefined) state.#name = name;
    state.group ??= group;
  }

  /** @internal The creation order of `state`. */
  static seq(state: State): number {
    return state.#seq;
  }

  /** @internal Remembers the class a state was created for, to name it lazily. */
  static own(state: State, owner: typeof StatesGroup): void {
    state.#owner = owner;
    state.group = owner;
  }
}

/**
 * Class names of groups, recorded by the first `this.state()`: a state declared as
 * `static name = this.state()` replaces the class's own `name` (ES2022 class fields define
 * properties), so the class name must be read before that field exists.
 */
const groupNames = new WeakMap<object, string>();

/**
 * Static members of {@link StatesGroup} a state field would hide: the group would lose the
 * helper (a later `this.state()` would not even be a function).
 */
const RESERVED_FIELDS: ReadonlySet<string> = new Set(['state', 'stateList', 'states', 'has', 'groupName', 'create']);

/** The name of a group class, also when one of its states is called `name`. */
function classGroupName(group: typeof StatesGroup): string {
  const recorded = groupNames.get(group);
  if (recorded !== undefined) return recorded;
  const own = Object.getOwnPropertyDescriptor(group, 'name')?.value as unknown;
  if (typeof own === 'string') return own;
  throw new TypeError(
    'A StatesGroup with a state called "name" must declare it with `static name = this.state()` ' +
      '(which records the class name first), or be made with StatesGroup.create(groupName, fields)',
  );
}

/** Names every State held by an own static field of `group`. */
function nameClassStates(group: typeof StatesGroup): State[] {
  const states: State[] = [];
  const groupName = classGroupName(group);
  for (const key of Object.getOwnPropertyNames(group)) {
    const value = Object.getOwnPropertyDescriptor(group, key)?.value as unknown;
    if (value instanceof State) {
      if (RESERVED_FIELDS.has(key)) {
        throw new TypeError(
          `StatesGroup ${groupName}: a state cannot be called "${key}", which would hide StatesGroup.${key}; ` +
            `use StatesGroup.create('${groupName}', [...]) for that name (it takes any name)`,
        );
      }
      State.bind(value, `${groupName}:${key}`, group);
      states.push(value);
    }
  }
  // `name` and `length` exist before any field, so property order is not declaration order.
  return states.sort((a, b) => State.seq(a) - State.seq(b));
}

/**
 * Base class of state groups. Declare states as static fields with `this.state()` (or
 * `new State()`, named once the group is listed); `Group.stateList` lists them in declaration
 * order. Any field name works (`name` and `length` too: declare them with `this.state()`) except
 * `prototype` (the language refuses it) and the helpers `state`, `stateList`, `states`, `has`,
 * `groupName` and `create` (refused with a clear error); {@link StatesGroup.create} takes every name.
 */
export abstract class StatesGroup {
  /** Creates a state belonging to this group; call it as `static field = this.state()`. */
  static state(this: typeof StatesGroup): State {
    if (!groupNames.has(this) && typeof this.name === 'string') {
      groupNames.set(this, this.name);
      // Checked once the class body has run (the fields exist then): a state hiding a helper
      // (`static state = this.state()`) is reported at declaration, not at first use.
      queueMicrotask(() => {
        try {
          nameClassStates(this);
        } catch (error) {
          logger.error((error as Error).message);
        }
      });
    }
    const state = new State();
    State.own(state, this);
    return state;
  }

  /** The group's name (the class name), the prefix of its states' names. */
  static get groupName(): string {
    return classGroupName(this);
  }

  /** The group's states, in declaration order. */
  static get stateList(): State[] {
    return nameClassStates(this);
  }

  /** The names of the group's states (`['MyStates:name', ...]`). */
  static get states(): string[] {
    return this.stateList.map((state) => state.name);
  }

  /** Whether `state` (a State or a stored name) belongs to this group. */
  static has(state: State | string | undefined | null): boolean {
    if (state == null) return false;
    const name = typeof state === 'string' ? state : state.name;
    return this.states.includes(name);
  }

  /**
   * Builds a group from its field names: `StatesGroup.create('Reg', ['name', 'age'])` gives an
   * object whose `name` and `age` are States named `'Reg:name'` and `'Reg:age'`.
   */
  static create<const K extends string>(groupName: string, fields: readonly K[]): StatesGroupObject<K> {
    return new CreatedStatesGroup(groupName, fields) as StatesGroupObject<K>;
  }
}

/** What {@link StatesGroup.create} returns: one State property per field plus the group helpers. */
export type StatesGroupObject<K extends string> = CreatedStatesGroup & { readonly [P in K]: State };

/** A group made by {@link StatesGroup.create}: its helpers (the states are added per field). */
export class CreatedStatesGroup {
  /** The group's name, the prefix of its states' names. */
  declare readonly groupName: string;
  /** The group's states, in declaration order. */
  declare readonly stateList: readonly State[];

  constructor(groupName: string, fields: readonly string[]) {
    const states: State[] = [];
    for (const field of fields) {
      const state = new State();
      State.bind(state, `${groupName}:${field}`, this);
      Object.defineProperty(this, field, { value: state, enumerable: true });
      states.push(state);
    }
    // Defined after the fields would clash; a field called `groupName` or `stateList` wins.
    if (!fields.includes('groupName')) Object.defineProperty(this, 'groupName', { value: groupName });
    if (!fields.includes('stateList')) Object.defineProperty(this, 'stateList', { value: Object.freeze(states) });
    Object.freeze(this);
  }

  /** The names of the group's states. */
  get states(): string[] {
    return this.stateList.map((state) => state.name);
  }

  /** Whether `state` (a State or a stored name) belongs to this group. */
  has(state: State | string | undefined | null): boolean {
    if (state == null) return false;
    return this.states.includes(typeof state === 'string' ? state : state.name);
  }
}

/** Whether `value` is a group of states (a {@link StatesGroup} subclass or a created group). */
export function isStatesGroup(value: unknown): value is StatesGroupLike {
  return value instanceof CreatedStatesGroup || (typeof value === 'function' && value.prototype instanceof StatesGroup);
}

/** Turns a State or a name into the stored name. */
export function stateName(state: State | string): string {
  return typeof state === 'string' ? state : state.name;
}
