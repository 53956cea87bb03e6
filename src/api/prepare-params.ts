/**
 * Turns a method's parameters into what goes on the wire: constructor defaults applied,
 * empty values dropped, uploads separated from the JSON fields.
 * @module
 */
import { DefaultFlag, type MethodSpec } from './method-spec.js';
import { type InputFile, isUploadable, toInputFile } from '../types/input-file.js';
import { extractAttachments } from '../types/attachments.js';
import type { ApiOptions } from './options.js';

/** Parameters split into JSON fields and uploads. */
export interface PreparedParams {
  /** Fields sent as JSON (or as multipart text fields when there are uploads). */
  fields: Record<string, unknown>;
  /** Uploads by multipart field name; empty when nothing is uploaded (then shared: never mutate it). */
  files: ReadonlyMap<string, InputFile>;
}

/** The constructor defaults that apply to calls. */
export type CallDefaults = Pick<
  ApiOptions,
  'parseMode' | 'disableNotification' | 'protectContent' | 'allowSendingWithoutReply' | 'disableWebPagePreview'
>;

// sendPoll's texts, each with its own parse mode and entities parameters.
const POLL_TEXTS = [
  ['question', 'question_parse_mode', 'question_entities'],
  ['explanation', 'explanation_parse_mode', 'explanation_entities'],
  ['description', 'description_parse_mode', 'description_entities'],
] as const;

/**
 * The default parse mode where pyTelegramBotAPI also puts it: on each album item with a caption
 * (sendMediaGroup) and on a poll's texts (sendPoll, the only method with a `question`). An item's
 * own parse_mode or entities win; the caller's objects are copied, never changed.
 */
function applyNestedParseModes(fields: Record<string, unknown>, parseMode: string): void {
  const media = fields.media;
  if (Array.isArray(media)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < media.length; i++) {
      const item = media[i] as Record<string, unknown> | null;
      if (item === null || typeof item !== 'object' || item.caption === undefined) continue;
      if (item.parse_mode !== undefined || item.caption_entities !== undefined) continue;
      out ??= media.slice();
      out[i] = { ...item, parse_mode: parseMode };
    }
    if (out) fields.media = out;
  }
  if (fields.question === undefined) return;
  for (const [text, mode, entities] of POLL_TEXTS) {
    if (fields[text] !== undefined && fields[mode] === undefined && fields[entities] === undefined) {
      fields[mode] = parseMode;
    }
  }
}

function applyDefaults(fields: Record<string, unknown>, flags: number, defaults: CallDefaults): void {
  if (flags & DefaultFlag.parseMode && defaults.parseMode && fields.parse_mode === undefined) {
    // Explicit entities already say how the text is formatted; a parse mode would be ignored or clash.
    if (fields.entities === undefined && fields.caption_entities === undefined) fields.parse_mode = defaults.parseMode;
  }
  if (defaults.parseMode && (fields.media !== undefined || fields.question !== undefined)) {
    applyNestedParseModes(fields, defaults.parseMode);
  }
  if (
    flags & DefaultFlag.disableNotification &&
    defaults.disableNotification !== undefined &&
    fields.disable_notification === undefined
  ) {
    fields.disable_notification = defaults.disableNotification;
  }
  if (
    flags & DefaultFlag.protectContent &&
    defaults.protectContent !== undefined &&
    fields.protect_content === undefined
  ) {
    fields.protect_content = defaults.protectContent;
  }
  if (
    flags & DefaultFlag.linkPreviewOptions &&
    defaults.disableWebPagePreview !== undefined &&
    fields.link_preview_options === undefined
  ) {
    fields.link_preview_options = { is_disabled: defaults.disableWebPagePreview };
  }
  if (flags & DefaultFlag.replyParameters) {
    // The Python library's deprecated reply_to_message_id still works: it becomes reply_parameters.
    if (fields.reply_to_message_id !== undefined) {
      // When both are given (replyTo(message, text, { reply_to_message_id })), reply_parameters wins.
      fields.reply_parameters ??= { message_id: fields.reply_to_message_id };
      delete fields.reply_to_message_id;
    }
    const reply = fields.reply_parameters as Record<string, unknown> | undefined;
    if (reply && defaults.allowSendingWithoutReply !== undefined && reply.allow_sending_without_reply === undefined) {
      fields.reply_parameters = { ...reply, allow_sending_without_reply: defaults.allowSendingWithoutReply };
    }
  }
}

/**
 * Prepares `params` of a call described by `spec` (undefined for methods outside the table).
 * `owned`: `params` was made for this call alone, so when it holds only plain values it
 * becomes the fields as it is (defaults are then written into it) instead of being copied.
 */
export function prepareParams(
  params: Record<string, unknown> | undefined,
  spec: MethodSpec | undefined,
  defaults: CallDefaults,
  owned = false,
): PreparedParams {
  if (owned && params !== undefined && onlyPlainValues(params)) {
    if (spec?.defaults) applyDefaults(params, spec.defaults, defaults);
    return { fields: params, files: NO_FILES };
  }
  const fields: Record<string, unknown> = {};
  // Most calls upload nothing: their files map is the shared empty one.
  let files: Map<string, InputFile> | undefined;
  // Made when a value needs it: a closure declared here would cost every call a context.
  let nextName: (() => string) | undefined;
  if (params) {
    for (const key in params) {
      const value = params[key];
      if (value === undefined || value === null) continue;
      if (typeof value !== 'object') {
        fields[key] = value;
      } else if (isUploadable(value)) {
        files ??= new Map();
        files.set(key, toInputFile(value, key));
      } else {
        nextName ??= attachmentNamer();
        const extracted = extractAttachments(value, nextName);
        fields[key] = extracted.json;
        for (const [name, file] of extracted.files) {
          files ??= new Map();
          files.set(name, file);
        }
      }
    }
  }
  if (spec?.defaults) applyDefaults(fields, spec.defaults, defaults);
  return { fields, files: files ?? NO_FILES };
}

const NO_FILES: ReadonlyMap<string, InputFile> = new Map();

/** Names the uploads found inside one call's parameters: file0, file1, ... */
function attachmentNamer(): () => string {
  let counter = 0;
  return () => `file${counter++}`;
}

/** Whether every value is a string, number or boolean (nothing to drop, nothing to upload). */
function onlyPlainValues(params: Record<string, unknown>): boolean {
  for (const key in params) {
    const type = typeof params[key];
    if (type !== 'string' && type !== 'number' && type !== 'boolean') return false;
  }
  return true;
}

/** Whether every upload can be read again, so that the call may be repeated after a failure. */
export function uploadsAreReplayable(files: ReadonlyMap<string, InputFile>): boolean {
  for (const file of files.values()) {
    const source = file.source as unknown;
    const replayable =
      source instanceof Uint8Array ||
      (typeof Blob !== 'undefined' && source instanceof Blob) ||
      (typeof source === 'object' &&
        source !== null &&
        'path' in source &&
        typeof (source as { pipe?: unknown }).pipe !== 'function');
    if (!replayable) return false;
  }
  return true;
}
