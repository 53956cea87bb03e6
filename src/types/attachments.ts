/**
 * Finding files to upload inside request parameters.
 *
 * Telegram takes nested files (an `InputMedia`'s `media`, a `thumbnail`, an `InputSticker`'s `sticker`, ...)
 * as the string `attach://<name>` plus a multipart part called `<name>`. {@link extractAttachments} does
 * that rewrite for the transport, one parameter value at a time; a parameter that is itself a file
 * (`sendPhoto`'s `photo`) is left alone and sent as a part named after the parameter.
 * @module
 */
import { type InputFile, isUploadable, toInputFile } from './input-file.js';

/** What {@link extractAttachments} returns. */
export interface ExtractedAttachments {
  /** The value to serialise as JSON: the input itself when it carried no nested file, else a copy. */
  json: unknown;
  /** The files to send as multipart parts, by the name used in `attach://<name>`. */
  files: Map<string, InputFile>;
}

interface WalkState {
  files: Map<string, InputFile>;
  nextName: () => string;
  // The same object given twice (a stream can only be read once) gets one part.
  names: Map<object, string> | undefined;
}

/**
 * Replaces every uploadable (InputFile, Buffer, Uint8Array, Blob, stream) nested in `value` by
 * `attach://<name>`, with `name` from `nextName()`, and collects the files under those names.
 *
 * Meant to be called on each parameter value of a request: `value` itself, when uploadable, is the
 * top level and is returned unchanged (the transport sends it as a part named after the parameter);
 * anything inside it (an array's items, an object's or a Botte class's fields, at any depth) is
 * rewritten. Values without nested files are returned as is (no copy); a value with files is copied
 * along the path to each file only, so the caller's objects are never modified.
 *
 * ```ts
 * let n = 0;
 * const { json, files } = extractAttachments([new InputMediaPhoto(buf), new InputMediaPhoto('file_id')], () => `file${n++}`);
 * // json: [{ type: 'photo', media: 'attach://file0' }, { type: 'photo', media: 'file_id' }], files: { file0 => InputFile }
 * ```
 */
export function extractAttachments(value: unknown, nextName: () => string): ExtractedAttachments {
  const state: WalkState = { files: new Map(), nextName, names: undefined };
  if (value === null || typeof value !== 'object' || isUploadable(value)) return { json: value, files: state.files };
  return { json: walk(value, state), files: state.files };
}

/** True when `value` holds an uploadable anywhere below its top level (see {@link extractAttachments}). */
export function hasNestedUploads(value: unknown): boolean {
  let found = false;
  extractAttachments(value, () => {
    found = true;
    return 'probe';
  });
  return found;
}

function walk(value: unknown, state: WalkState): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isUploadable(value)) return attach(value, state);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === null || typeof item !== 'object') continue;
      const next = walk(item, state);
      if (next !== item) {
        out ??= value.slice();
        out[i] = next;
      }
    }
    return out ?? value;
  }
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key in record) {
    const item = record[key];
    if (item === null || typeof item !== 'object') continue;
    const next = walk(item, state);
    if (next !== item) {
      // A plain copy drops the prototype (and any toJSON), which is what we want: the copy is pure JSON.
      out ??= { ...record };
      out[key] = next;
    }
  }
  return out ?? value;
}

function attach(value: object, state: WalkState): string {
  let name = state.names?.get(value);
  if (name === undefined) {
    name = state.nextName();
    state.names ??= new Map();
    state.names.set(value, name);
    state.files.set(name, toInputFile(value as Parameters<typeof toInputFile>[0]));
  }
  return `attach://${name}`;
}

/**
 * Base of the classes that may carry files. Serialised directly with `JSON.stringify` (without going
 * through {@link extractAttachments}), an upload shows as its file name, so bytes are never inlined.
 */
export abstract class CarriesFiles {
  /** The JSON form: the object itself, or a copy where each uploadable is replaced by its file name. */
  toJSON(): object {
    const self = this as unknown as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const key in self) {
      const item = self[key];
      if (isUploadable(item)) {
        out ??= { ...self };
        out[key] = toInputFile(item).filename;
      }
    }
    return out ?? this;
  }
}
