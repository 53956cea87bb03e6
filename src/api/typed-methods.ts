/**
 * The code of the 185 typed Bot API methods (`bot.sendMessage(chatId, text, options?)`, ...): one
 * function per method of the generated table, which maps its arguments (typed-arguments.ts) and
 * hands the parameter object to the client. `ApiClient` links them onto its class with
 * util/method-layer.ts; their types are the generated `BotApiMethods` (merged into `ApiClient`).
 * @module
 */
import { METHOD_TABLE, type MethodName } from './generated/method-table.js';
import { methodSpec } from './method-lookup.js';
import { MAX_POSITIONAL, typedParams } from './typed-arguments.js';
import type { LayerMethod } from '../util/method-layer.js';

/**
 * What a typed method does with its parameter object: `client` is the bot the method was called
 * on, `params` a new object made for this call alone.
 */
export type TypedCall<C> = (client: C, method: string, params: Record<string, unknown>) => Promise<unknown>;

/**
 * The error of a bot method called without its bot: taken off the bot (`util.antiflood(bot.sendMessage, ...)`,
 * as pyTelegramBotAPI's docs write it, or `const { sendMessage } = bot`), a JavaScript method
 * loses `this`. Said plainly, instead of failing somewhere inside the client.
 */
export function detachedCallError(name: string): TypeError {
  return new TypeError(
    `${name} was called without its bot: a method taken off the bot loses \`this\` in JavaScript ` +
      `(e.g. util.antiflood(bot.${name}, ...)). Pass bot.${name}.bind(bot), or an arrow: ` +
      `util.antiflood(() => bot.${name}(...))`,
  );
}

/** Every typed method (and deprecated alias) by name, each ending in `call`. */
export function typedMethodLayer<C>(call: TypedCall<C>): Record<string, LayerMethod> {
  const methods: Record<string, LayerMethod> = {};
  for (const name of Object.keys(METHOD_TABLE) as MethodName[]) {
    const spec = methodSpec(name)!;
    if (spec.positional.length > MAX_POSITIONAL)
      throw new Error(`typed methods pass ${MAX_POSITIONAL} positional parameters; ${name} has more`);
    // Named after the method, so that stack traces say `sendMessage`.
    methods[name] = {
      [name](this: C, ...args: unknown[]): Promise<unknown> {
        if (this === undefined || this === null) throw detachedCallError(name);
        return call(this, name, typedParams(name, spec, args));
      },
    }[name]!;
  }
  return methods;
}
