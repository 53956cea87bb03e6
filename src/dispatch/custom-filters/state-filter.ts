/**
 * Key `state`: the FSM filter. `bot.handleMsg({ state: MyStates.name }, handler)`.
 * @module
 */
import { AdvancedCustomFilter } from './base.js';
import { State, isStatesGroup, type StatesGroupLike } from '../../states/state.js';
import { resolveStateContext } from '../../states/context.js';

/** One accepted value of the `state` filter. */
export type StateFilterItem = State | StatesGroupLike | string;

/** The value of the `state` filter: a state, a group (any of its states), a name, `'*'` (any state), or a list. */
export type StateFilterValue = StateFilterItem | readonly StateFilterItem[];

/** What {@link StateFilter} needs from the bot (or a `BotStates`). */
export interface StateSource {
  /** The state of `userId` in `chatId` (and topic / business connection). */
  getState(
    userId: number | string,
    chatId?: number | string,
    threadId?: number,
    businessConnectionId?: string,
  ): Promise<string | undefined>;
}

// The state names of each group seen, since listing a class group walks its static fields.
// Groups are declared once and never change, so the first listing stays right.
const groupStateNames = new WeakMap<StatesGroupLike, ReadonlySet<string>>();

function stateNamesOf(group: StatesGroupLike): ReadonlySet<string> {
  let names = groupStateNames.get(group);
  if (!names) {
    names = new Set(group.stateList.map((state) => state.name));
    groupStateNames.set(group, names);
  }
  return names;
}

/** Whether the stored `current` state matches one `item`. */
function matches(current: string, item: StateFilterItem): boolean {
  if (item === '*') return true;
  if (typeof item === 'string') return current === item;
  if (item instanceof State) return current === item.name;
  if (isStatesGroup(item)) return stateNamesOf(item).has(current);
  return false;
}

/**
 * Key `state`: passes when the sender's state in this chat (and forum topic, and business
 * connection) matches the value. Works on every update {@link resolveStateContext} knows.
 * A conversation with no state never passes, not even `'*'`.
 */
export class StateFilter extends AdvancedCustomFilter<unknown, StateFilterValue> {
  /** The filter key. */
  readonly key = 'state';

  /** @param bot the bot, or anything with its `getState` */
  constructor(private readonly bot: StateSource) {
    super();
  }

  /** See {@link StateFilter}. */
  async check(obj: unknown, value: StateFilterValue): Promise<boolean> {
    const where = resolveStateContext(obj);
    if (!where) return false;
    const current = await this.bot.getState(where.userId, where.chatId, where.threadId, where.businessConnectionId);
    if (current === undefined || current === null) return false;
    const items: readonly StateFilterItem[] = Array.isArray(value) ? value : [value as StateFilterItem];
    return items.some((item) => matches(current, item));
  }
}
