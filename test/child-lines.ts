// A child process (a fixture under test/fixtures/) that reports by printing lines: the tests that
// send it signals read what it printed, one line at a time, and how it exited.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** How a child ended: its exit code, or the signal that killed it. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** What {@link startChildWithLines} passes on to the child. */
export interface ChildOptions {
  /** Arguments after the fixture's path. */
  args?: readonly string[];
  /** Node options before `--import tsx` (e.g. `--unhandled-rejections=strict`). */
  execArgv?: readonly string[];
  /** The child's whole environment (default: this process's). */
  env?: NodeJS.ProcessEnv;
}

/** Starts `node [execArgv] --import tsx <fixture> [args]` with its stdout read line by line. */
export function startChildWithLines(fixture: string, options: ChildOptions = {}) {
  const child = spawn(
    process.execPath,
    [...(options.execArgv ?? []), '--import', 'tsx', fixture, ...(options.args ?? [])],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<ChildExit>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    child,
    /** Everything the child wrote to stderr so far. */
    stderr: () => stderr,
    /** Writes `line` and a newline to the child's stdin. */
    send: (line: string) => child.stdin!.write(`${line}\n`),
    /** The next line the child prints. */
    next: async () => String((await lines.next()).value),
    /** How the child exited, or 'timeout' when it still runs after `ms`. */
    exitWithin: (ms: number) =>
      Promise.race([exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref())]),
  };
}
