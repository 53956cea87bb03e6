// BOTTE_API_URL / BOTTE_FILE_URL aim an unchanged bot at another Bot API server (the playground
// sets them); set but empty (`BOTTE_API_URL= node bot.js`, an empty line in an env file) they
// count as unset: the bot talks to api.telegram.org, not to an empty URL. The variables are read
// when Botte is loaded, so this file sets them before importing it.
import { test } from 'node:test';
import assert from 'node:assert/strict';

process.env.BOTTE_API_URL = '';
process.env.BOTTE_FILE_URL = '';
const { ApiClient, apihelper } = await import('../src/index.js');
const { CustomRequestResponse } = await import('../src/util/custom-request-response.js');

test('empty BOTTE_API_URL and BOTTE_FILE_URL leave the Telegram defaults', async () => {
  assert.equal(apihelper.API_URL, 'https://api.telegram.org/bot{0}/{1}');
  assert.equal(apihelper.FILE_URL, 'https://api.telegram.org/file/bot{0}/{1}');
  const urls: string[] = [];
  const bot = new ApiClient('123456:TEST-token', {
    customRequestSender: (_method, url) => {
      urls.push(url);
      return new CustomRequestResponse({
        ok: true,
        result: { file_id: 'f', file_unique_id: 'u', file_path: 'a/b.jpg' },
      });
    },
  });
  assert.equal(await bot.getFileUrl('f'), 'https://api.telegram.org/file/bot123456:TEST-token/a/b.jpg');
  assert.deepEqual(urls, ['https://api.telegram.org/bot123456:TEST-token/getFile']);
});
