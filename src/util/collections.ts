/**
 * Collection helpers.
 * @module
 */

/** Yields successive slices of `size` items from `items` (the last one may be shorter). */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[], void, undefined> {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Chunk size must be a positive integer, got ${size}`);
  for (let index = 0; index < items.length; index += size) {
    yield items.slice(index, index + size);
  }
}
