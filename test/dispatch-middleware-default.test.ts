// Function middlewares are off until asked for, as in pyTelegramBotAPI (`apihelper.ENABLE_MIDDLEWARE`
// is False there too): a bot made without `useMiddleware` refuses `middlewareHandler` with an
// error that says how to turn them on. Its own file, so no other test has touched the setting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apihelper } from '../src/api/settings.js';
import { Botte } from '../src/index.js';

test('apihelper.ENABLE_MIDDLEWARE starts false: middlewareHandler needs it or useMiddleware', () => {
  assert.equal(apihelper.ENABLE_MIDDLEWARE, false);
  const bot = new Botte('123:abc');
  assert.throws(() => bot.middlewareHandler({ updateTypes: ['message'] }), /ENABLE_MIDDLEWARE = true/);
  const enabled = new Botte('123:abc', { useMiddleware: true });
  assert.doesNotThrow(() => enabled.middlewareHandler({ updateTypes: ['message'] })(() => {}));
});
