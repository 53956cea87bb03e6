/**
 * Streams a multipart/form-data body: fields first, then each file read chunk by chunk,
 * so that uploading a 200 MB file costs a few hundred kilobytes of memory.
 * @module
 */
import type { InputFile } from '../types/input-file.js';

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

/** Builds a streamed multipart body from plain `fields` and `files` (field name → file). */
export async function buildMultipart(fields: Record<string, unknown>, files: ReadonlyMap<string, InputFile>): Promise<MultipartBody> {
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
    const size = await file.size();
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
