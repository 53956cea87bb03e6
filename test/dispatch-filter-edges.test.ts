// Edge cases of the built-in custom filters that users meet with hand-made or unusual updates.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ChatFilter } from '../src/dispatch/custom-filters/index.js';

describe('ChatFilter', () => {
  it('a chat whose username field is present but empty matches no @username', () => {
    const f = new ChatFilter();
    const message = (chat: Record<string, unknown>) => ({ message_id: 1, date: 1, chat, text: 'x' });
    assert.equal(f.check(message({ id: 5, type: 'private', username: undefined }), ['@undefined']), false);
    assert.equal(f.check(message({ id: 5, type: 'private', username: '' }), ['@']), false);
    assert.equal(f.check(message({ id: 5, type: 'private', username: 'Shop' }), ['@shop']), true);
  });
});
