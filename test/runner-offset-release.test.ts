// Releasing an update that finished meanwhile (the journal write before a release is awaited,
// src/runner/polling.ts) must not bring it back as unfinished: that count drives backpressure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OffsetTracker } from '../src/runner/offset-tracker.js';

test('release ignores ids that are no longer in flight', () => {
  const tracker = new OffsetTracker();
  tracker.accept(1, 0);
  tracker.accept(2, 0);
  const stalled = tracker.stalled(10, 100);
  assert.deepEqual(stalled, [1, 2]);
  tracker.finish(1);
  tracker.release(stalled);
  assert.equal(tracker.unfinished, 1, 'only update 2 is still being handled');
  tracker.finish(2);
  assert.equal(tracker.unfinished, 0);
  assert.equal(tracker.offset(), 3);
});
