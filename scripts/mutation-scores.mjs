// Scores per file from a Stryker run: its JSON report (reports/mutation/mutation.json) or the
// JSON lines of scripts/stryker-live-reporter.mjs (complete for every mutant tested so far, even
// when the run was stopped). The score is scripts/mutation-tally.mjs's.
//
//   node scripts/mutation-scores.mjs <report.json|live.jsonl>... [--list]
//
// --list also prints every surviving and uncovered mutant with its source line.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { percent, tally } from './mutation-tally.mjs';

const list = process.argv.includes('--list');
const inputs = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (inputs.length === 0) {
  console.error('usage: node scripts/mutation-scores.mjs <report.json|live.jsonl>... [--list]');
  process.exit(2);
}

/** Mutants by file (relative path), later inputs replacing earlier results of the same mutant. */
const byFile = new Map();
function add(fileName, mutant) {
  const name = relative(process.cwd(), fileName).replace(/^\.stryker-tmp\/sandbox-[^/]+\//, '');
  if (!byFile.has(name)) byFile.set(name, new Map());
  const { start, end } = mutant.location;
  const key = `${start.line}:${start.column}-${end.line}:${end.column}:${mutant.mutatorName}:${mutant.replacement}`;
  byFile.get(name).set(key, mutant);
}
for (const input of inputs) {
  const text = readFileSync(input, 'utf8');
  if (input.endsWith('.jsonl')) {
    for (const line of text.split('\n').filter(Boolean)) {
      const mutant = JSON.parse(line);
      add(mutant.fileName, mutant);
    }
  } else {
    for (const [fileName, file] of Object.entries(JSON.parse(text).files)) {
      for (const mutant of file.mutants) add(fileName, mutant);
    }
  }
}

const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const total = { all: 0, detected: 0, survived: 0, noCoverage: 0, invalid: 0 };
const pct = (part, whole) => (whole ? `${percent(part, whole).toFixed(1)} %` : '-');
console.log('file\tmutants\tdetected\tsurvived\tno coverage\tignored/errors\tscore');
for (const [name, mutants] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
  const { all, counts, detected, valid } = tally([...mutants.values()]);
  const count = {
    all,
    detected,
    survived: counts.Survived ?? 0,
    noCoverage: counts.NoCoverage ?? 0,
    invalid: all - valid,
  };
  for (const key of Object.keys(total)) total[key] += count[key];
  console.log(
    `${name}\t${count.all}\t${count.detected}\t${count.survived}\t${count.noCoverage}\t${count.invalid}\t${pct(count.detected, valid)}`,
  );
  if (!list) continue;
  const source = existsSync(name) ? readFileSync(name, 'utf8').split('\n') : [];
  const undetected = [...mutants.values()].filter((mutant) => UNDETECTED.has(mutant.status));
  undetected.sort(
    (a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column,
  );
  for (const mutant of undetected) {
    const at = `${mutant.location.start.line}:${mutant.location.start.column}`;
    const tag = mutant.status === 'NoCoverage' ? 'no coverage' : 'survived';
    const code = (source[mutant.location.start.line - 1] ?? '').trim().slice(0, 100);
    console.log(
      `  ${tag} ${at} ${mutant.mutatorName} -> ${JSON.stringify(mutant.replacement ?? '').slice(0, 80)}  | ${code}`,
    );
  }
}
console.log(
  `all\t${total.all}\t${total.detected}\t${total.survived}\t${total.noCoverage}\t${total.invalid}\t${pct(total.detected, total.all - total.invalid)}`,
);
