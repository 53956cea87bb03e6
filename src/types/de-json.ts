/**
 * `types.Update.deJson(json)` and its twins on the other incoming types (pyTelegramBotAPI's
 * `Update.de_json`): JSON text or a parsed object in, the object Botte's handlers would receive
 * out (a copy; Messages get `content_type`, `from_user`, `id`). Each name is both the
 * TypeScript type and this value, so `types.Update` still works as a type.
 * @module
 */
import type * as Tg from '../api/generated/telegram-types.js';
import { enrichMessage, enrichUpdate, type Message as BotteMessage } from './message.js';

/** The `deJson` of one type. */
export interface JsonDeserializer<T> {
  /** Parses JSON text (or copies a parsed object) into a `T`; `null`/`undefined` give undefined, as in pyTelegramBotAPI. */
  deJson(json: string | object): T;
  /** See above. */
  deJson(json: null | undefined): undefined;
}

function deserializer<T>(name: string, enrich?: (obj: object) => void): JsonDeserializer<T> {
  return {
    deJson(json: unknown): any {
      if (json === null || json === undefined) return undefined;
      let obj: unknown;
      if (typeof json === 'string') {
        try {
          obj = JSON.parse(json);
        } catch (error) {
          throw new TypeError(`types.${name}.deJson: not valid JSON (${(error as Error).message})`);
        }
      } else {
        obj = structuredClone(json);
      }
      if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
        throw new TypeError(`types.${name}.deJson: expected a JSON object for a ${name}`);
      }
      enrich?.(obj);
      return obj;
    },
  } as JsonDeserializer<T>;
}

const inCallbackQuery = (query: object) => void enrichUpdate({ callback_query: query });

// Each name below is both a type and its deserializer (a value), as pyTelegramBotAPI's classes are.
/** An incoming update; `Update.deJson(body)` is the webhook recipe of pyTelegramBotAPI. */
export type Update = Tg.Update;
/** See {@link JsonDeserializer}. */
export const Update = deserializer<Tg.Update>('Update', (update) => void enrichUpdate(update));
/** A message as handlers receive it. */
export type Message = BotteMessage;
/** See {@link JsonDeserializer}. */
export const Message = deserializer<BotteMessage>('Message', (message) => void enrichMessage(message));
/** A callback query (its message enriched). */
export type CallbackQuery = Tg.CallbackQuery;
/** See {@link JsonDeserializer}. */
export const CallbackQuery = deserializer<Tg.CallbackQuery>('CallbackQuery', inCallbackQuery);
/** A Telegram user. */
export type User = Tg.User;
/** See {@link JsonDeserializer}. */
export const User = deserializer<Tg.User>('User');
/** A chat. */
export type Chat = Tg.Chat;
/** See {@link JsonDeserializer}. */
export const Chat = deserializer<Tg.Chat>('Chat');
/** An inline query. */
export type InlineQuery = Tg.InlineQuery;
/** See {@link JsonDeserializer}. */
export const InlineQuery = deserializer<Tg.InlineQuery>('InlineQuery');
/** A chosen inline result. */
export type ChosenInlineResult = Tg.ChosenInlineResult;
/** See {@link JsonDeserializer}. */
export const ChosenInlineResult = deserializer<Tg.ChosenInlineResult>('ChosenInlineResult');
/** A shipping query. */
export type ShippingQuery = Tg.ShippingQuery;
/** See {@link JsonDeserializer}. */
export const ShippingQuery = deserializer<Tg.ShippingQuery>('ShippingQuery');
/** A pre-checkout query. */
export type PreCheckoutQuery = Tg.PreCheckoutQuery;
/** See {@link JsonDeserializer}. */
export const PreCheckoutQuery = deserializer<Tg.PreCheckoutQuery>('PreCheckoutQuery');
/** A poll. */
export type Poll = Tg.Poll;
/** See {@link JsonDeserializer}. */
export const Poll = deserializer<Tg.Poll>('Poll');
/** A poll answer. */
export type PollAnswer = Tg.PollAnswer;
/** See {@link JsonDeserializer}. */
export const PollAnswer = deserializer<Tg.PollAnswer>('PollAnswer');
/** A chat member change. */
export type ChatMemberUpdated = Tg.ChatMemberUpdated;
/** See {@link JsonDeserializer}. */
export const ChatMemberUpdated = deserializer<Tg.ChatMemberUpdated>('ChatMemberUpdated');
/** A join request. */
export type ChatJoinRequest = Tg.ChatJoinRequest;
/** See {@link JsonDeserializer}. */
export const ChatJoinRequest = deserializer<Tg.ChatJoinRequest>('ChatJoinRequest');
/** A file. */
export type File = Tg.File;
/** See {@link JsonDeserializer}. */
export const File = deserializer<Tg.File>('File');
/** Webhook information. */
export type WebhookInfo = Tg.WebhookInfo;
/** See {@link JsonDeserializer}. */
export const WebhookInfo = deserializer<Tg.WebhookInfo>('WebhookInfo');
