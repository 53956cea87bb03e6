// docs/migrate-pytelegrambotapi.md's name table points only at names Botte really has, so the
// table cannot drift from the code; every Bot API method is a method of the bot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as botte from '../src/index.js';
import { BOT_API_METHODS } from '../src/testing/index.js';

// Only the "Name table" section: the page's other tables (examples, aliases) are prose.
const page = readFileSync(new URL('../docs/migrate-pytelegrambotapi.md', import.meta.url), 'utf8');
const nameTable = page.slice(page.indexOf('## Name table'), page.indexOf('\n## ', page.indexOf('## Name table') + 1));
const table = nameTable
  .split('\n')
  .filter((line) => /^\| `/.test(line))
  .map((line) => {
    const cells = line.split(' | ');
    return { python: cells[0]!.slice(2).replace(/`/g, ''), botte: cells[1]!.trim() };
  });

const FILTER_VALUES: Record<string, unknown> = {
  contentTypes: ['text'],
  chatTypes: ['private'],
  commands: ['x'],
  regexp: 'x',
  func: () => true,
};

/** Whether `bot.x`, `ns.x.y` or a top-level export exists (a setting whose value is undefined counts). */
function resolves(path: string, bot: botte.Botte): boolean {
  const [head, ...rest] = path.split('.');
  let value: unknown = head === 'bot' ? bot : botte;
  for (const part of head === 'bot' ? rest : [head!, ...rest]) {
    if (value === undefined || value === null || !(part in Object(value))) return false;
    value = (value as Record<string, unknown>)[part];
  }
  return true;
}

// No network: a bot that learns its username gets it from here.
const offline = {
  customRequestSender: () =>
    new botte.util.CustomRequestResponse(
      '{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"B","username":"b_bot"}}',
    ),
};

test('the pyTelegramBotAPI name table names only what Botte exports', () => {
  const bot = new botte.Botte('123456:TEST-token', offline);
  assert.ok(table.length >= 150, `expected a full table, found ${table.length} rows`);
  const missing: string[] = [];
  let notYet = 0;
  for (const { python, botte: cell } of table) {
    if (cell === '—') {
      notYet++;
      continue;
    }
    const filter = /^`\{ (\w+) \}`$/.exec(cell);
    if (filter) {
      const key = filter[1]!;
      const probe = new botte.Botte('123456:TEST-token', offline);
      try {
        probe.handleMsg({ [key]: FILTER_VALUES[key] } as never, () => undefined);
        probe.checkCustomFilters();
      } catch (error) {
        missing.push(`${python} → ${key}: ${(error as Error).message}`);
      }
      continue;
    }
    const path = /^`([\w.]+)`$/.exec(cell)?.[1];
    if (!path) {
      missing.push(`${python}: cannot read the Botte cell ${cell}`);
      continue;
    }
    if (!resolves(path, bot)) missing.push(`${python} → ${path}`);
  }
  assert.deepEqual(missing, [], 'names in docs/migrate-pytelegrambotapi.md that Botte does not have');
  assert.ok(notYet < 10, 'only a few names are marked as not available yet');
});

test('every Bot API method is a camelCase method of the bot (the table\'s "every Bot API method" row)', () => {
  const bot = new botte.Botte('123456:TEST-token', offline);
  const absent = BOT_API_METHODS.filter(
    (method) => typeof (bot as unknown as Record<string, unknown>)[method] !== 'function',
  );
  assert.deepEqual(absent, []);
  assert.ok(BOT_API_METHODS.length > 150);
});

test('a name Botte lacks is caught by the check', () => {
  const bot = new botte.Botte('123456:TEST-token', offline);
  assert.equal(resolves('bot.sendMessage', bot), true);
  assert.equal(resolves('util.smartSplit', bot), true);
  assert.equal(resolves('bot.smartSplitt', bot), false);
  assert.equal(resolves('util.noSuchHelper', bot), false);
  assert.equal(resolves('NoSuchExport', bot), false);
});
