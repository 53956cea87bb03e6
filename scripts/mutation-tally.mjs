// How a Stryker result counts, shared by scripts/mutation-changed.mjs (CI's gate) and
// scripts/mutation-scores.mjs (per-file scores while working on survivors):
// score = (Killed + Timeout) / (all but Ignored, CompileError and RuntimeError).

const NOT_COUNTED = new Set(['Ignored', 'CompileError', 'RuntimeError']);

/** Counts `mutants` (objects with a Stryker `status`): per status, detected, and the ones the score counts. */
export function tally(mutants) {
  const counts = {};
  let valid = 0;
  for (const mutant of mutants) {
    counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
    if (!NOT_COUNTED.has(mutant.status)) valid++;
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  return { all: mutants.length, counts, detected, valid };
}

/** The score in percent; a file without a counted mutant scores 100. */
export function percent(detected, valid) {
  return valid === 0 ? 100 : (100 * detected) / valid;
}
