/** Shared pieces of the update-journal tests (test/runner-journal-*.test.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Update } from '../src/api/generated/telegram-types.js';

/** A message update with id `id` (its message has the same id) and `text` (default `m<id>`). */
export const update = (id: number, text = `m${id}`) =>
  ({
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: 1, type: 'private' }, text },
  }) as unknown as Update;

/** The update_ids of `updates`, in order. */
export const ids = (updates: readonly unknown[]) => updates.map((u) => (u as Update).update_id);

/** A fresh temporary folder, removed after the test `t`. */
export function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'botte-journal-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
