/**
 * `botte playground`: the command runs the README echo bot unchanged against its emulator, and the
 * bot restarts when its file changes while the chat stays.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startPlayground } from '../src/playground/index.js';
import { sleep } from './helpers.js';

async function send(url: string, chat: number, text: string): Promise<void> {
  const res = await fetch(`${url}/api/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-playground': '1' },
    body: JSON.stringify({ chat, text }),
  });
  assert.equal(res.status, 200, await res.text());
}

describe('botte playground command', () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('runs examples/echo-bot.ts unchanged, prints the URL, and refuses other hosts and plain form posts', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/playground/cli.ts', 'playground', 'examples/echo-bot.ts', '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed within 45 s; output: ${output}`)), 45_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
          if (match) {
            clearTimeout(timer);
            resolve(match[0]);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`exited with ${String(code)}: ${output}`)));
      });
      await send(url, 1001, '/start');
      // Generous: the bot compiles through tsx first, slow on a loaded machine (a passing run takes a second or two).
      const deadline = Date.now() + 45_000;
      let texts: string[] = [];
      while (Date.now() < deadline) {
        const state = (await (await fetch(`${url}/api/state`)).json()) as {
          chats: Array<{ id: number; history: Array<{ text?: string }> }>;
        };
        texts = state.chats.find((c) => c.id === 1001)!.history.map((m) => m.text ?? '');
        if (texts.includes('Howdy, how are you doing?')) break;
        await sleep(100);
      }
      assert.deepEqual(
        texts,
        ['/start', 'Howdy, how are you doing?'],
        `the echo bot did not answer; output: ${output}`,
      );
      // A page of another site reaching 127.0.0.1 through DNS rebinding carries its own Host.
      const evil = await new Promise<number>((resolve, reject) => {
        request(`${url}/api/state`, { headers: { host: 'evil.example' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
      assert.equal(evil, 403);
      const form = await fetch(`${url}/api/send`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: '{"chat":1001,"text":"x"}',
      });
      assert.equal(form.status, 403);
      assert.ok(!output.includes('TEST-token'), 'the token is never printed');
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('restarts the bot when its file changes; the chat is kept', async () => {
    const dir = mkdtempSync(join(process.cwd(), 'test', '.tmp-playground-'));
    dirs.push(dir);
    const file = join(dir, 'bot.ts');
    const source = (reply: string) => `import { Botte } from '../../src/index.js';
const bot = new Botte(process.env.BOT_TOKEN!);
bot.handleMsg({ func: () => true }, (m) => bot.replyTo(m, '${reply}'));
await bot.runthebot({ handleSignals: true });
`;
    writeFileSync(file, source('version one'));
    const lines: string[] = [];
    const playground = await startPlayground({ botFile: file, port: 0, log: (line) => lines.push(line) });
    try {
      const chat = playground.emu.tracker;
      await send(playground.url, 1001, 'hello');
      await chat.waitFor(
        0,
        (e) => e.type === 'message' && e.by === 'bot' && e.message.text === 'version one',
        45_000,
        () => `no reply; bot said: ${lines.join('\n')}`,
      );
      writeFileSync(file, source('version two'));
      const deadline = Date.now() + 45_000;
      while (playground.bot.starts < 2 && Date.now() < deadline) await sleep(50);
      assert.equal(playground.bot.starts, 2, `the bot did not restart; log: ${lines.join('\n')}`);
      await send(playground.url, 1001, 'again');
      await chat.waitFor(
        0,
        (e) => e.type === 'message' && e.by === 'bot' && e.message.text === 'version two',
        45_000,
        () => `no reply after restart; log: ${lines.join('\n')}`,
      );
      assert.deepEqual(
        chat.history(1001).map((m) => m.text),
        ['hello', 'version one', 'again', 'version two'],
      );
    } finally {
      await playground.stop();
    }
  });
});
