/**
 * Looks methods up in the generated table, following deprecated aliases to their current name.
 * @module
 */
import { METHOD_TABLE } from './generated/method-table.js';
import type { MethodSpec } from './method-spec.js';

const table = METHOD_TABLE as Record<string, MethodSpec | string>;

/** The current name of `method`: itself, or what a deprecated alias stands for. */
export function currentMethodName(method: string): string {
  const entry = table[method];
  return typeof entry === 'string' ? entry : method;
}

/** How `method` is called, or undefined for a method outside the table. */
export function methodSpec(method: string): MethodSpec | undefined {
  const entry = table[method];
  return typeof entry === 'string' ? (table[entry] as MethodSpec) : entry;
}
