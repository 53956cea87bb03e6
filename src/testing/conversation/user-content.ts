/**
 * The content of what test users send besides text and files: locations, contacts, and any other
 * Message fields, built the way Telegram clients fill them in.
 * @module
 */
import type { Message } from '../../api/generated/telegram-types.js';
import type { SendOptions, TestUser } from './types.js';

/** Options of {@link Conversation.sendLocation}. */
export interface LocationSendOptions extends SendOptions {
  /** Radius of uncertainty in meters (0-1500). */
  horizontalAccuracy?: number | undefined;
  /** A live location: seconds it stays live. */
  livePeriod?: number | undefined;
  /** Live locations: direction of travel in degrees (1-360). */
  heading?: number | undefined;
}

/** Options of {@link Conversation.sendContact}. */
export interface ContactSendOptions extends SendOptions {
  /** The contact's first name (default the sender's own, as when sharing one's own number). */
  firstName?: string | undefined;
  /** The contact's last name. */
  lastName?: string | undefined;
  /**
   * The contact's Telegram user id (default the sender's own id when `firstName` is not given:
   * "share my phone number" buttons send that; pass `null` for a contact without an account).
   */
  userId?: number | null | undefined;
  /** The contact's vCard. */
  vcard?: string | undefined;
}

/** Fields of a Message a test user's message may carry; objects may be partial. */
export type MessageContent = {
  [K in Exclude<keyof Message, 'message_id' | 'date' | 'chat' | 'from'>]?: Message[K] | Record<string, unknown>;
};

/** The `location` of a shared location. */
export function locationOf(latitude: number, longitude: number, options: LocationSendOptions): Record<string, unknown> {
  if (!Number.isFinite(latitude) || Math.abs(latitude) > 90)
    throw new RangeError(`sendLocation: latitude must be a number from -90 to 90, got ${String(latitude)}`);
  if (!Number.isFinite(longitude) || Math.abs(longitude) > 180)
    throw new RangeError(`sendLocation: longitude must be a number from -180 to 180, got ${String(longitude)}`);
  return {
    latitude,
    longitude,
    ...(options.horizontalAccuracy !== undefined ? { horizontal_accuracy: options.horizontalAccuracy } : {}),
    ...(options.livePeriod !== undefined ? { live_period: options.livePeriod } : {}),
    ...(options.heading !== undefined ? { heading: options.heading } : {}),
  };
}

/** The `contact` of a shared contact; by default the sender's own. */
export function contactOf(phoneNumber: string, options: ContactSendOptions, sender: TestUser): Record<string, unknown> {
  if (typeof phoneNumber !== 'string' || phoneNumber === '')
    throw new TypeError('sendContact: phoneNumber must be a non-empty string');
  const own = options.firstName === undefined;
  const userId = options.userId === undefined ? (own ? sender.id : undefined) : options.userId;
  return {
    phone_number: phoneNumber,
    first_name: options.firstName ?? sender.first_name ?? 'Test',
    ...(options.lastName !== undefined ? { last_name: options.lastName } : {}),
    ...(userId !== undefined && userId !== null ? { user_id: userId } : {}),
    ...(options.vcard !== undefined ? { vcard: options.vcard } : {}),
  };
}

/** The kinds of file message {@link Conversation.sendMedia} sends (photos and documents have their own methods). */
export type MediaKind = 'voice' | 'audio' | 'video' | 'video_note' | 'animation' | 'sticker';

/** Options of {@link Conversation.sendMedia}. */
export interface MediaSendOptions extends SendOptions {
  /** Caption (voice, audio, video, animation). */
  caption?: string | undefined;
  /** File name (default per kind, e.g. `voice.ogg`). */
  fileName?: string | undefined;
  /** MIME type (default per kind, e.g. `audio/ogg` for voice). */
  mimeType?: string | undefined;
  /** Duration in seconds (default 1). */
  duration?: number | undefined;
  /** Stickers: the emoji (default 🙂). */
  emoji?: string | undefined;
  /** Audio: title. */
  title?: string | undefined;
  /** Audio: performer. */
  performer?: string | undefined;
}

const MEDIA_DEFAULTS: Record<MediaKind, { fileName: string; mimeType: string }> = {
  voice: { fileName: 'voice.ogg', mimeType: 'audio/ogg' },
  audio: { fileName: 'audio.mp3', mimeType: 'audio/mpeg' },
  video: { fileName: 'video.mp4', mimeType: 'video/mp4' },
  video_note: { fileName: 'video_note.mp4', mimeType: 'video/mp4' },
  animation: { fileName: 'animation.mp4', mimeType: 'video/mp4' },
  sticker: { fileName: 'sticker.webp', mimeType: 'image/webp' },
};

/** The file name and MIME type a file of `kind` gets unless the options say otherwise. */
export function mediaNames(kind: MediaKind, options: MediaSendOptions): { fileName: string; mimeType: string } {
  const defaults = MEDIA_DEFAULTS[kind];
  if (defaults === undefined)
    throw new TypeError(
      `sendMedia: kind must be one of ${Object.keys(MEDIA_DEFAULTS).join(', ')}; got ${String(kind)}`,
    );
  return { fileName: options.fileName ?? defaults.fileName, mimeType: options.mimeType ?? defaults.mimeType };
}

/** The Message fields of a media message, as Telegram fills them in for a stored file. */
export function mediaContent(
  kind: MediaKind,
  file: { file_id: string; file_unique_id: string; file_size: number },
  options: MediaSendOptions,
): Record<string, unknown> {
  const { fileName, mimeType } = mediaNames(kind, options);
  const ids = { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size };
  const duration = options.duration ?? 1;
  const caption = options.caption !== undefined ? { caption: options.caption } : {};
  switch (kind) {
    case 'voice':
      return { voice: { ...ids, duration, mime_type: mimeType }, ...caption };
    case 'audio':
      return {
        audio: {
          ...ids,
          duration,
          file_name: fileName,
          mime_type: mimeType,
          ...(options.title !== undefined ? { title: options.title } : {}),
          ...(options.performer !== undefined ? { performer: options.performer } : {}),
        },
        ...caption,
      };
    case 'video':
    case 'animation':
      return {
        [kind]: { ...ids, width: 640, height: 360, duration, file_name: fileName, mime_type: mimeType },
        ...caption,
      };
    case 'video_note':
      return { video_note: { ...ids, length: 240, duration } };
    default:
      return {
        sticker: {
          ...ids,
          type: 'regular',
          width: 512,
          height: 512,
          is_animated: false,
          is_video: false,
          emoji: options.emoji ?? '🙂',
        },
      };
  }
}
