/**
 * Runs the user's bot file, unchanged, as a child process aimed at the emulator (BOT_TOKEN,
 * BOTTE_API_URL, BOTTE_FILE_URL), and restarts it when a file next to it changes.
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Options of {@link BotProcess}. */
export interface BotProcessOptions {
  /** The bot's file (`.ts` runs through tsx when it is installed). */
  file: string;
  /** Variables added to the bot's environment. */
  env: Record<string, string>;
  /** Restart when a file in the bot's folder changes (default true). */
  watch?: boolean;
  /** Where the bot's output and the restarts are told (default the console). */
  log?: (line: string) => void;
  /** Called after each (re)start. */
  onStart?: () => void;
}

/** The `--import` URL of tsx's loader, found from the working folder or from Botte's own folder; undefined when not installed. */
export function findTsxLoader(): string | undefined {
  const bases = [join(process.cwd(), 'noop.js'), process.argv[1] ?? join(process.cwd(), 'noop.js')];
  for (const base of bases) {
    try {
      const packageJson = createRequire(base).resolve('tsx/package.json');
      const loader = join(dirname(packageJson), 'dist', 'loader.mjs');
      if (existsSync(loader)) return pathToFileURL(loader).href;
    } catch {
      // Not installed there; try the next place.
    }
  }
  return undefined;
}

/** The command line that runs `file` with the current Node.js (through tsx for TypeScript files). */
export function botCommand(file: string): string[] {
  if (/\.[cm]?tsx?$/.test(file)) {
    const loader = findTsxLoader();
    if (loader === undefined)
      throw new Error(
        `${file} is TypeScript, but tsx is not installed: run \`npm install --save-dev tsx\`, or give the compiled .js file`,
      );
    return ['--import', loader, file];
  }
  return [file];
}

/** The user's bot as a child process that restarts on change. */
export class BotProcess {
  private child: ChildProcess | undefined;
  private watcher: FSWatcher | undefined;
  private restartTimer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly file: string;
  private readonly log: (line: string) => void;
  /** How many times the bot was started. */
  starts = 0;

  /** Prepares (does not start) the bot process. */
  constructor(private readonly options: BotProcessOptions) {
    this.file = resolve(options.file);
    if (!existsSync(this.file)) throw new Error(`bot file not found: ${options.file}`);
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** Starts the bot and, unless told not to, watches its folder. */
  start(): void {
    this.spawnBot();
    if (this.options.watch !== false) {
      this.watcher = watch(dirname(this.file), (_event, name) => {
        if (name !== null && !/\.([cm]?[jt]sx?|json)$/.test(String(name))) return;
        clearTimeout(this.restartTimer);
        this.restartTimer = setTimeout(() => void this.restart(), 150);
      });
    }
  }

  /** Stops the bot and starts it again (the emulator, and so the chats, stay). */
  async restart(): Promise<void> {
    if (this.stopped) return;
    this.log('[playground] bot file changed: restarting the bot');
    await this.kill();
    if (!this.stopped) this.spawnBot();
  }

  /** Stops watching and ends the bot. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    this.watcher?.close();
    await this.kill();
  }

  private spawnBot(): void {
    const child = spawn(process.execPath, botCommand(this.file), {
      env: { ...process.env, ...this.options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    const relay = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') this.log(`[bot] ${line}`);
    };
    child.stdout?.on('data', relay);
    child.stderr?.on('data', relay);
    child.on('exit', (code, signal) => {
      if (this.child === child) {
        this.child = undefined;
        if (!this.stopped)
          this.log(
            `[playground] the bot exited (${signal ?? `code ${String(code)}`}); it restarts when its file changes`,
          );
      }
    });
    this.options.onStart?.();
  }

  private async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    this.child = undefined;
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}
