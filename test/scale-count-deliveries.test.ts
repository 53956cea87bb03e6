// How the scale-out demo and tests judge a run (examples/scale-out/cluster.ts, countDeliveries):
// from the replies the emulator received, in arrival order. A first reply that comes after a later
// update's reply of its chat breaks per-chat order; a second reply (after a kill -9, the dead
// worker's last request reaching the API late) is a duplicate, counted apart from order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countDeliveries } from '../examples/scale-out/cluster.js';

const perChat = new Map([
  [1, 3],
  [2, 2],
]);

test('every update answered once, in order: nothing lost, duplicated or out of order', () => {
  assert.deepEqual(countDeliveries(['1:0', '2:0', '1:1', '2:1', '1:2'], perChat), {
    handled: 5,
    lost: 0,
    duplicated: 0,
    orderViolations: 0,
    lateDuplicates: 0,
  });
});

test('a first answer after a later one of its chat is an order violation; other chats do not count', () => {
  const count = countDeliveries(['1:1', '2:0', '1:0', '2:1', '1:2'], perChat);
  assert.equal(count.orderViolations, 1);
  assert.equal(count.lateDuplicates, 0);
  assert.equal(count.duplicated, 0);
});

test('a repeat right after the first answer is a duplicate in order; after a later update it is a late duplicate', () => {
  const inOrder = countDeliveries(['1:0', '1:0', '1:1', '1:2', '2:0', '2:1'], perChat);
  assert.deepEqual([inOrder.duplicated, inOrder.orderViolations, inOrder.lateDuplicates], [1, 0, 0]);
  const late = countDeliveries(['1:0', '1:1', '1:2', '1:0', '2:0', '2:1'], perChat);
  assert.deepEqual([late.duplicated, late.orderViolations, late.lateDuplicates], [1, 0, 1]);
});

test('unanswered updates are lost, whatever their place', () => {
  const count = countDeliveries(['1:0', '1:2', '2:1'], perChat);
  assert.deepEqual([count.handled, count.lost, count.orderViolations], [3, 2, 0]);
});
