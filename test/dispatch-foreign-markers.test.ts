// SkipHandler, CancelUpdate and ContinueHandling made by another copy of Botte (the ESM and the
// CommonJS build loaded in one process, or two installed versions): `instanceof` fails for them,
// so dispatch recognises them by their `botteMarker`. Plain objects carrying the marker stand in
// for such instances here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';
import { BaseMiddleware } from '../src/dispatch/handler-backends.js';
import type { Message } from '../src/types/message.js';

const harness = await useDispatchHarness();
const { emu } = harness;

/** A class middleware whose preProcess answers `marker` for messages reading "skip" or "cancel". */
class ForeignMarkers extends BaseMiddleware {
  updateTypes = ['message'];
  constructor(private readonly seen: string[]) {
    super();
  }
  override preProcess(message: Message): unknown {
    if (message.text === 'skip') return { botteMarker: 'SkipHandler' };
    if (message.text === 'cancel') return { botteMarker: 'CancelUpdate' };
    return undefined;
  }
  override postProcess(message: Message): unknown {
    this.seen.push(`post:${message.text}`);
    return undefined;
  }
}

test("another copy's SkipHandler skips the handlers, its CancelUpdate drops the update", async () => {
  const { bot, feed } = harness.setup({ useClassMiddlewares: true });
  const seen: string[] = [];
  bot.setupMiddleware(new ForeignMarkers(seen));
  bot.handleMsg({}, (m) => {
    seen.push(`handler:${m.text}`);
  });
  for (const text of ['skip', 'cancel', 'plain']) emu.pushMessage(text);
  await feed();
  assert.deepEqual(seen, ['post:skip', 'handler:plain', 'post:plain']);
});

test("another copy's ContinueHandling goes on to the next matching handler", async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.handleMsg({}, (m) => {
    seen.push(`first:${m.text}`);
    return m.text === 'go on' ? { botteMarker: 'ContinueHandling' } : undefined;
  });
  bot.handleMsg({}, (m) => {
    seen.push(`second:${m.text}`);
  });
  emu.pushMessage('go on');
  emu.pushMessage('stop');
  await feed();
  assert.deepEqual(seen, ['first:go on', 'second:go on', 'first:stop']);
});
