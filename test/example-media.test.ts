// The examples of examples/ about files, Telegram Stars payments and polls, each run against the
// emulator with a short conversation (see test/example-harness.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { startExample } from './example-harness.js';
import * as files from '../examples/files-bot.js';
import * as stars from '../examples/stars-payments-bot.js';
import * as polls from '../examples/polls-bot.js';

const user = { id: 1001, is_bot: false, first_name: 'Ada' };
const png = readFileSync(new URL('../examples/assets/botte.png', import.meta.url));

test('files-bot: a photo from a path, bytes, a URL and a file_id; a document; an album; a download', async () => {
  const run = await startExample(files.createBot);
  try {
    let since = run.emu.calls.length;
    run.emu.pushMessage('/photo');
    await run.emu.waitForCall('sendPhoto', (c) => c.params.caption === 'Again, by file_id', { since, timeoutMs: 5000 });
    const photos = run.callsSince(since);
    assert.deepEqual(
      photos.map((c) => c.contentType),
      ['multipart', 'multipart', 'json', 'json'],
    );
    assert.equal(photos[0]!.files.photo!.filename, 'botte.png');
    assert.deepEqual(photos[0]!.files.photo!.data, png);
    assert.deepEqual(photos[1]!.files.photo!.data, png);
    assert.equal(photos[2]!.params.photo, 'https://telegram.org/img/t_logo.png');
    const firstResult = photos[0]!.response!.result as { photo: Array<{ file_id: string }> };
    assert.equal(photos[3]!.params.photo, firstResult.photo.at(-1)!.file_id);

    const doc = await run.say('/doc', {}, 'sendDocument');
    assert.equal(doc.files.document!.filename, 'botte-readme.txt');
    assert.match(doc.files.document!.data!.toString(), /uploaded from a path/);
    assert.equal(run.emu.callsOf('sendChatAction').at(-1)!.params.action, 'upload_document');

    const album = await run.say('/album', {}, 'sendMediaGroup');
    const media = album.params.media as Array<{ type: string; media: string; caption?: string }>;
    assert.deepEqual(
      media.map((m) => m.type),
      ['photo', 'photo'],
    );
    assert.match(media[0]!.media, /^attach:\/\//);
    assert.equal(media[1]!.media, 'https://telegram.org/img/t_logo.png');

    const content = Buffer.from('hello, files');
    const stored = run.emu.addFile(content, { fileName: 'note.txt' });
    since = run.emu.calls.length;
    const reply = await run.say(undefined, {
      extra: { document: { file_id: stored.file_id, file_unique_id: stored.file_unique_id, file_name: 'note.txt' } },
    });
    const sha = createHash('sha256').update(content).digest('hex');
    assert.equal(reply.params.text, `note.txt: 12 bytes, SHA-256 ${sha.slice(0, 16)}…`);
    assert.deepEqual(
      run.callsSince(since).map((c) => c.method),
      ['getFile', 'sendMessage'],
    );
  } finally {
    await run.stop();
  }
});

test('stars-payments-bot: XTR invoice, pre-checkout yes then sold out, delivery, refund', async () => {
  const run = await startExample((token, options) => stars.createBot(token, options, 1));
  try {
    const invoice = await run.say('/buy', {}, 'sendInvoice');
    assert.equal(invoice.params.currency, 'XTR');
    assert.deepEqual(invoice.params.prices, [{ label: 'Teapot', amount: 50 }]);
    assert.equal(invoice.params.payload, 'teapot:1001');
    assert.equal(invoice.params.provider_token, undefined, 'Stars need no provider token');

    const preCheckout = (id: string) => ({
      pre_checkout_query: { id, from: user, currency: 'XTR', total_amount: 50, invoice_payload: 'teapot:1001' },
    });
    const yes = await run.expect('answerPreCheckoutQuery', () => run.emu.pushUpdate(preCheckout('pc1')));
    assert.deepEqual([yes.params.pre_checkout_query_id, yes.params.ok], ['pc1', true]);

    const payment = {
      currency: 'XTR',
      total_amount: 50,
      invoice_payload: 'teapot:1001',
      telegram_payment_charge_id: 'charge-1',
      provider_payment_charge_id: '',
    };
    const delivered = await run.say(undefined, { extra: { successful_payment: payment } });
    assert.equal(delivered.params.text, 'Thank you for 50 ⭐! Here is your teapot: 🫖');

    const soldOut = await run.expect('answerPreCheckoutQuery', () => run.emu.pushUpdate(preCheckout('pc2')));
    assert.deepEqual([soldOut.params.ok, soldOut.params.error_message], [false, 'Sorry, the teapots are sold out.']);

    assert.equal((await run.say('/refund')).params.text, 'Your Stars are on their way back.');
    const refund = run.emu.callsOf('refundStarPayment')[0]!;
    assert.deepEqual([refund.params.user_id, refund.params.telegram_payment_charge_id], [1001, 'charge-1']);
    assert.equal((await run.say('/refund')).params.text, 'You have no payment to refund.');
    assert.match(String((await run.say('/paysupport')).params.text), /Payment problems/);
  } finally {
    await run.stop();
  }
});

test('polls-bot: a non-anonymous poll, a quiz graded from poll_answer, /close stops it', async () => {
  const run = await startExample(polls.createBot);
  try {
    const poll = await run.say('/poll', {}, 'sendPoll');
    assert.deepEqual([poll.params.question, poll.params.is_anonymous], ['Tabs or spaces?', false]);
    assert.deepEqual(poll.params.options, [{ text: 'Tabs' }, { text: 'Spaces' }]);
    const quiz = await run.say('/quiz', {}, 'sendPoll');
    assert.deepEqual([quiz.params.type, quiz.params.correct_option_ids], ['quiz', [1]]);
    const pollId = (quiz.response!.result as { poll: { id: string } }).poll.id;
    const right = await run.expect('sendMessage', () =>
      run.emu.pushUpdate({ poll_answer: { poll_id: pollId, user, option_ids: [1] } }),
    );
    assert.deepEqual([right.params.chat_id, right.params.text], [1001, 'Correct! 🎉']);
    const wrong = await run.expect('sendMessage', () =>
      run.emu.pushUpdate({ poll_answer: { poll_id: pollId, user: { ...user, id: 2002 }, option_ids: [0] } }),
    );
    assert.deepEqual([wrong.params.chat_id, wrong.params.text], [2002, 'Not quite — it is Jupiter.']);
    const closed = await run.say('/close');
    assert.equal(closed.params.text, 'Closed "Which planet is the largest?" with 0 votes.');
    assert.equal(
      run.emu.callsOf('stopPoll')[0]!.params.message_id,
      (quiz.response!.result as { message_id: number }).message_id,
    );
  } finally {
    await run.stop();
  }
});
