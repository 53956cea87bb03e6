import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as customFilters from '../src/dispatch/custom-filters/index.js';

const { TextFilter, TextMatchFilter, TextContainsFilter, TextStartsFilter } = customFilters;

const user = { id: 42, is_bot: false, first_name: 'Ann', language_code: 'en' };
const chat = { id: 42, type: 'private' as const, first_name: 'Ann' };
const msg = (fields: Record<string, unknown>) => ({ message_id: 1, date: 1700000000, chat, from: user, ...fields });
const callback = (data?: string) => ({
  id: 'cb1',
  from: user,
  chat_instance: 'ci',
  data,
  message: msg({ text: 'menu' }),
});
const inlineQuery = (query: string) => ({ id: 'iq1', from: user, query, offset: '' });
const poll = (question: string) => ({
  id: 'p1',
  question,
  options: [{ text: 'a', voter_count: 0 }],
  total_voter_count: 0,
  is_closed: false,
  is_anonymous: true,
  type: 'regular',
  allows_multiple_answers: false,
});

describe('TextFilter', () => {
  it('needs at least one mode', () => {
    assert.throws(() => new TextFilter({}), TypeError);
    assert.throws(() => new TextFilter({ ignoreCase: true }), TypeError);
    assert.throws(() => new TextFilter({ contains: [1 as unknown as string] }), TypeError);
    assert.throws(
      () => new TextFilter({ startsWith: ['ok', 1 as unknown as string] }),
      /^TypeError: TextFilter: contains, startsWith and endsWith take a string or a list of strings$/,
    );
    assert.throws(
      () => new TextFilter({ ignoreCase: true }),
      /^TypeError: TextFilter needs at least one of equals, contains, startsWith, endsWith$/,
    );
  });

  it('equals, contains, startsWith, endsWith, any mode passes', () => {
    const f = new TextFilter({ equals: 'hello', contains: ['bye'], startsWith: '/go', endsWith: ['!', '?'] });
    assert.equal(f.check(msg({ text: 'hello' })), true);
    assert.equal(f.check(msg({ text: 'hello there' })), false);
    assert.equal(f.check(msg({ text: 'ok bye now' })), true);
    assert.equal(f.check(msg({ text: '/go home' })), true);
    assert.equal(f.check(msg({ text: 'really?' })), true);
    assert.equal(f.check(msg({ text: 'nothing' })), false);
    // Any item of a list passes.
    const lists = new TextFilter({ contains: ['bye', 'ciao'], startsWith: ['/go', '/run'] });
    assert.equal(lists.check(msg({ text: 'ok ciao' })), true);
    assert.equal(lists.check(msg({ text: '/run far' })), true);
    assert.equal(lists.check(msg({ text: 'hello' })), false);
  });

  it('ignoreCase applies to every mode', () => {
    const f = new TextFilter({ equals: 'Hi', contains: ['BYE'], startsWith: 'Go', endsWith: 'END', ignoreCase: true });
    for (const text of ['hI', 'so bye', 'GO now', 'the end']) assert.equal(f.check(msg({ text })), true, text);
    const strict = new TextFilter({ contains: ['BYE'] });
    assert.equal(strict.check(msg({ text: 'bye' })), false);
  });

  it('reads caption, callback data, inline query, poll question', () => {
    const f = new TextFilter({ startsWith: 'buy' });
    assert.equal(f.check(msg({ photo: [], caption: 'buy this' })), true);
    assert.equal(f.check(callback('buy:1')), true);
    assert.equal(f.check(callback(undefined)), false); // game callbacks have no data
    assert.equal(f.check(inlineQuery('buy shoes')), true);
    assert.equal(f.check(poll('buy or sell?')), true);
    assert.equal(f.check(msg({ sticker: {} })), false); // no text at all: false, no crash
    assert.equal(f.check({ poll_id: 'p', option_ids: [0], user }), false);
    for (const junk of [null, undefined, 5]) assert.equal(f.check(junk), false);
  });
});

describe('TextMatchFilter (key text)', () => {
  const f = new TextMatchFilter();
  it('has key text and handles TextFilter, string, list', () => {
    assert.equal(f.key, 'text');
    assert.equal(f.check(msg({ text: 'Hi' }), new TextFilter({ equals: 'hi', ignoreCase: true })), true);
    assert.equal(f.check(msg({ text: 'hi' }), 'hi'), true);
    assert.equal(f.check(msg({ text: 'hi' }), 'hello'), false);
    assert.equal(f.check(msg({ text: 'b' }), ['a', 'b']), true);
    assert.equal(f.check(msg({ text: 'c' }), ['a', 'b']), false);
    assert.equal(f.check(callback('yes'), ['yes', 'no']), true);
    assert.equal(f.check(msg({ voice: {} }), 'hi'), false);
  });
});

describe('TextContainsFilter / TextStartsFilter', () => {
  it('textContains: string or list', () => {
    const f = new TextContainsFilter();
    assert.equal(f.key, 'textContains');
    assert.equal(f.check(msg({ text: 'I love cats' }), 'cat'), true);
    assert.equal(f.check(msg({ text: 'I love cats' }), ['dog', 'cat']), true);
    assert.equal(f.check(msg({ text: 'I love cats' }), ['dog']), false);
    assert.equal(f.check(msg({ photo: [] }), 'cat'), false);
    assert.throws(
      () => f.check(msg({ text: 'x' }), 5 as unknown as string),
      /^TypeError: textContains takes a string or a list of strings$/,
    );
  });

  it('textStartswith', () => {
    const f = new TextStartsFilter();
    assert.equal(f.key, 'textStartswith');
    assert.equal(f.check(msg({ text: 'order 15' }), 'order'), true);
    assert.equal(f.check(msg({ text: 'my order' }), 'order'), false);
    assert.equal(f.check(callback('page:2'), ['item:', 'page:']), true);
  });
});
