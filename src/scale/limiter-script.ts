/**
 * The Lua script behind `RedisFloodControl`: every decision of the shared limiter is one atomic
 * script run in Redis, on Redis's clock (`TIME`), so processes on machines whose clocks differ
 * still share one schedule.
 *
 * Keys (both in one Cluster slot, see `limiterKeys` in src/scale/limiter.ts):
 * - `KEYS[1]`, the bot's hash: `next` (ms, when the next message of the bot may leave, i.e. the
 *   bot-wide schedule of about 30 a second) and `pause` (ms, end of a bot-wide 429 pause);
 * - `KEYS[2]`, the chat's hash, absent for calls without a chat: `next` (earliest release of the
 *   chat's next message) and `pause` (end of the chat's 429 pause).
 *
 * Modes (`ARGV[1]`):
 * - `take`: when the chat is ready (its spacing passed, no pause), takes the bot's next slot and
 *   moves the chat's `next` to that slot plus the chat interval; answers `{0, 0}` (send now) or
 *   `{1, ms}` (a slot `ms` from now: sleep, then `check`). When the chat is not ready, takes
 *   nothing and answers `{2, ms}` (ask again in `ms`). A chat that must wait so never reserves
 *   bot-wide capacity in the future: the same order as the in-process limiter (src/api/flood-control.ts).
 * - `check`: after sleeping until a slot, `{0, 0}` unless a pause began meanwhile (`{2, ms}`: the
 *   slot is given up and the caller takes a new one once the pause is over).
 * - `pause`: extends the chat's pause (or the bot's, without a chat) to now + `ARGV[4]` ms.
 *
 * `ARGV[2]` and `ARGV[3]` are the bot-wide and the chat interval in ms. Each hash expires a
 * second after its last `next`/`pause` passed, so idle chats cost no memory.
 * @module
 */
import { createHash } from 'node:crypto';

/** The script's source. */
export const LIMITER_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local mode = ARGV[1]
local bot = KEYS[1]
local chat = KEYS[2]
local function field(key, name)
  local value = redis.call('HGET', key, name)
  if value then return tonumber(value) end
  return 0
end
local function keep(key)
  local last = math.max(field(key, 'next'), field(key, 'pause'))
  redis.call('PEXPIRE', key, math.max(1000, math.ceil(last - now) + 1000))
end
if mode == 'pause' then
  local target = chat or bot
  local till = now + tonumber(ARGV[4])
  if field(target, 'pause') < till then redis.call('HSET', target, 'pause', string.format('%.0f', till)) end
  keep(target)
  return {0, 0}
end
local paused = field(bot, 'pause')
if chat then paused = math.max(paused, field(chat, 'pause')) end
if mode == 'check' then
  if paused > now then return {2, math.ceil(paused - now)} end
  return {0, 0}
end
local ready = math.max(now, paused)
if chat then ready = math.max(ready, field(chat, 'next')) end
if ready > now then return {2, math.ceil(ready - now)} end
local slot = math.max(now, field(bot, 'next'))
redis.call('HSET', bot, 'next', string.format('%.3f', slot + tonumber(ARGV[2])))
keep(bot)
if chat then
  redis.call('HSET', chat, 'next', string.format('%.3f', slot + tonumber(ARGV[3])))
  keep(chat)
end
if slot > now then return {1, math.ceil(slot - now)} end
return {0, 0}
`;

/** SHA-1 of {@link LIMITER_SCRIPT}, for `EVALSHA`. */
export const LIMITER_SCRIPT_SHA = createHash('sha1').update(LIMITER_SCRIPT).digest('hex');

/** What a run of the script asks the caller to do: the first number of its answer. */
export const VERDICT = {
  /** Send now. */
  go: 0,
  /** A slot was taken that far ahead: sleep, then run `check`. */
  slotAhead: 1,
  /** Nothing was taken (chat spacing or a pause): sleep, then run `take` again. */
  notReady: 2,
} as const;
