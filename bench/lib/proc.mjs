/** Child-process helpers for run.mjs: fork with IPC, wait for a message, run-to-RESULT. */
import { fork, execFile } from 'node:child_process';
import net from 'node:net';

const HERE = new URL('..', import.meta.url).pathname;

/**
 * Forks `script` (relative to bench/) with IPC; stderr is kept for error reports. `execPath`
 * runs it with another runtime (Bun: `BENCH_BOT_RUNTIME=/path/to/bun`, see run.mjs).
 */
export function forkChild(script, args = [], execArgv = [], execPath = undefined) {
  const child = fork(HERE + script, args, { execArgv, execPath, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  child.stderrText = '';
  child.stderr.on('data', (d) => {
    if (child.stderrText.length < 20000) child.stderrText += d;
  });
  child.stdout.on('data', (d) => {
    if (child.stderrText.length < 20000) child.stderrText += d;
  });
  child.exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  return child;
}

/** Resolves with the next IPC message of `type` (rejects on exit, `error` message or timeout). */
export function waitFor(child, type, timeoutMs) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timeout waiting for ${type} (${timeoutMs} ms)`));
    }, timeoutMs);
    const onMsg = (m) => {
      if (m.type === type) {
        cleanup();
        resolve(m);
      } else if (m.type === 'error') {
        cleanup();
        reject(new Error(m.message));
      }
    };
    const onExit = (code, signal) => {
      cleanup();
      reject(new Error(`child exited (${code ?? signal}) before ${type}: ${child.stderrText.slice(-800)}`));
    };
    function cleanup() {
      clearTimeout(timer);
      child.off('message', onMsg);
      child.off('exit', onExit);
    }
    child.on('message', onMsg);
    child.on('exit', onExit);
  });
}

/** Kills a child by its own handle and waits for it to be gone. */
export async function kill(child) {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await child.exited;
}

/** Runs `node [execArgv] script args`, returns the parsed `RESULT {json}` line. */
export function runForResult(script, args, execArgv, timeoutMs) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...execArgv, HERE + script, ...args],
      { timeout: timeoutMs, maxBuffer: 64 << 20, killSignal: 'SIGKILL' },
      (err, stdout, stderr) => {
        const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
        if (line) return resolve(JSON.parse(line.slice(7)));
        reject(
          new Error(
            `${script} ${args.join(' ')}: ${err ? err.message.split('\n')[0] : 'no RESULT'} ${String(stderr).slice(-600)}`,
          ),
        );
      },
    );
  });
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
