// The tests' redis-server starter (test/redis-server.ts) leaves no process behind: not when a test
// process is SIGKILLed (no cleanup of ours runs; its watchdog ends redis-server), not after
// stop(); and a restart keeps the port and, with AOF on, the data. Processes are found in /proc
// (Linux, where CI runs) by the port in their command line: redis-server shows `127.0.0.1:<port>`,
// its watchdog `--port <port>`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createInterface } from 'node:readline';
import { createClient } from 'redis';
import { RedisServer } from './redis-server.js';

const skip = process.platform !== 'linux' && 'reads /proc (Linux)';

/** Live processes (zombies left out) whose command line names `port`. */
function processesOf(port: number): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3))) continue;
      const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      const named = args.some(
        (arg, i) => arg.includes(`127.0.0.1:${port}`) || (arg === '--port' && args[i + 1] === String(port)),
      );
      if (named) found.push(`${pid}: ${args.join(' ').slice(0, 120)}`);
    } catch {
      // Gone while we looked.
    }
  }
  return found;
}

async function noneLeft(port: number, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  let left = processesOf(port);
  while (left.length > 0) {
    if (Date.now() > deadline) assert.fail(`${what}: still running after 10 s:\n${left.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = processesOf(port);
  }
}

test('a test process killed with SIGKILL leaves no redis-server behind', { skip }, async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/redis-server-child.ts', '--aof'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let port = 0;
  let dir = '';
  try {
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const first = await Promise.race([
      lines.next(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the child started no redis-server within 60 s:\n${stderr}`)),
          60_000,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    assert.equal(first.done, false, `the child exited before starting redis-server:\n${stderr}`);
    const [, portText, dirText] = String(first.value).split(' ');
    port = Number(portText);
    dir = dirText ?? '';
    const client = createClient({ url: `redis://127.0.0.1:${port}` });
    await client.connect();
    assert.equal(await client.ping(), 'PONG');
    await client.close();
    assert.equal(processesOf(port).length, 2, `redis-server and its watchdog run:\n${processesOf(port).join('\n')}`);
    child.kill('SIGKILL');
    await exited;
    await noneLeft(port, 'after the SIGKILL of the process that started it');
  } finally {
    child.kill('SIGKILL');
    // Killed, the child removed nothing: its data directory is ours to remove.
    if (dir.startsWith(tmpdir())) rmSync(dir, { recursive: true, force: true });
  }
});

test('stop() ends redis-server and its watchdog', { skip }, async () => {
  const server = await RedisServer.start();
  assert.equal(processesOf(server.port).length, 2);
  await server.stop();
  assert.equal(server.pid, undefined);
  await noneLeft(server.port, 'after stop()');
});

test('a restart keeps the port, and with AOF on the data; a crashed server restarts too', { skip }, async () => {
  const server = await RedisServer.start({ aof: true });
  try {
    const write = createClient({ url: server.url });
    await write.connect();
    await write.set('kept', 'yes');
    await write.close();
    await server.shutdown();
    await server.launch();
    const read = createClient({ url: server.url });
    await read.connect();
    assert.equal(await read.get('kept'), 'yes');
    await read.close();
    await server.shutdown('SIGKILL');
    assert.equal(server.pid, undefined);
    await server.launch();
    const again = createClient({ url: server.url });
    await again.connect();
    assert.equal(await again.ping(), 'PONG');
    await again.close();
  } finally {
    await server.stop();
  }
  await noneLeft(server.port, 'after a crash, a restart and stop()');
});
