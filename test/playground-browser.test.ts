/**
 * The playground page in a real browser (Debian's chromium driven by playwright-core): chatting,
 * inline buttons with toasts, uploads, switching users, and text that must never run as HTML.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type Playground, startPlayground } from '../src/playground/index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Deadlines, not speed checks: the bot compiles through tsx on first start, slow on a loaded machine.
const WAIT = { timeout: 45_000 };

describe('playground in a browser', () => {
  let playground: Playground;
  let browser: Browser;
  let page: Page;
  const botLog: string[] = [];

  before(async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
    playground = await startPlayground({
      botFile: 'examples/buttons-bot.ts',
      port: 0,
      watch: false,
      log: (line) => botLog.push(line),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await page.goto(playground.url);
    await page.getByText('connected', { exact: true }).waitFor(WAIT);
  });
  after(async () => {
    await browser?.close();
    await playground?.stop();
  });

  const log = () => page.getByRole('log', { name: 'Messages' });
  async function say(text: string): Promise<void> {
    const field = page.getByLabel('Message', { exact: true });
    await field.fill(text);
    await field.press('Enter');
  }

  it('/start gets the reply', async () => {
    await say('/start');
    await log().getByText('Howdy, how are you doing?').waitFor(WAIT);
    assert.equal(await page.getByLabel('Message', { exact: true }).inputValue(), '');
  });

  it('an inline button edits the message and shows the toast', async () => {
    await say('/menu');
    const question = log().locator('.msg', { hasText: 'Do you like' });
    await question.waitFor(WAIT);
    assert.equal(await question.locator('strong').innerText(), 'buttons', 'entities are rendered');
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await page.getByRole('status').getByText('Thanks!').waitFor(WAIT);
    await log().getByText('Glad you like them!').waitFor(WAIT);
    assert.equal(await log().getByText('Do you like').count(), 0, 'the message is edited in place, not added');
    assert.match(await log().locator('.msg', { hasText: 'Glad you like them!' }).innerText(), /edited/);
    // No answers with an alert the user dismisses.
    await say('/menu');
    await log().locator('.msg', { hasText: 'Do you like' }).waitFor(WAIT);
    await log().locator('.msg', { hasText: 'Do you like' }).getByRole('button', { name: 'No', exact: true }).click();
    await page.getByRole('dialog').getByText('OK', { exact: true }).first().waitFor(WAIT);
    await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
  });

  it("sends a document and offers the bot's file for download", async () => {
    await page
      .getByLabel('Attach file')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello file') });
    await log().getByText('Got notes.txt (10 bytes)').waitFor(WAIT);
    const link = log().getByRole('link', { name: /echo-notes\.txt/ });
    await link.waitFor(WAIT);
    const href = await link.getAttribute('href');
    const download = await fetch(new URL(href!, playground.url));
    assert.equal(await download.text(), 'hello file');
  });

  it('switches between users and the group', async () => {
    await page.getByRole('navigation', { name: 'Chats' }).getByRole('button', { name: 'Bob' }).click();
    await page.getByRole('heading', { name: 'Bob' }).waitFor(WAIT);
    assert.equal(await log().getByText('Howdy, how are you doing?').count(), 0, "Bob does not see Alice's chat");
    await say('hi from bob');
    await log().locator('.msg.bot', { hasText: 'hi from bob' }).waitFor(WAIT);
    assert.equal(playground.emu.tracker.history(1002).length, 2);
    await page.getByRole('navigation', { name: 'Chats' }).getByRole('button', { name: 'Playground group' }).click();
    await page.getByLabel('Send as').selectOption({ label: 'Bob' });
    await say('group hello');
    await log().locator('.msg.bot', { hasText: 'group hello' }).waitFor(WAIT);
    assert.equal(playground.emu.tracker.history(-1001)[0]!.from!.first_name, 'Bob');
    await page.getByRole('navigation', { name: 'Chats' }).getByRole('button', { name: 'Alice' }).click();
    await log().getByText('Howdy, how are you doing?').waitFor(WAIT);
  });

  it('reply keyboards: tapping a button sends its text', async () => {
    await say('/keyboard');
    await page.getByLabel('Reply keyboard').getByRole('button', { name: 'Green' }).click();
    await log().getByText('You picked Green').waitFor(WAIT);
    assert.equal(
      await page.getByLabel('Reply keyboard').getByRole('button').count(),
      0,
      'the bot removed the keyboard',
    );
  });

  it('shows <script> and <img onerror> as text, never runs them', async () => {
    const script = '<script>window.__pwned = 1</script>';
    const image = '<img src=x onerror="window.__pwned = 2">';
    await say(script);
    await log().locator('.msg.bot', { hasText: script }).waitFor(WAIT);
    await say(image);
    await log().locator('.msg.bot', { hasText: image }).waitFor(WAIT);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await log().locator('script, img[src="x"]').count(), 0);
  });

  it('lists the raw Bot API calls without the token', async () => {
    const calls = page.getByRole('complementary', { name: 'Bot API calls' });
    await calls.getByText('✓ answerCallbackQuery').first().waitFor(WAIT);
    assert.ok(!(await calls.innerText()).includes(playground.emu.token));
    assert.ok(!(await page.content()).includes(playground.emu.token));
    await page.getByRole('navigation', { name: 'Chats' }).getByRole('button', { name: 'Alice' }).click();
    await say('/menu');
    await log().locator('.msg', { hasText: 'Do you like' }).getByRole('button', { name: 'Yes' }).waitFor(WAIT);
    await calls.locator('summary').first().click();
    await page.screenshot({ path: process.env.PLAYGROUND_SCREENSHOT ?? 'test/.playground-screenshot.png' });
  });
});
