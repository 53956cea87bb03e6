// The bot-wide defaults (`protectContent`, `disableNotification`) fill a call's parameter only
// when the call leaves it out: a call that says `false` keeps its `false`
// (src/api/prepare-params.ts).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startClient } from './helpers.js';

const ctx = await startClient({ protectContent: true, disableNotification: true });
after(() => ctx.close());

test("a call's own protect_content / disable_notification wins over the bot's default", async () => {
  await ctx.bot.sendMessage(1, 'explicit', { protect_content: false, disable_notification: false });
  const explicit = ctx.emu.callsOf('sendMessage').at(-1)!.params;
  assert.equal(explicit.protect_content, false);
  assert.equal(explicit.disable_notification, false);
  await ctx.bot.sendMessage(1, 'defaulted');
  const defaulted = ctx.emu.callsOf('sendMessage').at(-1)!.params;
  assert.equal(defaulted.protect_content, true);
  assert.equal(defaulted.disable_notification, true);
});
