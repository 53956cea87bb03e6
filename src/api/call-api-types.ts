/**
 * The argument types of `callApi`: typed by method name for the methods Botte knows (a missing
 * required parameter fails to compile), plus the escape hatch for names it does not know yet.
 * Derived from `MethodName` (src/api/generated/method-table.ts) and `ApiParams`
 * (src/api/method-spec.ts), so they follow every regeneration. Tests: test/api-call-types.test.ts.
 * @module
 */
import type { CallOptions } from './client.js';
import type { MethodName } from './generated/method-table.js';
import type { ApiParams } from './method-spec.js';

/** The keys of `T` that are not optional. */
type RequiredKeys<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? never : K }[keyof T];

/**
 * The arguments after the method name in `callApi(method, ...)`: the parameter object is required
 * exactly when the method has a required parameter.
 */
export type ApiCallArgs<M extends MethodName> = [ApiParams<M>] extends [never]
  ? [params?: Record<string, never>, call?: CallOptions]
  : [RequiredKeys<ApiParams<M>>] extends [never]
    ? [params?: ApiParams<M>, call?: CallOptions]
    : [params: ApiParams<M>, call?: CallOptions];

/**
 * A method name this version of Botte does not know (a newer Bot API method): `never` for a known
 * one, so that known names always take the typed overload of `callApi`. A `string` variable is
 * accepted as is.
 */
export type UnknownMethodName<M extends string> = M extends MethodName ? never : M;
