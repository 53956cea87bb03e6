/**
 * Whether `/cmd@name` is addressed to this bot: `name` is its username or one of its other
 * active usernames (Bot API 10.5 `BotFullInfo.active_usernames`, e.g. collectible usernames).
 * @module
 */
import type { BotFullInfo } from '../api/generated/telegram-types.js';

// Lower-cased names per getMe answer, worked out once (the answer object is kept by the bot).
const namesOf = new WeakMap<BotFullInfo, ReadonlySet<string>>();

/** Every username of the bot, lower-cased (Telegram usernames are case-insensitive). */
export function ownUsernames(info: BotFullInfo): ReadonlySet<string> {
  let names = namesOf.get(info);
  if (names === undefined) {
    const all = new Set<string>();
    if (typeof info.username === 'string') all.add(info.username.toLowerCase());
    if (Array.isArray(info.active_usernames)) {
      for (const name of info.active_usernames) if (typeof name === 'string') all.add(name.toLowerCase());
    }
    names = all;
    namesOf.set(info, names);
  }
  return names;
}

/** Whether lower-cased `target` (from `/cmd@target`) is one of the bot's usernames. */
export function isOwnUsername(info: BotFullInfo | undefined, target: string): boolean {
  return info !== undefined && ownUsernames(info).has(target);
}
