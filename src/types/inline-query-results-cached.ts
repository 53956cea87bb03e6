/**
 * Results of an inline query that reuse files already stored on Telegram's servers (by file_id).
 * @module
 */
import type * as Tg from '../api/generated/telegram-types.js';
import { type OptionalPart, setDefined, type AcceptUndefined } from './internal.js';

/** Optional fields of {@link InlineQueryResultCachedPhoto}. */
export type InlineQueryResultCachedPhotoOptions = OptionalPart<Tg.InlineQueryResultCachedPhoto, 'id' | 'photo_file_id'>;
export interface InlineQueryResultCachedPhoto extends InlineQueryResultCachedPhotoOptions {}
/** A photo stored on Telegram's servers. */
export class InlineQueryResultCachedPhoto implements Tg.InlineQueryResultCachedPhoto {
  /** Always `'photo'`. */
  readonly type = 'photo' as const;
  /**
   * @param id unique identifier of the result
   * @param photo_file_id file_id of the photo
   * @param options `title`, `caption`, `reply_markup`, `input_message_content`, ...
   */
  constructor(
    public id: string,
    public photo_file_id: string,
    options?: AcceptUndefined<InlineQueryResultCachedPhotoOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultCachedGif}. */
export type InlineQueryResultCachedGifOptions = OptionalPart<Tg.InlineQueryResultCachedGif, 'id' | 'gif_file_id'>;
export interface InlineQueryResultCachedGif extends InlineQueryResultCachedGifOptions {}
/** An animated GIF stored on Telegram's servers. */
export class InlineQueryResultCachedGif implements Tg.InlineQueryResultCachedGif {
  /** Always `'gif'`. */
  readonly type = 'gif' as const;
  /**
   * @param id unique identifier of the result
   * @param gif_file_id file_id of the GIF
   * @param options `title`, `caption`, `reply_markup`, ...
   */
  constructor(
    public id: string,
    public gif_file_id: string,
    options?: AcceptUndefined<InlineQueryResultCachedGifOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultCachedMpeg4Gif}. */
export type InlineQueryResultCachedMpeg4GifOptions = OptionalPart<
  Tg.InlineQueryResultCachedMpeg4Gif,
  'id' | 'mpeg4_file_id'
>;
export interface InlineQueryResultCachedMpeg4Gif extends InlineQueryResultCachedMpeg4GifOptions {}
/** A soundless MPEG-4 animation stored on Telegram's servers. */
export class InlineQueryResultCachedMpeg4Gif implements Tg.InlineQueryResultCachedMpeg4Gif {
  /** Always `'mpeg4_gif'`. */
  readonly type = 'mpeg4_gif' as const;
  /**
   * @param id unique identifier of the result
   * @param mpeg4_file_id file_id of the MPEG-4 file
   * @param options `title`, `caption`, `reply_markup`, ...
   */
  constructor(
    public id: string,
    public mpeg4_file_id: string,
    options?: AcceptUndefined<InlineQueryResultCachedMpeg4GifOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultCachedSticker}. */
export type InlineQueryResultCachedStickerOptions = OptionalPart<
  Tg.InlineQueryResultCachedSticker,
  'id' | 'sticker_file_id'
>;
export interface InlineQueryResultCachedSticker extends InlineQueryResultCachedStickerOptions {}
/** A sticker stored on Telegram's servers. */
export class InlineQueryResultCachedSticker implements Tg.InlineQueryResultCachedSticker {
  /** Always `'sticker'`. */
  readonly type = 'sticker' as const;
  /**
   * @param id unique identifier of the result
   * @param sticker_file_id file_id of the sticker
   * @param options `reply_markup`, `input_message_content`
   */
  constructor(
    public id: string,
    public sticker_file_id: string,
    options?: AcceptUndefined<InlineQueryResultCachedStickerOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultCachedDocument}. */
export type InlineQueryResultCachedDocumentOptions = OptionalPart<
  Tg.InlineQueryResultCachedDocument,
  'id' | 'title' | 'document_file_id'
>;
export interface InlineQueryResultCachedDocument extends InlineQueryResultCachedDocumentOptions {}
/** A file stored on Telegram's servers. */
export class InlineQueryResultCachedDocument implements Tg.InlineQueryResultCachedDocument {
  /** Always `'document'`. */
  readonly type = 'document' as const;
  /**
   * @param id unique identifier of the result
   * @param title title of the result
   * @param document_file_id file_id of the file
   * @param options `description`, `caption`, `reply_markup`, ...
   */
  constructor(
    public id: string,
    public title: string,
    public document_file_id: string,
    options?: AcceptUndefined<InlineQueryResultCachedDocumentOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultCachedVideo}. */
export type InlineQueryResultCachedVideoOptions = OptionalPart<
  Tg.InlineQueryResultCachedVideo,
  'id' | 'video_file_id' | 'title'
>;
export interface InlineQueryResultCachedVideo extends InlineQueryResultCachedVideoOptions {}
/** A video stored on Telegram's servers. */
export class InlineQueryResultCachedVideo implements Tg.InlineQueryResultCachedVideo {
  /** Always `'video'`. */
  readonly type = 'video' as const;
  /**
   * @param id unique identifier of the result
   * @param video_file_id file_id of the video
   * @param title title of the result
   * @param options `description`, `caption`, `reply_markup`, ...
   */
  constructor(
    public id: string,
    public video_file_id: string,
    public title: string,
    options?: AcceptUndefined<InlineQueryResultCachedVideoOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultCachedVoice}. */
export type InlineQueryResultCachedVoiceOptions = OptionalPart<
  Tg.InlineQueryResultCachedVoice,
  'id' | 'voice_file_id' | 'title'
>;
export interface InlineQueryResultCachedVoice extends InlineQueryResultCachedVoiceOptions {}
/** A voice message stored on Telegram's servers. */
export class InlineQueryResultCachedVoice implements Tg.InlineQueryResultCachedVoice {
  /** Always `'voice'`. */
  readonly type = 'voice' as const;
  /**
   * @param id unique identifier of the result
   * @param voice_file_id file_id of the voice message
   * @param title voice message title
   * @param options `caption`, `reply_markup`, ...
   */
  constructor(
    public id: string,
    public voice_file_id: string,
    public title: string,
    options?: AcceptUndefined<InlineQueryResultCachedVoiceOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultCachedAudio}. */
export type InlineQueryResultCachedAudioOptions = OptionalPart<Tg.InlineQueryResultCachedAudio, 'id' | 'audio_file_id'>;
export interface InlineQueryResultCachedAudio extends InlineQueryResultCachedAudioOptions {}
/** An MP3 audio file stored on Telegram's servers. */
export class InlineQueryResultCachedAudio implements Tg.InlineQueryResultCachedAudio {
  /** Always `'audio'`. */
  readonly type = 'audio' as const;
  /**
   * @param id unique identifier of the result
   * @param audio_file_id file_id of the audio file
   * @param options `caption`, `reply_markup`, ...
   */
  constructor(
    public id: string,
    public audio_file_id: string,
    options?: AcceptUndefined<InlineQueryResultCachedAudioOptions>,
  ) {
    setDefined(this, options);
  }
}
