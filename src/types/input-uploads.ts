/**
 * Other objects that carry files: paid media (`sendPaidMedia`), stickers for sticker sets,
 * profile photos (`setBusinessAccountProfilePhoto`, ...) and story contents (`postStory`, ...).
 * @module
 */
import type * as Tg from '../api/generated/telegram-types.js';
import type { Uploadable } from './input-file.js';
import { CarriesFiles } from './attachments.js';
import type { MediaSource } from './input-media.js';
import { type OptionalPart, setDefined, type AcceptUndefined } from './internal.js';

/** Any paid media to send. */
export type InputPaidMedia<F = Uploadable> = Tg.InputPaidMedia<F>;
/** A profile photo to set. */
export type InputProfilePhoto<F = Uploadable> = Tg.InputProfilePhoto<F>;
/** The content of a story to post. */
export type InputStoryContent<F = Uploadable> = Tg.InputStoryContent<F>;

/** A paid photo. */
export class InputPaidMediaPhoto extends CarriesFiles implements Tg.InputPaidMediaPhoto<Uploadable> {
  /** Always `'photo'`. */
  readonly type = 'photo' as const;
  /** @param media file_id, URL, or a file to upload */
  constructor(public media: MediaSource) {
    super();
  }
}

/** Optional fields of {@link InputPaidMediaVideo}. */
export type InputPaidMediaVideoOptions = OptionalPart<Tg.InputPaidMediaVideo<Uploadable>, 'media'>;
export interface InputPaidMediaVideo extends InputPaidMediaVideoOptions {}
/** A paid video. */
export class InputPaidMediaVideo extends CarriesFiles implements Tg.InputPaidMediaVideo<Uploadable> {
  /** Always `'video'`. */
  readonly type = 'video' as const;
  /**
   * @param media file_id, URL, or a file to upload
   * @param options `thumbnail`, `cover`, `start_timestamp`, `width`, `height`, `duration`, `supports_streaming`
   */
  constructor(
    public media: MediaSource,
    options?: AcceptUndefined<InputPaidMediaVideoOptions>,
  ) {
    super();
    setDefined(this, options);
  }
}

/** A paid live photo. */
export class InputPaidMediaLivePhoto extends CarriesFiles implements Tg.InputPaidMediaLivePhoto<Uploadable> {
  /** Always `'live_photo'`. */
  readonly type = 'live_photo' as const;
  /**
   * @param media the video of the live photo (file_id or upload)
   * @param photo the static photo (file_id or upload)
   */
  constructor(
    public media: MediaSource,
    public photo: MediaSource,
  ) {
    super();
  }
}

/** Optional fields of {@link InputSticker}. */
export type InputStickerOptions = Omit<Tg.InputSticker<Uploadable>, 'sticker' | 'format' | 'emoji_list'>;
export interface InputSticker extends InputStickerOptions {}
/** A sticker to add to a sticker set (`createNewStickerSet`, `addStickerToSet`, `replaceStickerInSet`). */
export class InputSticker extends CarriesFiles implements Tg.InputSticker<Uploadable> {
  /**
   * @param sticker file_id, URL (static stickers only), or a file to upload
   * @param format `'static'` (.WEBP/.PNG), `'animated'` (.TGS) or `'video'` (.WEBM)
   * @param emoji_list 1-20 emoji associated with the sticker
   * @param options `mask_position`, `keywords`
   */
  constructor(
    public sticker: MediaSource,
    public format: Tg.InputSticker<Uploadable>['format'],
    public emoji_list: string[],
    options?: AcceptUndefined<InputStickerOptions>,
  ) {
    super();
    setDefined(this, options);
  }
}

/** A static profile photo (.JPG), always uploaded. */
export class InputProfilePhotoStatic extends CarriesFiles implements Tg.InputProfilePhotoStatic<Uploadable> {
  /** Always `'static'`. */
  readonly type = 'static' as const;
  /** @param photo the photo to upload */
  constructor(public photo: Uploadable) {
    super();
  }
}

/** Optional fields of {@link InputProfilePhotoAnimated}. */
export type InputProfilePhotoAnimatedOptions = OptionalPart<Tg.InputProfilePhotoAnimated<Uploadable>, 'animation'>;
export interface InputProfilePhotoAnimated extends InputProfilePhotoAnimatedOptions {}
/** An animated profile photo (MPEG4), always uploaded. */
export class InputProfilePhotoAnimated extends CarriesFiles implements Tg.InputProfilePhotoAnimated<Uploadable> {
  /** Always `'animated'`. */
  readonly type = 'animated' as const;
  /**
   * @param animation the video to upload
   * @param options `main_frame_timestamp`
   */
  constructor(
    public animation: Uploadable,
    options?: AcceptUndefined<InputProfilePhotoAnimatedOptions>,
  ) {
    super();
    setDefined(this, options);
  }
}

/** A photo to post as a story (1080x1920, at most 10 MB), always uploaded. */
export class InputStoryContentPhoto extends CarriesFiles implements Tg.InputStoryContentPhoto<Uploadable> {
  /** Always `'photo'`. */
  readonly type = 'photo' as const;
  /** @param photo the photo to upload */
  constructor(public photo: Uploadable) {
    super();
  }
}

/** Optional fields of {@link InputStoryContentVideo}. */
export type InputStoryContentVideoOptions = OptionalPart<Tg.InputStoryContentVideo<Uploadable>, 'video'>;
export interface InputStoryContentVideo extends InputStoryContentVideoOptions {}
/** A video to post as a story (720x1280, H.265, at most 30 MB), always uploaded. */
export class InputStoryContentVideo extends CarriesFiles implements Tg.InputStoryContentVideo<Uploadable> {
  /** Always `'video'`. */
  readonly type = 'video' as const;
  /**
   * @param video the video to upload
   * @param options `duration`, `cover_frame_timestamp`, `is_animation`
   */
  constructor(
    public video: Uploadable,
    options?: AcceptUndefined<InputStoryContentVideoOptions>,
  ) {
    super();
    setDefined(this, options);
  }
}
