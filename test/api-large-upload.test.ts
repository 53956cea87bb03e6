// A 200 MB upload from a stream is streamed: the process's RSS must grow by less than 50 MB.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { startClient } from './helpers.js';
import { InputFile } from '../src/types/input-file.js';

const TOTAL = 200 * 1024 * 1024;
const CHUNK = 64 * 1024;

test('a 200 MB stream upload keeps RSS growth under 50 MB', async () => {
  const { bot, emu, close } = await startClient();
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
    await bot.sendDocument(1, new InputFile(streamOf(8 * 1024 * 1024), 'warm.bin'));
    global.gc?.();
    const source = streamOf(TOTAL);
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 10);
    const started = Date.now();
    const message = await bot.sendDocument(1, new InputFile(source, 'big.bin'));
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const growthMb = (peak - baseline) / 1024 / 1024;
    const seconds = (Date.now() - started) / 1000;
    console.log(`# 200 MB stream upload: RSS growth ${growthMb.toFixed(1)} MB, ${seconds.toFixed(2)} s`);
    const file = emu.callsOf('sendDocument').at(-1)!.files.document!;
    assert.equal(file.size, TOTAL);
    assert.equal(file.sha256, expected.digest('hex'));
    assert.equal(message.content_type, 'document');
    assert.ok(growthMb < 50, `RSS grew by ${growthMb.toFixed(1)} MB`);
  } finally {
    await close();
  }
});
