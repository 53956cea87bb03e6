import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { BotApiEmulator, MAX_KEPT_FILE_BYTES } from '../src/testing/index.js';
import { MultipartParser } from '../src/testing/multipart.js';

const BOUNDARY = '----botteTestBoundary7MA4YWxkTrZu0gW';

/** Streams a multipart body with one text field and one generated file of `size` bytes; returns the file's sha256 too. */
function streamedUpload(size: number): { body: ReadableStream<Uint8Array>; sha256: Promise<string> } {
  const hash = createHash('sha256');
  let resolveHash!: (hex: string) => void;
  const sha256 = new Promise<string>((resolve) => (resolveHash = resolve));
  const block = Buffer.alloc(1024 * 1024);
  let sent = 0;
  let stage = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === 0) {
        stage = 1;
        controller.enqueue(
          Buffer.from(
            `--${BOUNDARY}\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n42\r\n` +
              `--${BOUNDARY}\r\nContent-Disposition: form-data; name="document"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
          ),
        );
      } else if (sent < size) {
        const n = Math.min(block.length, size - sent);
        // Varying content, so a parser that drops or repeats a chunk changes the hash.
        for (let i = 0; i < n; i += 4096) block.writeUInt32BE((sent + i) >>> 0, i);
        // Put the boundary's prefix at chunk edges to exercise split-delimiter handling.
        block.write('\r\n--', n - 4, 'latin1');
        const chunk = Buffer.from(block.subarray(0, n));
        hash.update(chunk);
        sent += n;
        controller.enqueue(chunk);
      } else {
        resolveHash(hash.digest('hex'));
        controller.enqueue(Buffer.from(`\r\n--${BOUNDARY}--\r\n`));
        controller.close();
      }
    },
  });
  return { body, sha256 };
}

describe('emulator multipart uploads', () => {
  let emu: BotApiEmulator;
  before(async () => {
    emu = await BotApiEmulator.start({ maxBodyBytes: 60 * 1024 * 1024 });
  });
  after(() => emu.stop());

  it('streams a 50 MB upload: hashed and counted, bytes not kept', async () => {
    const size = 50 * 1024 * 1024;
    const { body, sha256 } = streamedUpload(size);
    const res = await fetch(`${emu.url}/bot${emu.token}/sendDocument`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      body,
      duplex: 'half',
    } as RequestInit);
    const answer = await res.json();
    assert.equal(res.status, 200, JSON.stringify(answer));
    const call = emu.callsOf('sendDocument')[0]!;
    assert.equal(call.params.chat_id, 42);
    const file = call.files.document!;
    assert.equal(file.size, size);
    assert.equal(file.sha256, await sha256);
    assert.equal(file.filename, 'big.bin');
    assert.equal(file.data, undefined);
    assert.equal(answer.result.document.file_size, size);
    assert.equal(answer.result.document.file_name, 'big.bin');
  });

  it('answers 413 above maxBodyBytes', async () => {
    const small = await BotApiEmulator.start({ maxBodyBytes: 1024 });
    try {
      const fd = new FormData();
      fd.set('document', new Blob([Buffer.alloc(4096)]), 'x.bin');
      const res = await fetch(`${small.url}/bot${small.token}/sendDocument`, { method: 'POST', body: fd });
      assert.equal(res.status, 413);
      assert.equal((await res.json()).description, 'Request Entity Too Large');
    } finally {
      await small.stop();
    }
  });
});

describe('MultipartParser', () => {
  const body = Buffer.concat([
    Buffer.from('preamble to ignore\r\n'),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="text"\r\n\r\nline 1\r\n--not the boundary\r\n`),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"; filename*=UTF-8''%C3%A9t%C3%A9.jpg\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    Buffer.from([0, 1, 2, 13, 10, 45, 45, 255]),
    Buffer.from(
      `\r\n--${BOUNDARY}\r\nContent-Disposition: form-data; name="empty"\r\n\r\n\r\n--${BOUNDARY}--\r\nepilogue`,
    ),
  ]);

  for (const chunkSize of [1, 2, 3, 7, 64, body.length]) {
    it(`parses the same way when fed in chunks of ${chunkSize} bytes`, () => {
      const parser = new MultipartParser(BOUNDARY, { keepFileBytes: MAX_KEPT_FILE_BYTES, maxFieldBytes: 1024 });
      for (let i = 0; i < body.length; i += chunkSize) parser.write(body.subarray(i, i + chunkSize));
      const { fields, files } = parser.end();
      assert.deepEqual(fields, { text: 'line 1\r\n--not the boundary', empty: '' });
      assert.equal(files.photo!.filename, 'été.jpg');
      assert.equal(files.photo!.contentType, 'image/jpeg');
      assert.deepEqual([...files.photo!.data!], [0, 1, 2, 13, 10, 45, 45, 255]);
    });
  }

  it('drops the bytes of files above the keep limit but still hashes them', () => {
    const parser = new MultipartParser('b', { keepFileBytes: 4, maxFieldBytes: 1024 });
    parser.write(Buffer.from('--b\r\nContent-Disposition: form-data; name="f"; filename="f"\r\n\r\n123456\r\n--b--'));
    const file = parser.end().files.f!;
    assert.equal(file.size, 6);
    assert.equal(file.data, undefined);
    assert.equal(file.sha256, createHash('sha256').update('123456').digest('hex'));
  });

  it('rejects a body without its closing boundary', () => {
    const parser = new MultipartParser('b', { keepFileBytes: 4, maxFieldBytes: 1024 });
    parser.write(Buffer.from('--b\r\nContent-Disposition: form-data; name="f"\r\n\r\nvalue'));
    assert.throws(() => parser.end(), /closing boundary/);
  });
});
