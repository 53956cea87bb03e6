/**
 * `InputMedia…`: media to send in an album (`sendMediaGroup`), to put in place of a message's media
 * (`editMessageMedia`) or to attach to a poll. `media` is a file_id or URL (`string`) or a file to
 * upload (`InputFile`, Buffer, Uint8Array, Blob, stream); uploads travel as multipart parts named by
 * `attach://` references (see `extractAttachments`).
 *
 * ```ts
 * await bot.sendMediaGroup(chatId, [
 *   new types.InputMediaPhoto('AgACAgQAAx...', { caption: 'from file_id' }),
 *   new types.InputMediaPhoto(new types.InputFile('cat.jpg')),
 * ]);
 * ```
 * @module
 */
import type * as Tg from '../api/generated/telegram-types.js';
import type { Uploadable } from './input-file.js';
import { CarriesFiles } from './attachments.js';
import { type AcceptUndefined, type OptionalPart, setDefined } from './internal.js';

/** A file parameter: a file_id or HTTP URL (`string`), or a file to upload. */
export type MediaSource = string | Uploadable;

/** Any media of an album or of `editMessageMedia`. */
export type InputMedia<F = Uploadable> = Tg.InputMedia<F>;
/** The media of a poll's description or quiz explanation. */
export type InputPollMedia<F = Uploadable> = Tg.InputPollMedia<F>;
/** The media of a poll option. */
export type InputPollOptionMedia<F = Uploadable> = Tg.InputPollOptionMedia<F>;

/** Optional fields of {@link InputMediaPhoto}. */
export type InputMediaPhotoOptions = OptionalPart<Tg.InputMediaPhoto<Uploadable>, 'media'>;
export interface InputMediaPhoto extends InputMediaPhotoOptions {}
/** A photo. */
export class InputMediaPhoto extends CarriesFiles implements Tg.InputMediaPhoto<Uploadable> {
  /** Always `'photo'`. */
  readonly type = 'photo' as const;
  /**
   * @param media file_id, URL, or a file to upload
   * @param options `caption`, `parse_mode`, `caption_entities`, `show_caption_above_media`, `has_spoiler`
   */
  constructor(
    public media: MediaSource,
    options?: AcceptUndefined<InputMediaPhotoOptions>,
  ) {
    super();
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputMediaVideo}. */
export type InputMediaVideoOptions = OptionalPart<Tg.InputMediaVideo<Uploadable>, 'media'>;
export interface InputMediaVideo extends InputMediaVideoOptions {}
/** A video. */
export class InputMediaVideo extends CarriesFiles implements Tg.InputMediaVideo<Uploadable> {
  /** Always `'video'`. */
  readonly type = 'video' as const;
  /**
   * @param media file_id, URL, or a file to upload
   * @param options `thumbnail`, `cover`, `caption`, `width`, `height`, `duration`, `supports_streaming`, ...
   */
  constructor(
    public media: MediaSource,
    options?: AcceptUndefined<InputMediaVideoOptions>,
  ) {
    super();
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputMediaAnimation}. */
export type InputMediaAnimationOptions = OptionalPart<Tg.InputMediaAnimation<Uploadable>, 'media'>;
export interface InputMediaAnimation extends InputMediaAnimationOptions {}
/** An animation (GIF or soundless H.264/MPEG-4 video). */
export class InputMediaAnimation extends CarriesFiles implements Tg.InputMediaAnimation<Uploadable> {
  /** Always `'animation'`. */
  readonly type = 'animation' as const;
  /**
   * @param media file_id, URL, or a file to upload
   * @param options `thumbnail`, `caption`, `width`, `height`, `duration`, `has_spoiler`, ...
   */
  constructor(
    public media: MediaSource,
    options?: AcceptUndefined<InputMediaAnimationOptions>,
  ) {
    super();
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputMediaAudio}. */
export type InputMediaAudioOptions = OptionalPart<Tg.InputMediaAudio<Uploadable>, 'media'>;
export interface InputMediaAudio extends InputMediaAudioOptions {}
/** An audio file treated as music. */
export class InputMediaAudio extends CarriesFiles implements Tg.InputMediaAudio<Uploadable> {
  /** Always `'audio'`. */
  readonly type = 'audio' as const;
  /**
   * @param media file_id, URL, or a file to upload
   * @param options `thumbnail`, `caption`, `duration`, `performer`, `title`, ...
   */
  constructor(
    public media: MediaSource,
    options?: AcceptUndefined<InputMediaAudioOptions>,
  ) {
    super();
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputMediaDocument}. */
export type InputMediaDocumentOptions = OptionalPart<Tg.InputMediaDocument<Uploadable>, 'media'>;
export interface InputMediaDocument extends InputMediaDocumentOptions {}
/** A general file. */
export class InputMediaDocument extends CarriesFiles implements Tg.InputMediaDocument<Uploadable> {
  /** Always `'document'`. */
  readonly type = 'document' as const;
  /**
   * @param media file_id, URL, or a file to upload
   * @param options `thumbnail`, `caption`, `disable_content_type_detection`, ...
   */
  constructor(
    public media: MediaSource,
    options?: AcceptUndefined<InputMediaDocumentOptions>,
  ) {
    super();
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputMediaLivePhoto}. */
export type InputMediaLivePhotoOptions = OptionalPart<Tg.InputMediaLivePhoto<Uploadable>, 'media' | 'photo'>;
export interface InputMediaLivePhoto extends InputMediaLivePhotoOptions {}
/** A live photo: a short video plus its static photo (by file_id or uploaded; URLs are not supported). */
export class InputMediaLivePhoto extends CarriesFiles implements Tg.InputMediaLivePhoto<Uploadable> {
  /** Always `'live_photo'`. */
  readonly type = 'live_photo' as const;
  /**
   * @param media the video of the live photo
   * @param photo the static photo
   * @param options `caption`, `parse_mode`, `has_spoiler`, ...
   */
  constructor(
    public media: MediaSource,
    public photo: MediaSource,
    options?: AcceptUndefined<InputMediaLivePhotoOptions>,
  ) {
    super();
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputMediaSticker}. */
export type InputMediaStickerOptions = OptionalPart<Tg.InputMediaSticker<Uploadable>, 'media'>;
export interface InputMediaSticker extends InputMediaStickerOptions {}
/** A sticker (poll option media). */
export class InputMediaSticker extends CarriesFiles implements Tg.InputMediaSticker<Uploadable> {
  /** Always `'sticker'`. */
  readonly type = 'sticker' as const;
  /**
   * @param media file_id, URL of a .WEBP, or a file to upload
   * @param options `emoji`
   */
  constructor(
    public media: MediaSource,
    options?: AcceptUndefined<InputMediaStickerOptions>,
  ) {
    super();
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputMediaVoiceNote}. */
export type InputMediaVoiceNoteOptions = OptionalPart<Tg.InputMediaVoiceNote<Uploadable>, 'media'>;
export interface InputMediaVoiceNote extends InputMediaVoiceNoteOptions {}
/** A voice message. */
export class InputMediaVoiceNote extends CarriesFiles implements Tg.InputMediaVoiceNote<Uploadable> {
  /** Always `'voice_note'`. */
  readonly type = 'voice_note' as const;
  /**
   * @param media file_id, URL, or a file to upload
   * @param options `caption`, `parse_mode`, `caption_entities`, `duration`
   */
  constructor(
    public media: MediaSource,
    options?: AcceptUndefined<InputMediaVoiceNoteOptions>,
  ) {
    super();
    setDefined(this, options);
  }
}

/** An HTTP link (poll option media). */
export class InputMediaLink implements Tg.InputMediaLink {
  /** Always `'link'`. */
  readonly type = 'link' as const;
  /** @param url HTTP URL of the link */
  constructor(public url: string) {}
}

/** Optional fields of {@link InputMediaLocation}. */
export type InputMediaLocationOptions = OptionalPart<Tg.InputMediaLocation, 'latitude' | 'longitude'>;
export interface InputMediaLocation extends InputMediaLocationOptions {}
/** A location (poll media). */
export class InputMediaLocation implements Tg.InputMediaLocation {
  /** Always `'location'`. */
  readonly type = 'location' as const;
  /**
   * @param latitude latitude in degrees
   * @param longitude longitude in degrees
   * @param options `horizontal_accuracy`
   */
  constructor(
    public latitude: number,
    public longitude: number,
    options?: AcceptUndefined<InputMediaLocationOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputMediaVenue}. */
export type InputMediaVenueOptions = OptionalPart<Tg.InputMediaVenue, 'latitude' | 'longitude' | 'title' | 'address'>;
export interface InputMediaVenue extends InputMediaVenueOptions {}
/** A venue (poll media). */
export class InputMediaVenue implements Tg.InputMediaVenue {
  /** Always `'venue'`. */
  readonly type = 'venue' as const;
  /**
   * @param latitude latitude in degrees
   * @param longitude longitude in degrees
   * @param title name of the venue
   * @param address address of the venue
   * @param options `foursquare_id`, `foursquare_type`, `google_place_id`, `google_place_type`
   */
  constructor(
    public latitude: number,
    public longitude: number,
    public title: string,
    public address: string,
    options?: AcceptUndefined<InputMediaVenueOptions>,
  ) {
    setDefined(this, options);
  }
}
