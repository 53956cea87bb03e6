// Where fetch cannot send a request body as a stream (Cloudflare Workers), the Web fetch transport
// (src/api/transport-fetch.ts) collects a multipart upload first and sends it whole: it arrives
// with its Content-Length, every byte in order. Node's fetch can stream, so this file plays such
// a runtime: its `Request` is swapped, for the one probe, for one that ignores `duplex` (the
// standard sign of request streams). The answer is kept for the process, as on a real runtime.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ApiClient } from '../src/api/client.js';
import { supportsStreamedBodies } from '../src/api/transport-fetch.js';
import { InputFile } from '../src/types/input-file.js';
import { BotApiEmulator } from '../src/testing/index.js';

const NodeRequest = globalThis.Request;
/** A Request of a runtime without request streams: it never reads `duplex`, nor the body. */
class NoStreamsRequest extends NodeRequest {
  constructor(input: string, init: RequestInit) {
    super(input, { method: init.method });
  }
}
globalThis.Request = NoStreamsRequest as typeof Request;
let streams: boolean;
try {
  streams = supportsStreamedBodies();
} finally {
  globalThis.Request = NodeRequest;
}

const emu = await BotApiEmulator.start();
const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, transport: 'fetch' });
after(async () => {
  await bot.closeSession();
  await emu.stop();
});

test('a runtime whose Request ignores `duplex` is known not to stream request bodies', () => {
  assert.equal(streams, false);
  assert.equal(supportsStreamedBodies(), false, 'the answer is kept for the process');
});

test('there, an unsized upload is sent whole: with its Content-Length, every byte in order', async () => {
  const parts = Array.from({ length: 48 }, (_, i) => Buffer.alloc(16 * 1024, i));
  const whole = Buffer.concat(parts);
  await bot.sendDocument(1, new InputFile(Readable.from(parts), 'big.bin'), { caption: 'buffered' });
  const call = emu.callsOf('sendDocument').at(-1)!;
  assert.equal(call.headers['transfer-encoding'], undefined, 'a streamed body would be chunked');
  assert.ok(Number(call.headers['content-length']) > whole.length, 'the whole multipart body, announced');
  assert.equal(call.params.caption, 'buffered');
  const file = call.files.document!;
  assert.equal(file.size, whole.length);
  assert.equal(file.sha256, createHash('sha256').update(whole).digest('hex'));
});

test('there, a one-chunk upload and JSON calls go through unchanged', async () => {
  await bot.sendDocument(1, new InputFile(Buffer.from('one chunk'), 'small.txt'));
  assert.equal(emu.callsOf('sendDocument').at(-1)!.files.document!.size, 9);
  assert.equal((await bot.sendMessage(1, 'plain JSON')).text, 'plain JSON');
});
