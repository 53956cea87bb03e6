export { sleep } from '../helpers.js';
import { sleep } from '../helpers.js';
/** Sizes of the reliability suite: scaled down for CI, full size with BOTTE_RELIABILITY_FULL=1. */
export const FULL = process.env.BOTTE_RELIABILITY_FULL === '1';

/** `ci` in CI, `full` with BOTTE_RELIABILITY_FULL=1. */
export function size(ci: number, full: number): number {
  return FULL ? full : ci;
}

/** Prints a figure for RELIABILITY.md (one JSON line on stdout, prefixed so it can be grepped). */
export function figure(name: string, values: Record<string, unknown>): void {
  process.stdout.write(`# FIGURE ${JSON.stringify({ name, full: FULL, ...values })}\n`);
}

/** Waits for `check()` to hold, failing with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(10);
  }
}
