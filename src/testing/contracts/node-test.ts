/**
 * node:test, loaded when a contract suite is registered rather than when `botte/testing` is
 * imported: the emulator also runs outside test runners (the playground, Bun, Deno).
 * @module
 */
import type * as NodeTest from 'node:test';

/** `describe` and `it` of node:test. */
export function nodeTest(): Pick<typeof NodeTest, 'describe' | 'it'> {
  return process.getBuiltinModule('node:test');
}
