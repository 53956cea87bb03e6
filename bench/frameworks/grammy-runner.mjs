/** grammY with @grammyjs/runner: `run(bot)` (concurrent, default up to 500 updates in flight). */
import { registered } from './grammy.mjs';

export const label = 'grammY+runner';

export async function polling(apiRoot) {
  const { run } = await import('@grammyjs/runner');
  const bot = await registered(apiRoot);
  return {
    start: () => {
      run(bot);
    },
  };
}
