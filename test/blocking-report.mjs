// Preloaded into every test file's process by scripts/run-tests.mjs. Each file reports its
// results to the runner over a pipe, and --test-force-exit can end the process while the last
// reports still wait in that pipe's buffer: the runner then counts fewer tests than ran, with no
// error (nodejs/node issue 64833; seen here on Node 22: 27 of a file's 35 tests reported). A
// blocking stdout writes each report before going on, so none is left behind at the exit.
process.stdout._handle?.setBlocking?.(true);
