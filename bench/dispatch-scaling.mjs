/**
 * How Botte's dispatch cost grows with the number of handlers: N/2 commands,
 * N/4 regexps, N/4 predicates and a catch-all echo, for N = 10, 40, 160, 640. Updates are mostly
 * plain texts (they walk every non-command handler) plus commands (they must reach their handler
 * through the command index, without running every regexp). The network is stubbed with
 * customRequestSender. Prints updates/s per N and the cost per update per handler.
 *
 *   node dispatch-scaling.mjs            (needs `npm run build` at the repo root)
 */
import { Botte, util } from 'botte';

const SIZES = [10, 40, 160, 640];
const UPDATES = 100_000;
const ROUNDS = 5;
const answer = new util.CustomRequestResponse(
  '{"ok":true,"result":{"message_id":1,"date":0,"chat":{"id":1,"type":"private"},"text":"x"}}',
);

function makeBot(n) {
  let regexpRuns = 0;
  const bot = new Botte('123456:BENCH-token', { customRequestSender: () => answer, threaded: false });
  const commands = n / 2,
    regexps = n / 4,
    predicates = n / 4;
  for (let i = 0; i < commands; i++)
    bot.handleMsg({ commands: [`cmd${i}`] }, (m) => bot.sendMessage(m.chat.id, `c${i}`));
  for (let i = 0; i < regexps; i++) {
    const re = new RegExp(`^zz${i}zz`);
    bot.handleMsg(
      {
        func: (m) => {
          regexpRuns++;
          return re.test(m.text);
        },
      },
      (m) => bot.sendMessage(m.chat.id, `r${i}`),
    );
  }
  for (let i = 0; i < predicates; i++)
    bot.handleMsg({ func: (m) => m.text.length === 1000 + i }, (m) => bot.sendMessage(m.chat.id, `p${i}`));
  bot.handleMsg({ func: () => true }, (m) => bot.sendMessage(m.chat.id, m.text));
  return { bot, regexpRuns: () => regexpRuns };
}

function updates(n) {
  const list = [];
  for (let i = 0; i < UPDATES; i++) {
    const isCommand = i % 5 === 0;
    const text = isCommand ? `/cmd${i % (n / 2)}` : `hello ${i}`;
    list.push({
      update_id: i + 1,
      message: {
        message_id: i + 1,
        date: 0,
        chat: { id: 1 + (i % 1000), type: 'private' },
        from: { id: 1 + (i % 1000), is_bot: false, first_name: 'u' },
        text,
        ...(isCommand ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] } : {}),
      },
    });
  }
  return list;
}

const results = [];
for (const n of SIZES) {
  const samples = [];
  let regexpRunsPerCommand = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const { bot, regexpRuns } = makeBot(n);
    const list = updates(n);
    const commandsOnly = list.filter((u) => u.message.text.startsWith('/')).slice(0, 1000);
    const before = regexpRuns();
    await bot.processNewUpdates(commandsOnly);
    regexpRunsPerCommand = (regexpRuns() - before) / commandsOnly.length;
    const start = process.hrtime.bigint();
    await bot.processNewUpdates(list);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    samples.push(UPDATES / seconds);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  results.push({
    handlers: n + 1,
    updatesPerSecond: Math.round(median),
    nsPerUpdate: Math.round(1e9 / median),
    regexpRunsPerCommand,
  });
}
console.log(`Botte dispatch scaling, ${UPDATES} updates per round, median of ${ROUNDS}, Node ${process.version}`);
console.table(results);
const [first, ...rest] = results;
for (const r of rest) {
  const costGrowth = r.nsPerUpdate / first.nsPerUpdate;
  const handlerGrowth = r.handlers / first.handlers;
  console.log(
    `${first.handlers} → ${r.handlers} handlers (×${handlerGrowth.toFixed(1)}): cost per update ×${costGrowth.toFixed(2)}`,
  );
}
