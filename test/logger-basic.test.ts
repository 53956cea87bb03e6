import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Logger, logger, LogLevels, type LogRecord } from '../src/logger.js';
import { registerSecret } from '../src/util/redact.js';

function capture(target: Logger): LogRecord[] {
  const records: LogRecord[] = [];
  target.setOutput((record) => records.push(record));
  return records;
}

/** What `run` writes to process.stderr, chunk by chunk (nothing reaches the real stderr). */
function stderrOf(run: () => void): string[] {
  const written: string[] = [];
  const original = process.stderr.write;
  process.stderr.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    run();
  } finally {
    process.stderr.write = original;
  }
  return written;
}

test('default level is error, like pyTelegramBotAPI', () => {
  const fresh = new Logger();
  assert.equal(fresh.getLevel(), LogLevels.ERROR);
  assert.equal(fresh.isEnabledFor('warning'), false);
  assert.equal(fresh.isEnabledFor('error'), true);
  assert.equal(fresh.isEnabledFor(50), true);
  assert.equal(logger.name, 'Botte');
});

test('setLevel filters by level, accepts names and Python numbers', () => {
  const log = new Logger();
  const records = capture(log);
  log.setLevel('warning');
  log.debug('d');
  log.info('i');
  log.warn('w');
  log.warning('w2');
  log.error('e');
  log.critical('c');
  assert.deepEqual(
    records.map((r) => [r.levelName, r.message]),
    [
      ['WARNING', 'w'],
      ['WARNING', 'w2'],
      ['ERROR', 'e'],
      ['CRITICAL', 'c'],
    ],
  );
  records.length = 0;
  log.setLevel(10);
  log.debug('now visible');
  assert.equal(records[0]?.level, 10);
  assert.equal(records[0]?.levelName, 'DEBUG');
  records.length = 0;
  log.setLevel('silent');
  log.critical('hidden');
  assert.equal(records.length, 0);
  log.setLevel(log.INFO);
  assert.equal(log.getLevel(), 20);
  log.setLevel('DEBUG');
  assert.equal(log.getLevel(), 10);
  assert.throws(() => log.setLevel('verbose' as never), TypeError);
});

test('disabled levels do no formatting work', () => {
  const log = new Logger();
  capture(log);
  let formatted = 0;
  const expensive = {
    toString() {
      formatted++;
      return 'x';
    },
    [Symbol.for('nodejs.util.inspect.custom')]() {
      formatted++;
      return 'x';
    },
  };
  log.debug('value %s', expensive);
  log.info('value %o', expensive);
  assert.equal(formatted, 0);
  log.error('value %s', expensive);
  assert.equal(formatted, 1);
});

test('records carry time, formatted arguments and an attached error', () => {
  const log = new Logger('Botte', 'debug');
  const records = capture(log);
  const before = Date.now();
  const error = new Error('boom');
  log.error('failed %s after %d tries', 'sendMessage', 3, error);
  const record = records[0]!;
  assert.equal(record.message, 'failed sendMessage after 3 tries');
  assert.equal(record.error, error);
  assert.match(record.stack!, /Error: boom/);
  assert.ok(record.time instanceof Date && record.time.getTime() >= before);
  log.info(new TypeError('as message'));
  assert.equal(records[1]!.message, 'TypeError: as message');
  log.exception('with exception', new RangeError('r'));
  assert.match(records[2]!.stack!, /RangeError: r/);
});

test('setOutput(null) restores the default stderr line format', () => {
  const log = new Logger('Botte', 'info');
  const written = stderrOf(() => {
    log.setOutput(() => undefined).setOutput(null);
    log.info('hello');
    log.error('failed', new Error('kaput'));
  });
  assert.match(written[0]!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \(Botte\) INFO - hello\n$/);
  assert.match(written[1]!, /\(Botte\) ERROR - failed\nError: kaput\n\s+at /);
});

test('a failing output does not throw into the caller', () => {
  const log = new Logger('Botte', 'info');
  const original = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    log.setOutput(() => {
      throw new Error('output broken');
    });
    assert.doesNotThrow(() => log.info('x'));
  } finally {
    process.stderr.write = original;
  }
});

test('a registered token never reaches the output (message, arguments, error stack)', () => {
  const token = '7345678901:AAH-secret_TokenValue_ForLoggerTest01';
  registerSecret(token);
  const log = new Logger('Botte', 'debug');
  const records = capture(log);
  const error = new Error(`request to https://api.telegram.org/bot${token}/getMe failed`);
  log.debug(`calling https://api.telegram.org/bot${token}/getMe`);
  log.info('url %s', `https://api.telegram.org/bot${encodeURIComponent(token)}/x`);
  log.error('failed', error);
  log.error({ token });
  log.error(error);
  const everything = JSON.stringify(records.map((r) => [r.message, r.stack]));
  assert.ok(!everything.includes(token), everything);
  assert.ok(!everything.includes(encodeURIComponent(token)));
  assert.ok(!everything.includes('AAH-secret_TokenValue_ForLoggerTest01'));
  assert.ok(everything.includes('7345678901:<redacted>'));

  // The default stderr output is redacted too.
  const written = stderrOf(() => {
    log.setOutput(null);
    const fresh = new Error(`boom ${token}`);
    log.critical(`token ${token}`, fresh);
  });
  assert.ok(!written.join('').includes(token));
  assert.match(written.join(''), /7345678901:<redacted>/);
});
