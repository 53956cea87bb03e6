// A Cloudflare Worker bot, as the README shows it: `export default { fetch }` around
// webhookHandler. Bundled by scripts/test-runtimes.mjs (esbuild, as wrangler does) and run under
// miniflare (workerd) against the emulator.
import { Botte, webhookHandler, InputFile } from 'botte';

let handle;

function makeHandler(env) {
  const bot = new Botte(env.BOT_TOKEN, { apiUrl: env.API_URL });
  bot.handleMsg({ commands: ['start'] }, (message) => bot.sendMessage(message.chat.id, 'Hello from a Worker'));
  bot.handleMsg({ commands: ['path'] }, async (message) => {
    // No file system on Workers: the error must say so (and the bot reports what it says).
    try {
      await bot.sendDocument(message.chat.id, new InputFile('/etc/hostname'));
    } catch (error) {
      await bot.sendMessage(message.chat.id, `${error.name}: ${error.message}`);
    }
  });
  bot.handleMsg({ commands: ['serve'] }, async (message) => {
    // workerd (nodejs_compat) has a node:http whose servers no request from outside ever reaches:
    // runWebhooks must refuse, pointing to webhookHandler, instead of "listening" in vain.
    try {
      const server = await bot.runWebhooks({ port: 0 });
      await server.close();
      await bot.sendMessage(message.chat.id, `runWebhooks started a server at ${server.url}`);
    } catch (error) {
      await bot.sendMessage(message.chat.id, `${error.name}: ${error.message}`);
    }
  });
  bot.handleMsg({ commands: ['poll'] }, async (message) => {
    // A Worker lives for one request: polling there must be refused at once, not start a loop
    // that the end of the request cuts (docs/runtimes.md).
    try {
      await bot.runthebot({ timeout: 1 });
      await bot.sendMessage(message.chat.id, 'runthebot ended');
    } catch (error) {
      await bot.sendMessage(message.chat.id, `${error.name}: ${error.message}`);
    }
  });
  bot.handleMsg({ func: () => true }, async (message) => {
    await bot.sendMessage(message.chat.id, 'answered in the response');
    const bytes = new TextEncoder().encode(`echo: ${message.text}`);
    await bot.sendDocument(message.chat.id, new InputFile(bytes, 'echo.txt'));
  });
  return webhookHandler(bot, { secretToken: env.SECRET, replyInResponse: true });
}

export default {
  fetch(request, env) {
    handle ??= makeHandler(env);
    return handle(request);
  },
};
