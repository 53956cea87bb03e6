/**
 * The pieces of the scale-out demo (examples/scale-out/demo.ts) and of its tests
 * (test/scale-*.test.ts): a throw-away redis-server (test/redis-server.ts), worker and ingress
 * processes started with tsx, and the count of what the emulator received (lost, duplicated, out
 * of order).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

// The demo borrows the tests' redis-server starter, so that there is one (with its watchdog: no
// redis-server outlives the demo, even when it is killed). The demo runs from a checkout of the
// repository (`npm run scale-demo`), where test/ always is.
export { RedisServer, redisServerInstalled } from '../../test/redis-server.js';

/** A worker or ingress process of the demo. */
export interface RoleProcess {
  /** The OS process. */
  child: ChildProcess;
  /** The next line the process printed on stdout (rejects after `timeoutMs`). */
  nextLine(timeoutMs?: number): Promise<string>;
  /** What it printed on stderr so far. */
  stderr(): string;
  /** Resolves with the exit code (or signal) once it exited. */
  exited: Promise<number | string | null>;
}

/** Starts `examples/scale-out/<role>.ts` with tsx and `env` added to the environment. */
export function startRole(role: 'worker' | 'ingress', env: Record<string, string>): RoleProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, `${role}.ts`)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const exited = new Promise<number | string | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  return {
    child,
    stderr: () => stderr,
    exited,
    async nextLine(timeoutMs = 30_000) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        return await Promise.race([
          lines.next().then((result) => {
            if (result.done) throw new Error(`${role} exited before printing a line:\n${stderr}`);
            return String(result.value);
          }),
          new Promise<string>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`${role} printed nothing within ${timeoutMs} ms:\n${stderr}`)),
              timeoutMs,
            );
          }),
        ]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Kills a process (if still running) and waits for it. */
export async function killRole(role: RoleProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (role.child.exitCode !== null || role.child.signalCode !== null) return;
  role.child.kill(signal);
  await role.exited;
}

/** What the emulator received, per chat: lost, duplicated and out-of-order replies. */
export interface DeliveryCount {
  /** Distinct updates answered. */
  handled: number;
  /** Updates never answered. */
  lost: number;
  /** Updates answered more than once (each counted once). */
  duplicated: number;
  /**
   * First replies that arrived after the reply to a later update of the same chat: the chat's
   * updates were not handled in order. (A second reply is counted in `lateDuplicates` instead.)
   */
  orderViolations: number;
  /**
   * Second replies (duplicates) that arrived after the reply to a later update of their chat. After
   * a kill -9, the dead worker's last request can reach the API after the new owner has already
   * re-run that update and gone on: at-least-once delivery allows the repeat, and nothing the
   * survivors do can pull back a request already on the wire (docs/scaling-out.md).
   */
  lateDuplicates: number;
}

/**
 * Counts replies whose text is `<chat>:<seq>` (the demo's handlers answer every message with its
 * text), expecting `perChat[chat]` messages numbered 0.. in every chat.
 */
export function countDeliveries(texts: Iterable<string>, perChat: ReadonlyMap<number, number>): DeliveryCount {
  const seen = new Map<number, Map<number, number>>();
  // The highest update of each chat answered so far.
  const highest = new Map<number, number>();
  let orderViolations = 0;
  let lateDuplicates = 0;
  for (const text of texts) {
    const [chatText, seqText] = text.split(':');
    const chat = Number(chatText);
    const seq = Number(seqText);
    const counts = seen.get(chat) ?? new Map<number, number>();
    seen.set(chat, counts);
    const before = counts.get(seq) ?? 0;
    counts.set(seq, before + 1);
    const top = highest.get(chat) ?? -1;
    if (seq < top) {
      if (before === 0) orderViolations++;
      else lateDuplicates++;
    } else highest.set(chat, seq);
  }
  let handled = 0;
  let lost = 0;
  let duplicated = 0;
  for (const [chat, expected] of perChat) {
    const counts = seen.get(chat);
    for (let seq = 0; seq < expected; seq++) {
      const count = counts?.get(seq) ?? 0;
      if (count === 0) lost++;
      else handled++;
      if (count > 1) duplicated++;
    }
  }
  return { handled, lost, duplicated, orderViolations, lateDuplicates };
}

/** Pushes `total` messages spread over `chats` private chats (text `<chat>:<seq>`), in waves of `wave`. */
export async function pushMessages(
  emu: { pushMessage(text: string, options: { chatId: number; userId: number }): unknown; pendingUpdates(): unknown[] },
  total: number,
  chats: number,
  options: {
    firstChat?: number;
    wave?: number;
    maxPending?: number;
    onProgress?: (pushed: number) => void | Promise<void>;
    perChat?: Map<number, number>;
  } = {},
): Promise<Map<number, number>> {
  const firstChat = options.firstChat ?? 10_000;
  const perChat = options.perChat ?? new Map<number, number>();
  const wave = options.wave ?? 500;
  const maxPending = options.maxPending ?? 2000;
  for (let i = 0; i < total; i++) {
    const chat = firstChat + (i % chats);
    const seq = perChat.get(chat) ?? 0;
    perChat.set(chat, seq + 1);
    emu.pushMessage(`${chat}:${seq}`, { chatId: chat, userId: chat });
    if (i % wave === wave - 1) {
      await options.onProgress?.(i + 1);
      // The emulator's delivery walks its pending list per update: keep that list short.
      const deadline = Date.now() + 120_000;
      while (emu.pendingUpdates().length > maxPending) {
        if (Date.now() > deadline)
          throw new Error(`the ingress took no update for 120 s (${emu.pendingUpdates().length} pending)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }
  return perChat;
}
