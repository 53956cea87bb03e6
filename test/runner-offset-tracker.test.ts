// The exactly-once bookkeeping of long polling, case by case: which offset is confirmed to
// Telegram, and which returning update_ids are skipped as already handled. An off-by-one here
// loses an update or handles it twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetTracker } from '../src/runner/offset-tracker.js';

test('before anything is seen: no offset, or the skipPending start', () => {
  assert.equal(new OffsetTracker().offset(), undefined);
  const skipped = new OffsetTracker();
  skipped.startAt(10);
  assert.equal(skipped.offset(), 10);
  skipped.accept(10);
  assert.equal(skipped.offset(), 10, 'held by the running update');
  skipped.finish(10);
  assert.equal(skipped.offset(), 11);
  const zero = new OffsetTracker();
  zero.startAt(0);
  assert.equal(zero.offset(), 0);
  // A start below what was seen does not move the offset back.
  const seen = new OffsetTracker();
  seen.accept(20);
  seen.finish(20);
  seen.startAt(10);
  assert.equal(seen.offset(), 21);
});

test('unfinished counts accepted updates until they finish, once each', () => {
  const tracker = new OffsetTracker();
  for (const id of [1, 2, 3]) tracker.accept(id);
  assert.equal(tracker.unfinished, 3);
  tracker.finish(2);
  tracker.finish(2);
  assert.equal(tracker.unfinished, 2);
  tracker.finish(99); // never accepted
  assert.equal(tracker.unfinished, 2);
  assert.equal(tracker.isKnown(99), false, 'finishing an unknown id does not make it known');
});

test('a finished update at the confirmed offset is still known (it comes back in the next batch)', () => {
  const tracker = new OffsetTracker();
  tracker.accept(5);
  tracker.accept(6);
  tracker.finish(6);
  tracker.confirm(5);
  assert.equal(tracker.offset(), 5);
  tracker.confirm(6); // an offset equal to a finished id: Telegram still returns that update
  assert.equal(tracker.isKnown(6), true, 'update 6 would be handled twice');
  tracker.finish(5);
  assert.equal(tracker.offset(), 7);
  tracker.confirm(7);
  assert.equal(tracker.isKnown(6), true, 'below the confirmed offset');
  assert.equal(tracker.isKnown(7), false);
});

test('confirm never moves back; undefined confirms nothing', () => {
  const tracker = new OffsetTracker();
  tracker.confirm(undefined);
  assert.equal(tracker.confirmed, undefined);
  assert.equal(tracker.isKnown(1), false);
  tracker.confirm(10);
  tracker.confirm(5);
  assert.equal(tracker.confirmed, 10);
  assert.equal(tracker.isKnown(9), true);
  assert.equal(tracker.isKnown(10), false);
});

test('releaseOlderThan: strictly older than the window, each id once; released ids stop holding the offset', () => {
  const tracker = new OffsetTracker();
  tracker.accept(1, 0);
  tracker.accept(2, 50);
  tracker.accept(3, 100);
  assert.deepEqual(tracker.releaseOlderThan(100, 100), [], 'accepted exactly 100 ms ago: not yet');
  assert.deepEqual(tracker.releaseOlderThan(100, 101), [1]);
  assert.deepEqual(tracker.releaseOlderThan(100, 101), [], 'released once');
  assert.equal(tracker.offset(), 2);
  assert.deepEqual(tracker.releaseOlderThan(10, 1000), [2, 3]);
  assert.equal(tracker.offset(), 4, 'every unfinished update released: past the highest seen');
  assert.equal(tracker.unfinished, 3, 'released updates are still unfinished');
  assert.ok(
    [1, 2, 3].every((id) => tracker.isKnown(id)),
    'and never fetched as new again',
  );
  tracker.finish(1);
  assert.equal(tracker.unfinished, 2);
});
