/**
 * Passport files as {@link DecryptedPassportFile} descriptors: nothing is downloaded or
 * decrypted until asked, and `decryptStream` works chunk by chunk in constant memory.
 * @module
 */
import { decryptBlob, keyAndIv, nodeCrypto } from './crypto.js';
import { PassportDecryptionError } from './errors.js';
import { webStreamChunks } from '../types/input-file.js';
import type { DecryptedPassportFile, PassportElementType, PassportFile, PassportFileDownloader } from './types.js';

function chunksOf(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): AsyncIterator<Uint8Array> {
  const chunks =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<Uint8Array>)
      : webStreamChunks(source as ReadableStream<Uint8Array>);
  return chunks[Symbol.asyncIterator]();
}

function streamDecrypt(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  secret: Buffer,
  hash: Buffer,
  element: PassportElementType,
): ReadableStream<Uint8Array> {
  const what = 'a passport file';
  let iterator: AsyncIterator<Uint8Array> | undefined;
  let state: Awaited<ReturnType<typeof open>> | undefined;
  let toSkip = -1; // padding bytes still to drop; -1 until the first byte is seen
  let total = 0;

  async function open() {
    const crypto = await nodeCrypto();
    const { key, iv } = keyAndIv(crypto, secret, hash);
    return {
      crypto,
      decipher: crypto.createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false),
      hasher: crypto.createHash('sha256'),
    };
  }

  function plain(out: Buffer): Uint8Array | undefined {
    if (out.length === 0) return undefined;
    state!.hasher.update(out);
    let rest = out;
    if (toSkip < 0) {
      toSkip = rest[0]!;
      if (toSkip < 32) throw new PassportDecryptionError(`${what} has an invalid padding`, 'padding', element);
    }
    if (toSkip > 0) {
      const dropped = Math.min(toSkip, rest.length);
      toSkip -= dropped;
      rest = rest.subarray(dropped);
    }
    return rest.length > 0 ? new Uint8Array(rest) : undefined;
  }

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        state ??= await open();
        iterator ??= chunksOf(source);
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            const last = plain(state.decipher.final());
            const actual = state.hasher.digest();
            if (total % 16 !== 0 || total === 0 || !state.crypto.timingSafeEqual(actual, hash) || toSkip > 0) {
              throw new PassportDecryptionError(
                `${what} failed its hash check (wrong secret or tampered data)`,
                'hash',
                element,
              );
            }
            if (last) controller.enqueue(last);
            controller.close();
            return;
          }
          total += next.value.length;
          const out = plain(state.decipher.update(next.value));
          if (out) {
            controller.enqueue(out);
            return;
          }
        }
      } catch (error) {
        controller.error(
          error instanceof PassportDecryptionError
            ? error
            : new PassportDecryptionError(`${what} could not be decrypted`, 'format', element),
        );
      }
    },
    async cancel() {
      await iterator?.return?.(undefined);
    },
  });
}

/** Builds the descriptor of `file`, decrypted with its credentials `{ file_hash, secret }`. */
export function passportFile(
  file: PassportFile,
  credentials: { file_hash: string; secret: string },
  secret: Buffer,
  hash: Buffer,
  element: PassportElementType,
): DecryptedPassportFile {
  const decrypt = async (encrypted: Uint8Array): Promise<Uint8Array> => {
    const crypto = await nodeCrypto();
    const bytes = Buffer.isBuffer(encrypted)
      ? encrypted
      : Buffer.from(encrypted.buffer, encrypted.byteOffset, encrypted.byteLength);
    return new Uint8Array(decryptBlob(crypto, bytes, secret, hash, 'a passport file', element));
  };
  const descriptor: DecryptedPassportFile = {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    file_size: file.file_size,
    file_date: file.file_date,
    file_hash: credentials.file_hash,
    decrypt,
    decryptStream: (encrypted) => streamDecrypt(encrypted, secret, hash, element),
    async download(bot: PassportFileDownloader) {
      let encrypted: Uint8Array;
      try {
        const info = await bot.getFile(file.file_id);
        if (!info.file_path) throw new Error('no file_path');
        encrypted = await bot.downloadFile(info.file_path);
      } catch (error) {
        const detail = error instanceof Error ? `: ${error.message}` : '';
        throw new PassportDecryptionError(`downloading a passport file failed${detail}`, 'download', element);
      }
      return decrypt(encrypted);
    },
  };
  return descriptor;
}
