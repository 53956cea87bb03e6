// The Web fetch transport (src/api/transport-fetch.ts) streams an upload where the runtime can
// send a request body stream (Node, Bun, Deno) instead of holding the whole file in memory first:
// an unsized stream then arrives chunked, with no Content-Length, and intact. Only Cloudflare
// Workers get a buffered body (test/runtimes covers that runtime).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { ApiClient } from '../src/api/client.js';
import { supportsStreamedBodies } from '../src/api/transport-fetch.js';
import { InputFile } from '../src/types/input-file.js';
import { BotApiEmulator } from '../src/testing/index.js';

const emu = await BotApiEmulator.start();
const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, transport: 'fetch' });
after(async () => {
  await bot.closeSession();
  await emu.stop();
});

test("Node's fetch is known to stream request bodies", () => {
  assert.equal(supportsStreamedBodies(), true);
  assert.equal(supportsStreamedBodies(), true, 'the answer is kept, and stays the same');
});

test("transport: 'fetch' streams an unsized upload: no Content-Length, every byte arrives", async () => {
  const parts = Array.from({ length: 64 }, (_, i) => Buffer.alloc(16 * 1024, i));
  const whole = Buffer.concat(parts);
  await bot.sendDocument(1, new InputFile(Readable.from(parts), 'big.bin'), { caption: 'streamed' });
  const call = emu.callsOf('sendDocument').at(-1)!;
  assert.equal(call.headers['content-length'], undefined, 'a buffered body would carry its length');
  assert.equal(call.headers['transfer-encoding'], 'chunked');
  assert.equal(call.params.caption, 'streamed');
  const file = call.files.document!;
  assert.equal(file.size, whole.length);
  assert.equal(file.sha256, createHash('sha256').update(whole).digest('hex'));
});
