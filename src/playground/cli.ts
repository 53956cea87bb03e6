#!/usr/bin/env node
/**
 * The `botte` command: `botte playground path/to/bot.ts [--port 8790] [--no-watch]`.
 * @module
 */
import { DEFAULT_PLAYGROUND_PORT, startPlayground } from './index.js';

const USAGE = `Usage: botte playground <bot file> [--port ${DEFAULT_PLAYGROUND_PORT}] [--no-watch]

Starts a local Bot API emulator, runs your bot file unchanged against it (BOT_TOKEN and
BOTTE_API_URL are set for it), and serves a Telegram-like chat page on http://127.0.0.1:<port>.
TypeScript files run through tsx when it is installed.`;

/** Parses the command line and runs the command; resolves with the exit code (long-running commands never resolve). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'playground' || rest.includes('--help') || rest.includes('-h')) {
    console.log(USAGE);
    return command === undefined || rest.includes('--help') || rest.includes('-h') || command === '--help' ? 0 : 1;
  }
  let port = DEFAULT_PLAYGROUND_PORT;
  let watch = true;
  let file: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg.includes('=') ? arg.slice(7) : rest[++i];
      port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        console.error(`--port: not a port number: ${String(value)}`);
        return 1;
      }
    } else if (arg === '--no-watch') watch = false;
    else if (file === undefined && !arg.startsWith('-')) file = arg;
    else {
      console.error(`unknown argument: ${arg}\n\n${USAGE}`);
      return 1;
    }
  }
  if (file === undefined) {
    console.error(USAGE);
    return 1;
  }
  const playground = await startPlayground({ botFile: file, port, watch });
  console.log(
    `Botte playground: ${playground.url}  (bot: ${file}${watch ? ', restarts on change' : ''}; Ctrl+C stops)`,
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) process.exit(130);
    stopping = true;
    void playground.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

if (process.argv[1] !== undefined && /(cli\.[cm]?[jt]s|[\\/]botte)$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
