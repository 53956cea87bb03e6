// The one throw-away redis-server of the tests (and of `npm run scale-demo`, through
// examples/scale-out/cluster.ts): on a free port of 127.0.0.1, with its data in a temporary
// directory, optionally with AOF on, restartable on the same port and data. redis-server must be
// installed (.ci/run installs it): without it the tests fail rather than skip, so that CI can't
// pass without testing Redis.
//
// No orphan when the test process dies, SIGKILL included: redis-server is started by `sh`, which
// first puts a watchdog in the background and then execs redis-server (so the child we hold, its pid
// and its signals are redis-server's own). The watchdog reads a pipe whose only writer is this
// process; the kernel closes it however this process ends, the watchdog reads end-of-file and sends
// redis-server SIGTERM. test/tooling-redis-server.test.ts SIGKILLs a process that started one and
// checks that nothing is left.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// fd 3 keeps the pipe from this process (stdin) for the watchdog; redis-server gets /dev/null and
// no fd 3. `$$` in the background subshell is the outer shell's pid, which `exec` gives to redis-server.
const WATCHED_START = [
  'exec 3<&0 </dev/null',
  '(cat <&3 >/dev/null 2>&1; kill -TERM $$ 2>/dev/null) >/dev/null 2>&1 &',
  'exec redis-server "$@" 3<&-',
].join('\n');

/** Whether `redis-server` is installed. */
export function redisServerInstalled(): boolean {
  return !spawnSync('redis-server', ['--version']).error;
}

/** A TCP port of 127.0.0.1 nobody listens on (at the time of asking). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Options of {@link RedisServer.start}. */
export interface RedisServerOptions {
  /** Append-only file on (fsync every second), kept across {@link RedisServer.launch}es; default off (no persistence). */
  aof?: boolean;
}

/** A redis-server of the tests' own. */
export class RedisServer {
  private child?: ChildProcess;
  /** Its data directory (removed by {@link stop}). */
  readonly dir = mkdtempSync(join(tmpdir(), 'botte-redis-'));

  private constructor(
    /** Its port on 127.0.0.1 (the same after a restart). */
    readonly port: number,
    private readonly aof: boolean,
  ) {}

  /** Starts a server on a free port; fails clearly when redis-server is not installed. */
  static async start(options: RedisServerOptions = {}): Promise<RedisServer> {
    if (!redisServerInstalled()) {
      throw new Error(
        'redis-server is not installed: these tests need it (apt-get install -y redis-server; .ci/run installs it)',
      );
    }
    const server = new RedisServer(await freePort(), options.aof === true);
    await server.launch();
    return server;
  }

  /** The URL to give a client. */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** The pid of the running redis-server, undefined once it exited. */
  get pid(): number | undefined {
    return this.running(this.child) ? this.child.pid : undefined;
  }

  /** (Re)starts the server on the same port and data directory; rejects with its output if not ready within 15 s. */
  async launch(): Promise<void> {
    if (this.running(this.child)) throw new Error(`redis-server on port ${this.port} is already running`);
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', ''];
    args.push('--appendonly', this.aof ? 'yes' : 'no');
    const child = spawn('sh', ['-c', WATCHED_START, 'redis-server', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    // Once redis-server is gone, its watchdog has nothing to watch: closing the pipe ends it.
    child.stdin!.on('error', () => undefined);
    child.once('exit', () => child.stdin!.destroy());
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`redis-server did not start within 15 s:\n${output}`));
      }, 15_000);
      for (const stream of [child.stdout!, child.stderr!])
        stream.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('Ready to accept connections')) {
            clearTimeout(timer);
            resolve();
          }
        });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code ?? signal}):\n${output}`));
      });
    });
  }

  /**
   * Stops the server with `signal` and waits for its exit. SIGTERM (the default) is a clean
   * shutdown (the AOF is flushed); SIGKILL is a crash. The data directory stays for {@link launch}.
   */
  async shutdown(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!this.running(child)) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  }

  /** Stops the server (SIGTERM) and removes its data. */
  async stop(): Promise<void> {
    await this.shutdown();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private running(child: ChildProcess | undefined): child is ChildProcess {
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }
}
