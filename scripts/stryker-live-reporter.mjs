// A Stryker reporter that appends each mutant's result to a JSON-lines file as soon as it is known
// (Stryker's own reports are written only when a run ends, so a run stopped half-way would
// otherwise leave nothing). `node scripts/mutation-scores.mjs <file.jsonl>` turns it into scores.
// File: $STRYKER_LIVE_FILE, default reports/mutation/live.jsonl (emptied when a run starts).
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PluginKind, declareClassPlugin } from '@stryker-mutator/api/plugin';

const file = process.env.STRYKER_LIVE_FILE || 'reports/mutation/live.jsonl';

class LiveReporter {
  onMutationTestingPlanReady() {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
  }

  onMutantTested(result) {
    const { id, fileName, mutatorName, replacement, location, status, statusReason, killedBy } = result;
    const entry = { id, fileName, mutatorName, replacement, location, status, killedBy };
    if (status !== 'Killed') entry.statusReason = statusReason?.slice(0, 300);
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
  }
}
LiveReporter.inject = [];

export const strykerPlugins = [declareClassPlugin(PluginKind.Reporter, 'live', LiveReporter)];
