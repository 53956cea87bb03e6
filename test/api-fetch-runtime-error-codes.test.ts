// Bun and Deno word their network failures differently from Node (Bun names codes such as
// `ConnectionRefused`, Deno only writes messages; Node nests the socket error in `cause` or in an
// AggregateError). The fetch transport (src/api/transport-fetch.ts) reads each into the code
// Botte's retry logic knows (ECONNREFUSED, ECONNRESET, ENOTFOUND), so a call that never left is
// retried the same way on every runtime. The runtimes' own fetch is replaced here by one that
// fails as they do (texts as those runtimes print them); test/runtimes checks the real binaries.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const named = (message: string, code: string) => Object.assign(new Error(message), { code });

/** A failure whose cause chain loops back to itself. */
function selfCaused(): Error {
  const error = new TypeError('fetch failed');
  Object.assign(error, { cause: error });
  return error;
}

const cases: Array<[what: string, error: unknown, code: string]> = [
  [
    'Bun, refused',
    named('Unable to connect. Is the computer able to access the url?', 'ConnectionRefused'),
    'ECONNREFUSED',
  ],
  ['Bun, closed', named('The socket connection was closed unexpectedly.', 'ConnectionClosed'), 'ECONNRESET'],
  ['Bun, no such host', named('Was there a typo in the url or port?', 'FailedToOpenSocket'), 'ENOTFOUND'],
  ['Bun, a Node-style code', named('connect ECONNREFUSED 127.0.0.1:1', 'ECONNREFUSED'), 'ECONNREFUSED'],
  [
    'Deno, refused',
    new TypeError(
      'error sending request for url (http://127.0.0.1:1/): client error (Connect): tcp connect error: Connection refused (os error 111)',
    ),
    'ECONNREFUSED',
  ],
  [
    'Deno, no such host',
    new TypeError(
      'error sending request for url (http://nowhere.invalid/): client error (Connect): dns error: failed to lookup address information: Name or service not known',
    ),
    'ENOTFOUND',
  ],
  ['Deno, reset', new TypeError('error sending request: connection closed before message completed'), 'ECONNRESET'],
  [
    'Node, the code inside an AggregateError',
    new TypeError('fetch failed', {
      cause: new AggregateError([named('connect ECONNREFUSED ::1:1', 'ECONNREFUSED')], ''),
    }),
    'ECONNREFUSED',
  ],
  [
    'Node, the code two causes down',
    new TypeError('fetch failed', { cause: new Error('socket', { cause: named('read ECONNRESET', 'ECONNRESET') }) }),
    'ECONNRESET',
  ],
  ['nothing known', new TypeError('something else went wrong'), 'ENETWORK'],
  ['an error that is its own cause (read without looping for ever)', selfCaused(), 'ENETWORK'],
  [
    'Node, the code inside an AggregateError given as the cause',
    new TypeError('fetch failed', { cause: new AggregateError([new Error('v6'), named('v4', 'ECONNREFUSED')], '') }),
    'ECONNREFUSED',
  ],
];

for (const [what, thrown, code] of cases) {
  test(`${what}: ${code}`, async () => {
    globalThis.fetch = (async () => {
      throw thrown;
    }) as typeof fetch;
    const bot = new ApiClient('123456:AAE-runtime-error-codes-0123456789', {
      apiUrl: 'http://127.0.0.1:1/bot{0}/{1}',
      transport: 'fetch',
      retry: false,
    });
    try {
      const error = (await bot.getMe().catch((e: unknown) => e)) as { name?: string; code?: string; message?: string };
      assert.equal(error.name, 'ApiHTTPException');
      assert.equal(error.code, code, String(error.message));
    } finally {
      await bot.closeSession();
    }
  });
}
