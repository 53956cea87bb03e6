/**
 * `instanceof` for Botte's error classes that also works across copies of the library: a
 * process that loads both the CommonJS build (`require('botte')`) and the ES module build
 * (`import 'botte'`) has two `ApiTelegramException` classes, and an error thrown by one copy must
 * still pass `instanceof` against the other. Each branded class marks its prototype with a
 * registry symbol (`Symbol.for`, shared by every copy in the process) and checks that mark in
 * `Symbol.hasInstance`. Test: test/api-error-brand.test.ts.
 * @module
 */

/** The symbol marking instances of the error class named `name` (same symbol in every copy). */
export function errorBrand(name: string): symbol {
  return Symbol.for(`botte.error.${name}`);
}

/**
 * Brands `errorClass` under `name`: its instances (and those of its subclasses) carry the brand,
 * and `value instanceof errorClass` is true for any value carrying it, whichever copy of Botte
 * made it. A user's subclass of a branded class keeps the ordinary `instanceof`.
 */
export function brandError(errorClass: abstract new (...args: never[]) => Error, name: string): void {
  const brand = errorBrand(name);
  Object.defineProperty(errorClass.prototype, brand, { value: true });
  Object.defineProperty(errorClass, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      // A subclass inherits this static method; for it, only the ordinary prototype walk is right.
      if (
        this === errorClass &&
        typeof value === 'object' &&
        value !== null &&
        (value as Record<symbol, unknown>)[brand] === true
      ) {
        return true;
      }
      return typeof this === 'function' && Function.prototype[Symbol.hasInstance].call(this, value);
    },
  });
}
