/**
 * The two lines every example ends with, shared so that each example stays short:
 * `if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });`
 * An example therefore runs as a program (`BOT_TOKEN=123:abc node --import tsx examples/x.ts`)
 * and can also be imported by a test, which points `createBot` at the emulator.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Whether the module at `moduleUrl` (pass `import.meta.url`) is the program Node was started with. */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** The bot token from the BOT_TOKEN environment variable; exits with a hint when it is missing. */
export function tokenFromEnv(): string {
  const token = process.env.BOT_TOKEN;
  if (!token) {
    console.error(
      'Set BOT_TOKEN to the token @BotFather gave you, e.g. BOT_TOKEN=123:abc node --import tsx examples/echo-bot.ts',
    );
    process.exit(1);
  }
  return token;
}
