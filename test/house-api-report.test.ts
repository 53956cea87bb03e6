// The public surface is listed in etc/botte.api.md (scripts/api-report.ts): this test fails when
// the sources export something the report does not list, or stop exporting something it lists,
// so that every change of the public surface is a visible change of that file in review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildReport, entryPoints, REPORT_PATH } from '../scripts/api-report.js';

test('etc/botte.api.md lists the public surface of every entry point as it is now', () => {
  const entries = [...entryPoints().keys()];
  assert.ok(entries.includes('botte') && entries.includes('botte/testing'), `entry points: ${entries.join(', ')}`);
  const now = buildReport();
  const committed = readFileSync(REPORT_PATH, 'utf8');
  if (now === committed) return;
  const a = committed.split('\n');
  const b = now.split('\n');
  let at = 0;
  while (at < a.length && a[at] === b[at]) at++;
  const section = [...b.slice(0, at + 1)].reverse().find((line) => line.startsWith('## ')) ?? '(header)';
  assert.fail(
    `The public surface changed but ${REPORT_PATH} was not updated: run \`npm run api-report\` and commit it ` +
      `(and say in the commit why the surface changed).\nFirst difference, line ${at + 1}, in ${section}:\n` +
      `  report:  ${a[at] ?? '(end)'}\n  sources: ${b[at] ?? '(end)'}`,
  );
});
