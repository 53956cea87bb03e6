/**
 * Contents of the message an inline query result sends (`input_message_content`).
 * @module
 */
import type * as Tg from '../api/generated/telegram-types.js';
import { type OptionalPart, setDefined, type AcceptUndefined } from './internal.js';

/** Optional fields of {@link InputTextMessageContent}. */
export type InputTextMessageContentOptions = OptionalPart<Tg.InputTextMessageContent, 'message_text'>;
export interface InputTextMessageContent extends InputTextMessageContentOptions {}
/** A text message: `new InputTextMessageContent('hi', { parse_mode: 'HTML' })`. */
export class InputTextMessageContent implements Tg.InputTextMessageContent {
  /**
   * @param message_text text of the message, 1-4096 characters
   * @param options `parse_mode`, `entities`, `link_preview_options`
   */
  constructor(
    public message_text: string,
    options?: AcceptUndefined<InputTextMessageContentOptions>,
  ) {
    setDefined(this, options);
  }
}

/** A rich message (only files already on Telegram's servers may be used). */
export class InputRichMessageContent implements Tg.InputRichMessageContent {
  /** @param rich_message the rich message to send */
  constructor(public rich_message: Tg.InputRichMessage<never>) {}
}

/** Optional fields of {@link InputLocationMessageContent}. */
export type InputLocationMessageContentOptions = OptionalPart<Tg.InputLocationMessageContent, 'latitude' | 'longitude'>;
export interface InputLocationMessageContent extends InputLocationMessageContentOptions {}
/** A location message. */
export class InputLocationMessageContent implements Tg.InputLocationMessageContent {
  /**
   * @param latitude latitude in degrees
   * @param longitude longitude in degrees
   * @param options `horizontal_accuracy`, `live_period`, `heading`, `proximity_alert_radius`
   */
  constructor(
    public latitude: number,
    public longitude: number,
    options?: AcceptUndefined<InputLocationMessageContentOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputVenueMessageContent}. */
export type InputVenueMessageContentOptions = OptionalPart<
  Tg.InputVenueMessageContent,
  'latitude' | 'longitude' | 'title' | 'address'
>;
export interface InputVenueMessageContent extends InputVenueMessageContentOptions {}
/** A venue message. */
export class InputVenueMessageContent implements Tg.InputVenueMessageContent {
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
    options?: AcceptUndefined<InputVenueMessageContentOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputContactMessageContent}. */
export type InputContactMessageContentOptions = OptionalPart<
  Tg.InputContactMessageContent,
  'phone_number' | 'first_name'
>;
export interface InputContactMessageContent extends InputContactMessageContentOptions {}
/** A contact message. */
export class InputContactMessageContent implements Tg.InputContactMessageContent {
  /**
   * @param phone_number contact's phone number
   * @param first_name contact's first name
   * @param options `last_name`, `vcard`
   */
  constructor(
    public phone_number: string,
    public first_name: string,
    options?: AcceptUndefined<InputContactMessageContentOptions>,
  ) {
    setDefined(this, options);
  }
}

/** Optional fields of {@link InputInvoiceMessageContent}. */
export type InputInvoiceMessageContentOptions = OptionalPart<
  Tg.InputInvoiceMessageContent,
  'title' | 'description' | 'payload' | 'currency' | 'prices'
>;
export interface InputInvoiceMessageContent extends InputInvoiceMessageContentOptions {}
/** An invoice message. For Telegram Stars pass currency `'XTR'` and leave `provider_token` out (or `''`). */
export class InputInvoiceMessageContent implements Tg.InputInvoiceMessageContent {
  /**
   * @param title product name, 1-32 characters
   * @param description product description, 1-255 characters
   * @param payload bot-defined invoice payload, 1-128 bytes
   * @param currency three-letter ISO 4217 code, or `'XTR'`
   * @param prices price breakdown
   * @param options `provider_token`, `max_tip_amount`, `photo_url`, `need_name`, ...
   */
  constructor(
    public title: string,
    public description: string,
    public payload: string,
    public currency: string,
    public prices: Tg.LabeledPrice[],
    options?: AcceptUndefined<InputInvoiceMessageContentOptions>,
  ) {
    setDefined(this, options);
  }
}
