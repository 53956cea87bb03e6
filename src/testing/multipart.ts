/**
 * A streaming `multipart/form-data` parser. File parts are hashed and counted chunk by chunk and
 * their bytes kept only up to a limit, so a 200 MB upload never sits in memory.
 * @module
 */
import { createHash, type Hash } from 'node:crypto';
import type { UploadedFile } from './types.js';

/** Raised for a body that is not valid multipart; the emulator answers 400. */
export class MultipartError extends Error {
  /** Creates the error. */
  constructor(message: string) {
    super(message);
    this.name = 'MultipartError';
  }
}

/** What {@link MultipartParser} produced. */
export interface MultipartResult {
  /** Non-file fields, decoded as UTF-8. */
  fields: Record<string, string>;
  /** File parts by field name. */
  files: Record<string, UploadedFile>;
}

/** Limits of {@link MultipartParser}. */
export interface MultipartLimits {
  /** File parts up to this size keep their bytes. */
  keepFileBytes: number;
  /** Largest non-file field (larger is a 400). */
  maxFieldBytes: number;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

interface OpenPart {
  name: string;
  filename?: string;
  contentType: string;
  size: number;
  hash?: Hash;
  chunks: Buffer[] | undefined;
}

/** Extracts the boundary from a `multipart/form-data; boundary=...` content type. */
export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary !== undefined && boundary.length > 0 && boundary.length <= 200 ? boundary : undefined;
}

/** Reads `name` and `filename` (also RFC 5987 `filename*`) from a Content-Disposition value. */
function parseDisposition(value: string): { name?: string; filename?: string } {
  const out: { name?: string; filename?: string } = {};
  const re = /;\s*([a-zA-Z*]+)=(?:"((?:\\.|[^"\\])*)"|([^;]*))/g;
  for (let m = re.exec(value); m !== null; m = re.exec(value)) {
    const key = m[1]!.toLowerCase();
    const raw = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!.trim();
    if (key === 'name') out.name = raw;
    else if (key === 'filename' && out.filename === undefined) out.filename = raw;
    else if (key === 'filename*') {
      // filename*=UTF-8''na%C3%AFve.txt wins over a plain filename.
      const star = /^[^']*'[^']*'(.*)$/.exec(raw);
      try {
        out.filename = decodeURIComponent(star ? star[1]! : raw);
      } catch {
        out.filename = raw;
      }
    }
  }
  return out;
}

/**
 * Push-style parser: feed it chunks with {@link write} as they arrive, then call {@link end}.
 * States: looking for the first delimiter, reading part headers, streaming part data.
 */
export class MultipartParser {
  private readonly delimiter: Buffer; // "--boundary"
  private readonly partEnd: Buffer; // "\r\n--boundary"
  private buffer: Buffer = Buffer.alloc(0);
  private state: 'preamble' | 'after-delimiter' | 'headers' | 'data' | 'done' = 'preamble';
  private part: OpenPart | undefined;
  private readonly fields: Record<string, string> = {};
  private readonly files: Record<string, UploadedFile> = {};

  /** Creates a parser for the given boundary. */
  constructor(
    boundary: string,
    private readonly limits: MultipartLimits,
  ) {
    this.delimiter = Buffer.from(`--${boundary}`, 'latin1');
    this.partEnd = Buffer.from(`\r\n--${boundary}`, 'latin1');
  }

  /**
   * Consumes one chunk of the body. The parser may keep references to `chunk`: do not reuse it.
   * Throws {@link MultipartError} on malformed input.
   */
  write(chunk: Buffer): void {
    if (this.state === 'done') return; // epilogue: ignored, as RFC 2046 says
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    this.process();
  }

  /** Finishes parsing; throws when the closing delimiter never came. */
  end(): MultipartResult {
    if (this.state !== 'done') throw new MultipartError('multipart body ended before its closing boundary');
    return { fields: this.fields, files: this.files };
  }

  private process(): void {
    for (;;) {
      switch (this.state) {
        case 'preamble': {
          // The first delimiter may start the body or follow a preamble line.
          const at = this.buffer.indexOf(this.delimiter);
          if (at < 0) {
            if (this.buffer.length > MAX_HEADER_BYTES) throw new MultipartError('no multipart boundary found');
            return;
          }
          this.buffer = this.buffer.subarray(at + this.delimiter.length);
          this.state = 'after-delimiter';
          break;
        }
        case 'after-delimiter': {
          // "--" closes the body; otherwise optional transport padding then CRLF.
          if (this.buffer.length < 2) return;
          if (this.buffer[0] === 0x2d && this.buffer[1] === 0x2d) {
            this.state = 'done';
            this.buffer = Buffer.alloc(0);
            return;
          }
          const eol = this.buffer.indexOf(CRLF);
          if (eol < 0) {
            if (this.buffer.length > 1024) throw new MultipartError('malformed multipart delimiter line');
            return;
          }
          if (this.buffer.subarray(0, eol).toString('latin1').trim() !== '') {
            throw new MultipartError('malformed multipart delimiter line');
          }
          this.buffer = this.buffer.subarray(eol + 2);
          this.state = 'headers';
          break;
        }
        case 'headers': {
          const end = this.buffer.indexOf(HEADER_END);
          // A part with no headers at all starts with the blank line directly.
          const blankFirst = this.buffer.length >= 2 && this.buffer[0] === 0x0d && this.buffer[1] === 0x0a;
          if (end < 0 && !blankFirst) {
            if (this.buffer.length > MAX_HEADER_BYTES) throw new MultipartError('multipart part headers too large');
            return;
          }
          const headerText = blankFirst ? '' : this.buffer.subarray(0, end).toString('utf8');
          this.buffer = this.buffer.subarray(blankFirst ? 2 : end + 4);
          this.openPart(headerText);
          this.state = 'data';
          break;
        }
        case 'data': {
          const at = this.buffer.indexOf(this.partEnd);
          if (at < 0) {
            // Keep a tail that could be the start of a split delimiter.
            const keep = Math.min(this.buffer.length, this.partEnd.length - 1);
            const emit = this.buffer.length - keep;
            if (emit > 0) {
              this.partData(this.buffer.subarray(0, emit));
              this.buffer = Buffer.from(this.buffer.subarray(emit));
            }
            return;
          }
          this.partData(this.buffer.subarray(0, at));
          this.closePart();
          this.buffer = this.buffer.subarray(at + this.partEnd.length);
          this.state = 'after-delimiter';
          break;
        }
        case 'done':
          return;
      }
    }
  }

  private openPart(headerText: string): void {
    let disposition: { name?: string; filename?: string } = {};
    let contentType = '';
    for (const line of headerText.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === 'content-disposition') disposition = parseDisposition(value);
      else if (key === 'content-type') contentType = value;
    }
    if (disposition.name === undefined) throw new MultipartError('multipart part without a name');
    const isFile = disposition.filename !== undefined;
    this.part = {
      name: disposition.name,
      filename: disposition.filename,
      contentType: contentType || (isFile ? 'application/octet-stream' : 'text/plain'),
      size: 0,
      hash: isFile ? createHash('sha256') : undefined,
      chunks: [],
    };
  }

  private partData(data: Buffer): void {
    const part = this.part!;
    if (data.length === 0) return;
    part.size += data.length;
    if (part.hash) {
      part.hash.update(data);
      // No copy needed: chunks handed to write() are fresh buffers the parser owns.
      if (part.chunks && part.size <= this.limits.keepFileBytes) part.chunks.push(data);
      else part.chunks = undefined; // too big to keep: only hash and size remain
    } else {
      if (part.size > this.limits.maxFieldBytes)
        throw new MultipartError(`multipart field "${part.name}" is too large`);
      part.chunks!.push(data);
    }
  }

  private closePart(): void {
    const part = this.part!;
    this.part = undefined;
    if (part.hash) {
      this.files[part.name] = {
        field: part.name,
        filename: part.filename ?? '',
        size: part.size,
        sha256: part.hash.digest('hex'),
        contentType: part.contentType,
        ...(part.chunks ? { data: Buffer.concat(part.chunks) } : {}),
      };
    } else {
      this.fields[part.name] = Buffer.concat(part.chunks!).toString('utf8');
    }
  }
}
