/**
 * The emulator's file storage: files added by tests or uploaded by the bot, answered by getFile
 * and served on `/file/bot<token>/<file_path>`.
 * @module
 */
import { createHash } from 'node:crypto';
import type { StoredFileInfo, UploadedFile } from './types.js';

/** A stored file; `data` is missing for uploads too large to keep. */
export interface StoredFile extends StoredFileInfo {
  /** The bytes, when kept. */
  data?: Buffer;
  /** The uploaded file name or the name derived from a URL. */
  file_name?: string;
  /** MIME type, when known. */
  mime_type?: string;
}

/** Folder Telegram uses for each kind of file in `file_path`. */
const FOLDERS: Record<string, string> = {
  photo: 'photos',
  document: 'documents',
  audio: 'music',
  video: 'videos',
  voice: 'voice',
  video_note: 'video_notes',
  animation: 'animations',
  sticker: 'stickers',
  thumbnail: 'thumbnails',
};

/** Prefix of generated file ids per kind, so ids look like (and are told apart like) Telegram's. */
const PREFIXES: Record<string, string> = {
  photo: 'AgACAgIAAxk',
  document: 'BQACAgIAAxk',
  audio: 'CQACAgIAAxk',
  video: 'BAACAgIAAxk',
  voice: 'AwACAgIAAxk',
  video_note: 'DQACAgIAAxk',
  animation: 'CgACAgIAAxk',
  sticker: 'CAACAgIAAxk',
};

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

function extensionOf(name: string | undefined): string {
  const match = name ? /\.([a-zA-Z0-9]{1,8})$/.exec(name) : null;
  return match ? match[1]!.toLowerCase() : '';
}

function nameFromUrl(url: string): string | undefined {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '') || undefined;
  } catch {
    return undefined;
  }
}

/** Holds every file the emulator knows, by file_id and by file_path. */
export class FileStore {
  private readonly byFileId = new Map<string, StoredFile>();
  private readonly byFilePath = new Map<string, StoredFile>();
  private counter = 0;

  /** Stores `content` and returns its Telegram `File`. */
  add(
    content: Buffer | string,
    options: { filePath?: string; fileId?: string; kind?: string; fileName?: string; mimeType?: string } = {},
  ): StoredFile {
    const data = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
    const sha = createHash('sha256').update(data).digest('hex');
    return this.store({ ...options, size: data.length, sha256: sha, data });
  }

  /** Stores a multipart upload (its bytes only when they were kept). */
  addUpload(upload: UploadedFile, kind: string): StoredFile {
    return this.store({
      kind,
      size: upload.size,
      sha256: upload.sha256,
      data: upload.data,
      fileName: upload.filename || undefined,
      mimeType: upload.contentType,
    });
  }

  /** A file_id sent as a string: reuse a stored file, or make a stable stand-in for an unknown id or URL. */
  reference(value: string, kind: string): StoredFile {
    const known = this.byFileId.get(value);
    if (known) return known;
    const isUrl = /^https?:\/\//i.test(value);
    const fileName = isUrl ? nameFromUrl(value) : undefined;
    const info: StoredFile = {
      file_id: isUrl ? `${PREFIXES[kind] ?? 'BQACAgIAAxk'}${shortHash(value)}` : value,
      file_unique_id: `AgAD${shortHash(`unique:${value}`).slice(0, 12)}`,
      file_size: 0,
      file_path: `${FOLDERS[kind] ?? 'documents'}/file_${++this.counter}${fileName ? `.${extensionOf(fileName) || 'bin'}` : '.bin'}`,
      ...(fileName ? { file_name: fileName } : {}),
    };
    this.index(info);
    return info;
  }

  /** The file with this id. */
  get(fileId: string): StoredFile | undefined {
    return this.byFileId.get(fileId);
  }

  /** The file at this path (as in the download URL, already URL-decoded). */
  atPath(filePath: string): StoredFile | undefined {
    return this.byFilePath.get(filePath);
  }

  private store(options: {
    filePath?: string;
    fileId?: string;
    kind?: string;
    fileName?: string;
    mimeType?: string;
    size: number;
    sha256: string;
    data?: Buffer;
  }): StoredFile {
    const kind = options.kind ?? 'document';
    const n = ++this.counter;
    const ext = extensionOf(options.fileName) || (kind === 'photo' ? 'jpg' : 'bin');
    const info: StoredFile = {
      file_id: options.fileId ?? `${PREFIXES[kind] ?? 'BQACAgIAAxk'}${shortHash(`${options.sha256}:${n}`)}`,
      file_unique_id: `AgAD${options.sha256.slice(0, 12)}`,
      file_size: options.size,
      file_path: (options.filePath ?? `${FOLDERS[kind] ?? 'documents'}/file_${n}.${ext}`).replace(/^\/+/, ''),
      ...(options.data ? { data: options.data } : {}),
      ...(options.fileName ? { file_name: options.fileName } : {}),
      ...(options.mimeType ? { mime_type: options.mimeType } : {}),
    };
    this.index(info);
    return info;
  }

  private index(info: StoredFile): void {
    this.byFileId.set(info.file_id, info);
    this.byFilePath.set(info.file_path, info);
  }
}

/** The public `File` fields of a stored file (no bytes). */
export function fileInfo(file: StoredFile): StoredFileInfo {
  return {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    file_size: file.file_size,
    file_path: file.file_path,
  };
}
