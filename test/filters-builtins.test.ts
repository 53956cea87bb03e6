import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AdvancedCustomFilter,
  ChatFilter,
  ForwardFilter,
  IsDigitFilter,
  IsReplyFilter,
  LanguageFilter,
  SimpleCustomFilter,
} from '../src/dispatch/custom-filters/index.js';

const user = { id: 7, is_bot: false, first_name: 'Bo', language_code: 'ru' };
const group = { id: -1001234, type: 'supergroup' as const, title: 'G', username: 'MyGroup' };
const msg = (fields: Record<string, unknown> = {}) => ({
  message_id: 5,
  date: 1700000000,
  chat: group,
  from: user,
  text: 'x',
  ...fields,
});
const callback = (message?: object) => ({ id: 'cb', from: user, chat_instance: 'ci', data: 'd', message });

describe('built-in filters', () => {
  it('are custom filters of the right kind and key', () => {
    assert.ok(new ChatFilter() instanceof AdvancedCustomFilter);
    assert.ok(new LanguageFilter() instanceof AdvancedCustomFilter);
    assert.ok(new ForwardFilter() instanceof SimpleCustomFilter);
    assert.ok(new IsReplyFilter() instanceof SimpleCustomFilter);
    assert.ok(new IsDigitFilter() instanceof SimpleCustomFilter);
    assert.deepEqual(
      [new ChatFilter(), new ForwardFilter(), new IsReplyFilter(), new LanguageFilter(), new IsDigitFilter()].map(
        (f) => f.key,
      ),
      ['chatId', 'isForwarded', 'isReply', 'languageCode', 'isDigit'],
    );
  });

  it('ChatFilter matches ids (number or string), usernames, callback query chats', () => {
    const f = new ChatFilter();
    assert.equal(f.check(msg(), [-1001234, 5]), true);
    assert.equal(f.check(msg(), [1, 2]), false);
    assert.equal(f.check(msg(), -1001234), true);
    assert.equal(f.check(msg(), ['-1001234']), true);
    assert.equal(f.check(msg(), ['@mygroup']), true);
    assert.equal(f.check(msg(), '@MyGroup'), true, 'usernames are case-insensitive');
    assert.equal(f.check(msg(), ['@othergroup']), false, "another chat's username");
    assert.equal(
      f.check(msg({ chat: { id: 5, type: 'private', first_name: 'P' } }), ['@undefined', '@']),
      false,
      'a chat without username',
    );
    assert.equal(f.check(callback(msg()), [-1001234]), true);
    assert.equal(f.check(callback(undefined), [-1001234]), false); // inline message: no chat
    assert.equal(
      f.check({ chat: group, from: user, date: 1, old_chat_member: {}, new_chat_member: {} }, [-1001234]),
      true,
    );
  });

  it('ForwardFilter uses forward_origin', () => {
    const f = new ForwardFilter();
    const origin = { type: 'user', date: 1, sender_user: user };
    assert.equal(f.check(msg({ forward_origin: origin })), true);
    assert.equal(f.check(msg()), false);
    assert.equal(f.check(callback(msg({ forward_origin: origin }))), true);
    assert.equal(f.check(callback(undefined)), false, 'an inline callback query has no message');
  });

  it("IsReplyFilter, also for a callback query's message", () => {
    const f = new IsReplyFilter();
    assert.equal(f.check(msg({ reply_to_message: msg({ message_id: 1 }) })), true);
    assert.equal(f.check(msg()), false);
    assert.equal(f.check(callback(msg({ reply_to_message: msg() }))), true);
    assert.equal(f.check(callback()), false);
  });

  it('LanguageFilter: string or list, from any update with a sender', () => {
    const f = new LanguageFilter();
    assert.equal(f.check(msg(), 'ru'), true);
    assert.equal(f.check(msg(), ['en', 'ru']), true);
    assert.equal(f.check(msg(), ['en']), false);
    assert.equal(f.check(msg(), 'en'), false);
    assert.equal(f.check(msg(), 'rus'), false, 'a string value is compared whole, not searched');
    assert.equal(f.check(msg({ from: { ...user, language_code: 'en' } }), 'en-US'), false);
    assert.equal(f.check(callback(), 'ru'), true);
    assert.equal(f.check({ id: 'q', from: user, query: '', offset: '' }, 'ru'), true);
    assert.equal(f.check(msg({ from: { id: 1, is_bot: false, first_name: 'X' } }), 'ru'), false);
    assert.equal(
      f.check({ message_id: 1, date: 1, chat: { id: -100, type: 'channel', title: 'C' }, text: 'post' }, 'ru'),
      false,
    );
    // A PollAnswer or a reaction names its user in `user`.
    assert.equal(f.check({ poll_id: 'p', option_ids: [0], user }, 'ru'), true);
    assert.equal(
      f.check({ chat: group, message_id: 5, date: 1, user, old_reaction: [], new_reaction: [] }, ['ru']),
      true,
    );
    assert.equal(
      f.check({ chat: group, message_id: 5, date: 1, actor_chat: group, old_reaction: [], new_reaction: [] }, 'ru'),
      false,
    );
    assert.equal(
      f.check({ poll_id: 'p', option_ids: [0], user: { language_code: 'ru' } }, 'ru'),
      false,
      'a user without an id is no user',
    );
  });

  it('something that is no update passes no filter (and does not throw)', () => {
    for (const junk of [null, undefined, 5, 'text']) {
      assert.equal(new ChatFilter().check(junk, [1]), false);
      assert.equal(new LanguageFilter().check(junk, 'ru'), false);
      assert.equal(new IsDigitFilter().check(junk), false);
      assert.equal(new ForwardFilter().check(junk), false);
      assert.equal(new IsReplyFilter().check(junk), false);
    }
  });

  it('IsDigitFilter: digits only, like str.isdigit()', () => {
    const f = new IsDigitFilter();
    assert.equal(f.check(msg({ text: '12345' })), true);
    assert.equal(f.check(msg({ text: '٣٤' })), true); // Arabic-Indic digits
    assert.equal(f.check(msg({ text: '12a' })), false);
    assert.equal(f.check(msg({ text: '-1' })), false);
    assert.equal(f.check(msg({ text: '' })), false);
    assert.equal(f.check(msg({ text: undefined, photo: [] })), false);
  });
});
