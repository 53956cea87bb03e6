/**
 * Reads a Bot API request's parameters: query string plus a JSON, urlencoded or multipart body.
 * @module
 */
import type { IncomingMessage } from 'node:http';
import { boundaryOf, MultipartError, MultipartParser } from './multipart.js';
import { TelegramError } from './telegram-error.js';
import { MAX_KEPT_FILE_BYTES, type BodyKind, type UploadedFile } from './types.js';

/** The parameters of one request. */
export interface ParsedBody {
  /** How the body was encoded (`none` for no body or an unknown content type). */
  kind: BodyKind;
  /** Parsed parameters (query string first, body wins). */
  params: Record<string, unknown>;
  /** Parameters as sent. */
  rawParams: Record<string, string>;
  /** Multipart file parts. */
  files: Record<string, UploadedFile>;
}

/** Limits applied while reading a body. */
export interface BodyLimits {
  /** Largest body in bytes; more is a 413. */
  maxBodyBytes: number;
}

/** Largest body that is buffered whole (JSON, urlencoded, unknown types). */
const MAX_BUFFERED_BYTES = 20 * 1024 * 1024;

/**
 * Parameters whose Bot API type is String: never turned into numbers or booleans even when they
 * look like one (a `text` of "42" stays "42"). Names ending in `_id` that are strings are matched
 * by {@link STRING_SUFFIXES}.
 */
const STRING_PARAMS = new Set([
  'text',
  'caption',
  'title',
  'description',
  'short_description',
  'name',
  'first_name',
  'last_name',
  'question',
  'explanation',
  'address',
  'foursquare_type',
  'google_place_type',
  'phone_number',
  'vcard',
  'payload',
  'provider_token',
  'start_parameter',
  'currency',
  'emoji',
  'custom_title',
  'tag',
  'error_message',
  'next_offset',
  'switch_pm_text',
  'switch_pm_parameter',
  'url',
  'secret_token',
  'ip_address',
  'query',
  'game_short_name',
  'parse_mode',
  'caption_parse_mode',
  'question_parse_mode',
  'explanation_parse_mode',
  'text_parse_mode',
  'performer',
  'file_name',
  'username',
  'bio',
  'invite_link',
  'photo',
  'audio',
  'document',
  'video',
  'animation',
  'voice',
  'video_note',
  'thumbnail',
  'certificate',
  'format',
  'offset_text',
  'language_code',
  'message_text',
]);
const STRING_SUFFIXES = [
  'query_id',
  'inline_message_id',
  'connection_id',
  'effect_id',
  'emoji_id',
  'file_id',
  '_token',
  'charge_id',
  'gift_id',
  'sticker_set_name',
  'set_name',
];

function isStringParam(key: string): boolean {
  return STRING_PARAMS.has(key) || STRING_SUFFIXES.some((suffix) => key.endsWith(suffix));
}

const NUMBER_RE = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * Decodes a form value the way Telegram reads it: JSON objects/arrays (`reply_markup`), numbers
 * (`chat_id`) and booleans are parsed; anything else, and every String-typed parameter, stays as sent.
 */
export function decodeFormValue(key: string, raw: string): unknown {
  if (isStringParam(key)) return raw;
  const trimmed = raw.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return raw;
    }
  }
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (NUMBER_RE.test(trimmed)) {
    const value = Number(trimmed);
    // Ids beyond 2^53 would lose digits; keep those as strings.
    return Number.isSafeInteger(value) || !Number.isInteger(value) ? value : raw;
  }
  return raw;
}

function addFormParams(target: ParsedBody, entries: Iterable<[string, string]>): void {
  for (const [key, value] of entries) {
    target.rawParams[key] = value;
    target.params[key] = decodeFormValue(key, value);
  }
}

function tooLarge(): TelegramError {
  return new TelegramError(413, 'Request Entity Too Large');
}

async function readWhole(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads `req` fully and returns its parameters; throws a {@link TelegramError} (400/413) on bad input. */
export async function parseRequest(
  req: IncomingMessage,
  query: URLSearchParams,
  limits: BodyLimits,
): Promise<ParsedBody> {
  const out: ParsedBody = { kind: 'none', params: {}, rawParams: {}, files: {} };
  addFormParams(out, query);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limits.maxBodyBytes) throw tooLarge();
  const contentType = String(req.headers['content-type'] ?? '').toLowerCase();
  const mediaType = contentType.split(';')[0]!.trim();

  if (mediaType === 'multipart/form-data') {
    const boundary = boundaryOf(String(req.headers['content-type']));
    if (boundary === undefined) throw new TelegramError(400, 'Bad Request: multipart boundary is missing');
    const parser = new MultipartParser(boundary, {
      keepFileBytes: MAX_KEPT_FILE_BYTES,
      maxFieldBytes: MAX_BUFFERED_BYTES,
    });
    let size = 0;
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > limits.maxBodyBytes) throw tooLarge();
        parser.write(chunk);
      }
      const result = parser.end();
      out.kind = 'multipart';
      addFormParams(out, Object.entries(result.fields));
      out.files = result.files;
    } catch (error) {
      if (error instanceof MultipartError) throw new TelegramError(400, `Bad Request: ${error.message}`);
      throw error;
    }
    return out;
  }

  const body = await readWhole(req, Math.min(limits.maxBodyBytes, MAX_BUFFERED_BYTES));
  if (body.length === 0) return out;
  if (mediaType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      throw new TelegramError(400, "Bad Request: can't parse JSON object");
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw new TelegramError(400, "Bad Request: can't parse parameters: JSON object expected");
    }
    out.kind = 'json';
    for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
      out.params[key] = value;
      out.rawParams[key] = typeof value === 'string' ? value : JSON.stringify(value);
    }
  } else if (mediaType === 'application/x-www-form-urlencoded') {
    out.kind = 'urlencoded';
    addFormParams(out, new URLSearchParams(body.toString('utf8')));
  }
  // Other content types: Telegram ignores the body; so do we.
  return out;
}

/**
 * Finds the upload a parameter refers to: `attach://name` or a field name sent as a file part.
 * Returns `undefined` when the value is a file_id/URL string or nothing was uploaded.
 */
export function attachedFile(call: { files: Record<string, UploadedFile> }, ref: unknown): UploadedFile | undefined {
  if (typeof ref !== 'string') return undefined;
  const name = ref.startsWith('attach://') ? ref.slice('attach://'.length) : ref;
  return Object.hasOwn(call.files, name) ? call.files[name] : undefined;
}
