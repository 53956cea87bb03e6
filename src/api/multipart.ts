/**
 * Streams a multipart/form-data body: fields first, then each file read chunk by chunk,
 * so that uploading a 200 MB file costs a few hundred kilobytes of memory.
 * @module
 */
import type { InputFile } from '../types/input-file.js';
import { LocalFileError } from './errors.js';
import { redactError } from '../util/redact.js';

/** A multipart body ready to send. */
export interface MultipartBody {
  /** The `content-type` header, with the boundary. */
  contentType: string;
  /** The body, produced lazily. */
  body: AsyncIterable<Uint8Array>;
  /** The total length when every part's size is known (lets the server see a Content-Length). */
  length?: number;
}

const CRLF = '\r\n';

function quote(value: string): string {
  // Quotes and line breaks would end the header early; RFC 7578 percent-encodes them.
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** `bytes` random bytes as hex, from Web Crypto (present on every runtime). */
function randomHex(bytes: number): string {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  let hex = '';
  for (const byte of random) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Encodes a field value the way Telegram reads it: strings as is, everything else as JSON. */
export function fieldValue(value: unknown): string {
  if (typeof value === 'string') return value;
  // Numbers and booleans print the same as JSON, without the serializer's cost.
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The file's size; a local path is checked here, so a missing file is reported as ours, not Telegram's. */
async function localSize(file: InputFile, method: string): Promise<number | undefined> {
  const source = file.source as { path?: unknown; pipe?: unknown };
  if (typeof source.path !== 'string' || typeof source.pipe === 'function') return file.size();
  let info: Awaited<ReturnType<typeof import('node:fs/promises').stat>>;
  try {
    // Loaded on use: only a path source needs the file system (absent on Workers).
    const { stat } = await import('node:fs/promises');
    info = await stat(source.path);
  } catch (error) {
    // The path (and so the system error) may hold the token, e.g. a file named after the bot.
    throw redactError(new LocalFileError(method, source.path, error));
  }
  if (info.isDirectory()) throw redactError(new LocalFileError(method, source.path, { code: 'EISDIR' }));
  return info.size;
}

/**
 * Builds a streamed multipart body from plain `fields` and `files` (field name → file) for
 * `method`. A local path that cannot be read fails here with a {@link LocalFileError}, before
 * anything is sent.
 */
export async function buildMultipart(
  fields: Record<string, unknown>,
  files: ReadonlyMap<string, InputFile>,
  method = 'upload',
): Promise<MultipartBody> {
  const boundary = `----botte${randomHex(12)}`;
  const encoder = new TextEncoder();
  let head = '';
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || value === null) continue;
    head += `--${boundary}${CRLF}Content-Disposition: form-data; name="${quote(name)}"${CRLF}${CRLF}${fieldValue(value)}${CRLF}`;
  }
  const fileHeads: [Uint8Array, InputFile][] = [];
  let length: number | undefined = 0;
  for (const [name, file] of files) {
    const fileHead = encoder.encode(
      `--${boundary}${CRLF}Content-Disposition: form-data; name="${quote(name)}"; filename="${quote(file.filename)}"${CRLF}` +
        `Content-Type: application/octet-stream${CRLF}${CRLF}`,
    );
    fileHeads.push([fileHead, file]);
    const size = await localSize(file, method);
    length = size === undefined || length === undefined ? undefined : length + fileHead.byteLength + size + 2;
  }
  const headBytes = encoder.encode(head);
  const tail = encoder.encode(`--${boundary}--${CRLF}`);
  const crlf = encoder.encode(CRLF);
  if (length !== undefined) length += headBytes.byteLength + tail.byteLength;

  async function* body(): AsyncIterable<Uint8Array> {
    if (headBytes.byteLength) yield headBytes;
    for (const [fileHead, file] of fileHeads) {
      yield fileHead;
      for await (const chunk of file.chunks()) yield typeof chunk === 'string' ? encoder.encode(chunk) : chunk;
      yield crlf;
    }
    yield tail;
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: body(), length };
}
