/**
 * Node-only modules, loaded when a feature that needs them is used rather than when Botte is
 * imported: importing `botte` then works on runtimes without them (Cloudflare Workers), and the
 * feature says clearly why it cannot run there. Bun and Deno have these modules.
 * @module
 */

const FILE_HINT =
  'There is no file system here: pass bytes, a Blob or a stream instead, or run this part on Node, Bun or Deno.';

/** Thrown when a feature needs a Node module this runtime does not have. */
export class RuntimeFeatureUnavailableError extends Error {
  /**
   * @param feature what was asked, e.g. "InputFile from a path"
   * @param moduleName the missing module
   * @param cause the loader's error
   * @param hint what to do instead
   */
  constructor(feature: string, moduleName: string, cause?: unknown, hint = FILE_HINT) {
    super(`${feature} needs ${moduleName}, which this runtime (e.g. Cloudflare Workers) does not provide. ${hint}`, {
      cause,
    });
    this.name = 'RuntimeFeatureUnavailableError';
  }
}

/**
 * Whether this is Cloudflare's workerd (the user agent it documents). Its `nodejs_compat` gives a
 * `node:http` whose servers no outside request reaches, and a Worker lives for one request: the
 * features needing a server or a process of their own refuse to start there.
 */
export function onCloudflareWorkers(): boolean {
  return globalThis.navigator?.userAgent === 'Cloudflare-Workers';
}

type FsPromises = typeof import('node:fs/promises');
type Fs = typeof import('node:fs');

let fsPromises: Promise<FsPromises> | undefined;
let fs: Promise<Fs> | undefined;

function load<T>(feature: string, moduleName: string, importer: () => Promise<T>): Promise<T> {
  return importer().then(
    (module) => {
      // workerd may resolve node:fs to a module without real files; treat it as missing.
      if (module === undefined || module === null) throw new RuntimeFeatureUnavailableError(feature, moduleName);
      return module;
    },
    (error: unknown) => {
      throw new RuntimeFeatureUnavailableError(feature, moduleName, error);
    },
  );
}

/** `node:fs/promises`, loaded on first use; `feature` names what needed it, for the error. */
export function nodeFsPromises(feature: string): Promise<FsPromises> {
  fsPromises ??= load(feature, 'node:fs/promises', () => import('node:fs/promises'));
  return fsPromises.catch((error: unknown) => {
    fsPromises = undefined;
    throw error instanceof RuntimeFeatureUnavailableError
      ? new RuntimeFeatureUnavailableError(feature, 'node:fs/promises', error.cause)
      : error;
  });
}

/** `node:fs`, loaded on first use; `feature` names what needed it, for the error. */
export function nodeFs(feature: string): Promise<Fs> {
  fs ??= load(feature, 'node:fs', () => import('node:fs'));
  return fs.catch((error: unknown) => {
    fs = undefined;
    throw error instanceof RuntimeFeatureUnavailableError
      ? new RuntimeFeatureUnavailableError(feature, 'node:fs', error.cause)
      : error;
  });
}

/**
 * `node:fs` for synchronous code, through `process.getBuiltinModule` (Node 20.16+, Bun, Deno),
 * which needs no import; throws {@link RuntimeFeatureUnavailableError} where it is missing.
 */
export function nodeFsSync(feature: string): Fs {
  const runtimeProcess = globalThis.process as { getBuiltinModule?: (id: string) => unknown } | undefined;
  let module: Fs | undefined;
  try {
    module = runtimeProcess?.getBuiltinModule?.('node:fs') as Fs | undefined;
  } catch (error) {
    throw new RuntimeFeatureUnavailableError(feature, 'node:fs', error);
  }
  if (module === undefined || typeof module.readFileSync !== 'function')
    throw new RuntimeFeatureUnavailableError(feature, 'node:fs');
  return module;
}

/** The last segment of a `/` or `\` separated path (node:path's basename, without node:path). */
export function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const at = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return at === -1 ? trimmed : trimmed.slice(at + 1);
}

/** The folder part of a path (node:path's dirname for the paths Botte writes). */
export function dirName(path: string): string {
  const at = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (at === -1) return '.';
  return at === 0 ? path.slice(0, 1) : path.slice(0, at);
}
