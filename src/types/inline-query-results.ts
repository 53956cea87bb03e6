/**
 * Results of an inline query that link to content by URL (or carry it inline), for `answerInlineQuery`.
 * The results that reuse files already on Telegram's servers are in `inline-query-results-cached.ts`.
 *
 * ```ts
 * const r = new types.InlineQueryResultArticle('1', 'Result', new types.InputTextMessageContent('Result message.'));
 * await bot.answerInlineQuery(query.id, [r]);
 * ```
 * @module
 */
import type * as Tg from '../api/generated/telegram-types.js';
import { type OptionalPart, setDefined, type AcceptUndefined } from './internal.js';

/** Optional fields of {@link InlineQueryResultArticle}. */
export type InlineQueryResultArticleOptions = OptionalPart<
  Tg.InlineQueryResultArticle,
  'id' | 'title' | 'input_message_content'
>;
export interface InlineQueryResultArticle extends InlineQueryResultArticleOptions {}
/** A link to an article or web page. */
export class InlineQueryResultArticle implements Tg.InlineQueryResultArticle {
  /** Always `'article'`. */
  readonly type = 'article' as const;
  /**
   * @param id unique identifier of the result, 1-64 bytes
   * @param title title of the result
   * @param input_message_content content of the message to send
   * @param options `reply_markup`, `url`, `description`, `thumbnail_url`, ...
   */
  constructor(
    public id: string,
    public title: string,
    public input_message_content: Tg.InputMessageContent,
    options?: AcceptUndefined<InlineQueryResultArticleOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultPhoto}. */
export type InlineQueryResultPhotoOptions = OptionalPart<
  Tg.InlineQueryResultPhoto,
  'id' | 'photo_url' | 'thumbnail_url'
>;
export interface InlineQueryResultPhoto extends InlineQueryResultPhotoOptions {}
/** A link to a JPEG photo. */
export class InlineQueryResultPhoto implements Tg.InlineQueryResultPhoto {
  /** Always `'photo'`. */
  readonly type = 'photo' as const;
  /**
   * @param id unique identifier of the result
   * @param photo_url URL of the JPEG photo (at most 5 MB)
   * @param thumbnail_url URL of the thumbnail
   * @param options `photo_width`, `caption`, `parse_mode`, `reply_markup`, `input_message_content`, ...
   */
  constructor(
    public id: string,
    public photo_url: string,
    public thumbnail_url: string,
    options?: AcceptUndefined<InlineQueryResultPhotoOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultGif}. */
export type InlineQueryResultGifOptions = OptionalPart<Tg.InlineQueryResultGif, 'id' | 'gif_url' | 'thumbnail_url'>;
export interface InlineQueryResultGif extends InlineQueryResultGifOptions {}
/** A link to an animated GIF file. */
export class InlineQueryResultGif implements Tg.InlineQueryResultGif {
  /** Always `'gif'`. */
  readonly type = 'gif' as const;
  /**
   * @param id unique identifier of the result
   * @param gif_url URL of the GIF file
   * @param thumbnail_url URL of the static or animated thumbnail
   * @param options `gif_width`, `gif_duration`, `caption`, `reply_markup`, ...
   */
  constructor(
    public id: string,
    public gif_url: string,
    public thumbnail_url: string,
    options?: AcceptUndefined<InlineQueryResultGifOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultMpeg4Gif}. */
export type InlineQueryResultMpeg4GifOptions = OptionalPart<
  Tg.InlineQueryResultMpeg4Gif,
  'id' | 'mpeg4_url' | 'thumbnail_url'
>;
export interface InlineQueryResultMpeg4Gif extends InlineQueryResultMpeg4GifOptions {}
/** A link to a soundless H.264/MPEG-4 animation. */
export class InlineQueryResultMpeg4Gif implements Tg.InlineQueryResultMpeg4Gif {
  /** Always `'mpeg4_gif'`. */
  readonly type = 'mpeg4_gif' as const;
  /**
   * @param id unique identifier of the result
   * @param mpeg4_url URL of the MPEG-4 file
   * @param thumbnail_url URL of the static or animated thumbnail
   * @param options `mpeg4_width`, `mpeg4_duration`, `caption`, `reply_markup`, ...
   */
  constructor(
    public id: string,
    public mpeg4_url: string,
    public thumbnail_url: string,
    options?: AcceptUndefined<InlineQueryResultMpeg4GifOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultVideo}. */
export type InlineQueryResultVideoOptions = OptionalPart<
  Tg.InlineQueryResultVideo,
  'id' | 'video_url' | 'mime_type' | 'thumbnail_url' | 'title'
>;
export interface InlineQueryResultVideo extends InlineQueryResultVideoOptions {}
/** A link to a video file or to a page with an embedded video player. */
export class InlineQueryResultVideo implements Tg.InlineQueryResultVideo {
  /** Always `'video'`. */
  readonly type = 'video' as const;
  /**
   * @param id unique identifier of the result
   * @param video_url URL of the embedded player or video file
   * @param mime_type `'text/html'` or `'video/mp4'`
   * @param thumbnail_url URL of the JPEG thumbnail
   * @param title title of the result
   * @param options `caption`, `video_duration`, `description`, `input_message_content`, ...
   */
  constructor(
    public id: string,
    public video_url: string,
    public mime_type: Tg.InlineQueryResultVideo['mime_type'],
    public thumbnail_url: string,
    public title: string,
    options?: AcceptUndefined<InlineQueryResultVideoOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultAudio}. */
export type InlineQueryResultAudioOptions = OptionalPart<Tg.InlineQueryResultAudio, 'id' | 'audio_url' | 'title'>;
export interface InlineQueryResultAudio extends InlineQueryResultAudioOptions {}
/** A link to an MP3 audio file. */
export class InlineQueryResultAudio implements Tg.InlineQueryResultAudio {
  /** Always `'audio'`. */
  readonly type = 'audio' as const;
  /**
   * @param id unique identifier of the result
   * @param audio_url URL of the audio file
   * @param title title
   * @param options `caption`, `performer`, `audio_duration`, `reply_markup`, ...
   */
  constructor(
    public id: string,
    public audio_url: string,
    public title: string,
    options?: AcceptUndefined<InlineQueryResultAudioOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultVoice}. */
export type InlineQueryResultVoiceOptions = OptionalPart<Tg.InlineQueryResultVoice, 'id' | 'voice_url' | 'title'>;
export interface InlineQueryResultVoice extends InlineQueryResultVoiceOptions {}
/** A link to an OGG/OPUS voice recording. */
export class InlineQueryResultVoice implements Tg.InlineQueryResultVoice {
  /** Always `'voice'`. */
  readonly type = 'voice' as const;
  /**
   * @param id unique identifier of the result
   * @param voice_url URL of the voice recording
   * @param title recording title
   * @param options `caption`, `voice_duration`, `reply_markup`, ...
   */
  constructor(
    public id: string,
    public voice_url: string,
    public title: string,
    options?: AcceptUndefined<InlineQueryResultVoiceOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultDocument}. */
export type InlineQueryResultDocumentOptions = OptionalPart<
  Tg.InlineQueryResultDocument,
  'id' | 'title' | 'document_url' | 'mime_type'
>;
export interface InlineQueryResultDocument extends InlineQueryResultDocumentOptions {}
/** A link to a PDF or ZIP file. */
export class InlineQueryResultDocument implements Tg.InlineQueryResultDocument {
  /** Always `'document'`. */
  readonly type = 'document' as const;
  /**
   * @param id unique identifier of the result
   * @param title title of the result
   * @param document_url URL of the file
   * @param mime_type `'application/pdf'` or `'application/zip'`
   * @param options `caption`, `description`, `thumbnail_url`, ...
   */
  constructor(
    public id: string,
    public title: string,
    public document_url: string,
    public mime_type: Tg.InlineQueryResultDocument['mime_type'],
    options?: AcceptUndefined<InlineQueryResultDocumentOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultLocation}. */
export type InlineQueryResultLocationOptions = OptionalPart<
  Tg.InlineQueryResultLocation,
  'id' | 'latitude' | 'longitude' | 'title'
>;
export interface InlineQueryResultLocation extends InlineQueryResultLocationOptions {}
/** A location on a map. */
export class InlineQueryResultLocation implements Tg.InlineQueryResultLocation {
  /** Always `'location'`. */
  readonly type = 'location' as const;
  /**
   * @param id unique identifier of the result
   * @param latitude latitude in degrees
   * @param longitude longitude in degrees
   * @param title location title
   * @param options `horizontal_accuracy`, `live_period`, `heading`, `thumbnail_url`, ...
   */
  constructor(
    public id: string,
    public latitude: number,
    public longitude: number,
    public title: string,
    options?: AcceptUndefined<InlineQueryResultLocationOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultVenue}. */
export type InlineQueryResultVenueOptions = OptionalPart<
  Tg.InlineQueryResultVenue,
  'id' | 'latitude' | 'longitude' | 'title' | 'address'
>;
export interface InlineQueryResultVenue extends InlineQueryResultVenueOptions {}
/** A venue. */
export class InlineQueryResultVenue implements Tg.InlineQueryResultVenue {
  /** Always `'venue'`. */
  readonly type = 'venue' as const;
  /**
   * @param id unique identifier of the result
   * @param latitude latitude in degrees
   * @param longitude longitude in degrees
   * @param title title of the venue
   * @param address address of the venue
   * @param options `foursquare_id`, `google_place_id`, `thumbnail_url`, ...
   */
  constructor(
    public id: string,
    public latitude: number,
    public longitude: number,
    public title: string,
    public address: string,
    options?: AcceptUndefined<InlineQueryResultVenueOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultContact}. */
export type InlineQueryResultContactOptions = OptionalPart<
  Tg.InlineQueryResultContact,
  'id' | 'phone_number' | 'first_name'
>;
export interface InlineQueryResultContact extends InlineQueryResultContactOptions {}
/** A contact with a phone number. */
export class InlineQueryResultContact implements Tg.InlineQueryResultContact {
  /** Always `'contact'`. */
  readonly type = 'contact' as const;
  /**
   * @param id unique identifier of the result
   * @param phone_number contact's phone number
   * @param first_name contact's first name
   * @param options `last_name`, `vcard`, `thumbnail_url`, ...
   */
  constructor(
    public id: string,
    public phone_number: string,
    public first_name: string,
    options?: AcceptUndefined<InlineQueryResultContactOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InlineQueryResultGame}. */
export type InlineQueryResultGameOptions = OptionalPart<Tg.InlineQueryResultGame, 'id' | 'game_short_name'>;
export interface InlineQueryResultGame extends InlineQueryResultGameOptions {}
/** A game. */
export class InlineQueryResultGame implements Tg.InlineQueryResultGame {
  /** Always `'game'`. */
  readonly type = 'game' as const;
  /**
   * @param id unique identifier of the result
   * @param game_short_name short name of the game
   * @param options `reply_markup`
   */
  constructor(
    public id: string,
    public game_short_name: string,
    options?: AcceptUndefined<InlineQueryResultGameOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Describes a button shown above inline query results (`answerInlineQuery`'s `button`). */
export interface InlineQueryResultsButton extends Partial<Omit<Tg.InlineQueryResultsButton, 'text'>> {}
/** A button shown above inline query results: exactly one of `web_app` or `start_parameter`. */
export class InlineQueryResultsButton implements Tg.InlineQueryResultsButton {
  /**
   * @param text label of the button
   * @param options `web_app` or `start_parameter`
   */
  constructor(
    public text: string,
    options?: AcceptUndefined<Partial<Omit<Tg.InlineQueryResultsButton, 'text'>>>,
  ) {
    setDefined(this, options);
  }
}
