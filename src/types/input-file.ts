/**
 * A file to upload. Anywhere the Bot API takes a file, a `string` is a file_id or a URL
 * (Telegram fetches it) and an `InputFile` (or a Buffer, Uint8Array, Blob or readable stream
 * given directly) is uploaded as multipart form data.
 * @module
 */
import { baseName as basename, nodeFs, nodeFsPromises } from '../runtime/node-only.js';

/** What an {@link InputFile} can be made of. */
export type InputFileSource =
  | string
  | URL
  | Buffer
  | Uint8Array
  | Blob
  | NodeJS.ReadableStream
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>;

/** Anything Botte uploads when it is given where Telegram takes a file. */
export type Uploadable = InputFile | Buffer | Uint8Array | Blob | NodeJS.ReadableStream | ReadableStream<Uint8Array>;

/**
 * A file to upload: a local path (`string` or file `URL`), bytes, a Blob or a stream.
 * Paths and streams are streamed to Telegram, never read into memory whole.
 *
 * ```ts
 * await bot.sendDocument(chatId, new types.InputFile('report.pdf'));
 * await bot.sendPhoto(chatId, new types.InputFile(buffer, 'cat.jpg'));
 * ```
 */
export class InputFile {
  /** The name Telegram shows for the file. */
  readonly filename: string;
  /** Where the bytes come from. */
  readonly source: Exclude<InputFileSource, string> | { path: string };

  /**
   * @param source a local file path, a file URL, bytes, a Blob or a readable stream
   * @param filename the name to show; defaults to the path's base name, a stream's `path`, or `file`
   */
  constructor(source: InputFileSource, filename?: string) {
    if (typeof source === 'string' || (source instanceof URL && source.protocol === 'file:')) {
      const path = typeof source === 'string' ? source : decodeURIComponent(source.pathname);
      this.source = { path };
      this.filename = filename ?? basename(path);
    } else {
      this.source = source;
      this.filename = filename ?? ownName(source) ?? 'file';
    }
  }

  /** The byte length when it is known without reading the data (bytes, Blobs and paths). */
  async size(): Promise<number | undefined> {
    const source = this.source;
    if ('path' in source && typeof source.path === 'string' && !isStream(source)) {
      return (await (await nodeFsPromises('InputFile from a path')).stat(source.path)).size;
    }
    if (source instanceof Uint8Array) return source.byteLength;
    if (typeof Blob !== 'undefined' && source instanceof Blob) return source.size;
    return undefined;
  }

  /** The contents as an async stream of chunks; paths and streams are read lazily. */
  chunks(): AsyncIterable<Uint8Array> {
    const source = this.source;
    if (source instanceof Uint8Array)
      return (async function* () {
        yield source;
      })();
    if (typeof Blob !== 'undefined' && source instanceof Blob)
      return webStreamChunks(source.stream() as ReadableStream<Uint8Array>);
    if (source instanceof URL) throw new TypeError(`Only file: URLs can be uploaded, got ${source.protocol}`);
    if ('path' in source && typeof source.path === 'string' && !isStream(source)) {
      return fileChunks(source.path);
    }
    if (typeof (source as ReadableStream).getReader === 'function')
      return webStreamChunks(source as ReadableStream<Uint8Array>);
    return source as AsyncIterable<Uint8Array>;
  }

  /** Serialised alone, an InputFile is its name: the bytes travel as a separate multipart part. */
  toJSON(): string {
    return this.filename;
  }
}

/** A local file, read lazily in 256 KB chunks (node:fs is loaded here, so Workers can import Botte). */
async function* fileChunks(path: string): AsyncIterable<Uint8Array> {
  const fs = await nodeFs('InputFile from a path');
  yield* fs.createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Uint8Array>;
}

/** The chunks of a Web ReadableStream, on every runtime (no node:stream needed). */
export async function* webStreamChunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

function isStream(value: unknown): boolean {
  return (
    typeof (value as { pipe?: unknown }).pipe === 'function' ||
    typeof (value as { getReader?: unknown }).getReader === 'function'
  );
}

/** True when `value` is something Botte uploads rather than sends as JSON. */
export function isUploadable(value: unknown): value is Uploadable {
  if (value === null || typeof value !== 'object') return false;
  return (
    value instanceof InputFile ||
    value instanceof Uint8Array ||
    (typeof Blob !== 'undefined' && value instanceof Blob) ||
    isStream(value)
  );
}

/** The name a source carries itself: a File's `name`, a file stream's `path` (its base name). */
function ownName(source: object): string | undefined {
  const blobName =
    typeof Blob !== 'undefined' && source instanceof Blob ? (source as { name?: unknown }).name : undefined;
  if (typeof blobName === 'string' && blobName) return blobName;
  const streamPath = (source as { path?: unknown }).path;
  return typeof streamPath === 'string' ? basename(streamPath) : undefined;
}

/**
 * Wraps any {@link Uploadable} into an {@link InputFile}. `fallbackName` names only a source
 * without a name of its own: a file stream or a File given directly keeps its name
 * (test/api-upload-names.test.ts).
 */
export function toInputFile(value: Uploadable, fallbackName?: string): InputFile {
  if (value instanceof InputFile) return value;
  return new InputFile(value as InputFileSource, ownName(value) ?? fallbackName);
}
