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

/** Everything a call needs to know about its method, worked out once per method name. */
export interface CallPlan {
  /** The name sent to Telegram (a deprecated alias becomes its current name). */
  readonly name: string;
  /** The table's entry; undefined for a method newer than this version of Botte. */
  readonly spec: MethodSpec | undefined;
  /** Whether the result is a Message (or a list of them) that gets `content_type` and `from_user`. */
  readonly returnsMessage: boolean;
  /** A small number unique to this plan, for per-client caches kept in arrays. */
  readonly index: number;
}

// A Map, not the table object: 185+ keys put an object in dictionary mode, and calls look the
// method up on every call.
const plans = new Map<string, CallPlan>();

/** The {@link CallPlan} of `method` (cached; unknown names are cached too, they are few). */
export function callPlan(method: string): CallPlan {
  let plan = plans.get(method);
  if (plan === undefined) {
    const name = currentMethodName(method);
    // A caller passing ever new names (typos in a loop) must not grow the cache without bound:
    // past 1024 names, plans are made per call and share the index -1 (not cached by clients).
    const cached = plans.size < 1024;
    const spec = methodSpec(method);
    // Whether a result is a Message is a fact of the description (spec/bot-api.json).
    plan = { name, spec, returnsMessage: spec?.returnsMessage ?? false, index: cached ? plans.size : -1 };
    if (cached) plans.set(method, plan);
  }
  return plan;
}
