/**
 * How the bot's table-made methods reach its classes: the 185 typed Bot API methods
 * (`src/api/typed-methods.ts`, onto `ApiClient`) and the registrars (`src/dispatch/registrars.ts`,
 * onto `Dispatcher`). Both are made from a table at import, so they cannot be written as class
 * methods; this is the one place that links them, and docs/CONTRIBUTING.md ("How a Botte is
 * assembled") says where each method of the bot comes from.
 * @module
 */

/** One method of a layer: called on the bot with whatever arguments its typed declaration allows. */
export type LayerMethod = (this: any, ...args: any[]) => unknown;

/** A class whose instances get the methods of a layer. */
type AnyClass = abstract new (...args: never[]) => object;

/**
 * Links `methods` between `target.prototype` and its parent, as one object of their own: the class's
 * own methods still win, and `super` chains of subclasses are unchanged. Defined on a plain object
 * and linked once, this costs about 1 ms at import for the 185 typed methods; defining them one by
 * one on a class prototype cost about 7 ms of every cold start, since V8 reworks a prototype's
 * layout on each new property (BENCHMARKS.md, cold start).
 *
 * The methods' types come from an interface merged into the class (`interface ApiClient extends
 * BotApiMethods {}`); each method's function gets its public name, so stack traces show
 * `sendMessage`, not an anonymous function.
 */
export function linkMethodLayer(target: AnyClass, methods: Readonly<Record<string, LayerMethod>>): void {
  const descriptors: PropertyDescriptorMap = {};
  for (const [name, value] of Object.entries(methods)) {
    if (Object.hasOwn(target.prototype, name)) {
      throw new Error(`${target.name} already has its own ${name}: a layer method would be hidden by it`);
    }
    descriptors[name] = { value, writable: true, configurable: true };
  }
  const layer = Object.create(Object.getPrototypeOf(target.prototype) as object | null) as object;
  Object.setPrototypeOf(target.prototype, Object.defineProperties(layer, descriptors));
}
