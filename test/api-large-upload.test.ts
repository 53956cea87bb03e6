// A 200 MB upload from a stream is streamed: the bot process's RSS must grow by less than 50 MB.
// The emulator runs in a child process so that only the bot's memory is measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { ApiClient } from '../src/api/client.js';
import { InputFile } from '../src/types/input-file.js';

const TOTAL = 200 * 1024 * 1024;
const CHUNK = 64 * 1024;

test('a 200 MB stream upload keeps RSS growth under 50 MB', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/emulator-process.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async () => JSON.parse((await lines.next()).value as string);
  const { apiUrl, token } = await nextLine();
  const bot = new ApiClient(token, { apiUrl });
  try {
    const chunk = Buffer.alloc(CHUNK, 7);
    const expected = createHash('sha256');
    for (let sent = 0; sent < TOTAL; sent += CHUNK) expected.update(chunk);
    const streamOf = (total: number) => {
      let produced = 0;
      return new Readable({
        read() {
          if (produced >= total) return this.push(null);
          produced += CHUNK;
          this.push(chunk);
        },
      });
    };
    // Warm the upload path up (code loading and compilation, pools) so that one-time costs
    // are not counted as growth caused by the size of the upload.
    await bot.sendDocument(1, new InputFile(streamOf(48 * 1024 * 1024), 'warm.bin'));
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const started = Date.now();
    const message = await bot.sendDocument(1, new InputFile(streamOf(TOTAL), 'big.bin'));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthMb = (peak - baseline) / 1024 / 1024;
    const seconds = (Date.now() - started) / 1000;
    console.log(`# 200 MB stream upload: RSS growth ${growthMb.toFixed(1)} MB, ${seconds.toFixed(2)} s`);
    child.stdin!.write('files sendDocument\n');
    const files = await nextLine();
    assert.deepEqual(files.document, { size: TOTAL, sha256: expected.digest('hex') });
    assert.equal(message.content_type, 'document');
    assert.ok(growthMb < 50, `RSS grew by ${growthMb.toFixed(1)} MB`);
  } finally {
    await bot.closeSession();
    child.stdin!.end();
    child.kill();
  }
});
