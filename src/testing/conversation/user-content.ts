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
