import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { BotApiEmulator } from '../src/testing/index.js';
const emu = await BotApiEmulator.start();
const bot = new Dispatcher(emu.token, { apiUrl: emu.apiUrl });
let hits = 0;
for (let i = 0; i < 10; i++) bot.handleMsg({ regexp: `^word${i}\\b` }, () => { hits++; });
for (let i = 0; i < 20; i++) bot.handleMsg({ commands: [`cmd${i}`] }, () => { hits++; });
for (let i = 0; i < 10; i++) bot.handleMsg({ func: (m) => m.text === `pred${i}` }, () => { hits++; });
const texts = ['/cmd19', `/cmd5@botte_test_bot x`, 'word9 here', 'pred9', 'nothing at all'];
const make = (i: number) => ({ update_id: i, message: { message_id: i, date: 1, chat: { id: 1, type: 'private' as const, first_name: 'T' }, from: { id: 1, is_bot: false, first_name: 'T' }, text: texts[i % texts.length]! } });
await bot.handleUpdate(make(1) as any);
for (let round = 0; round < 3; round++) {
  const count = 20_000;
  const t = performance.now();
  for (let i = 0; i < count; i++) await bot.handleUpdate(make(i) as any);
  console.log(((performance.now() - t) * 1000 / count).toFixed(2), 'us/update');
}
console.log(emu.callsOf('getMe').length, bot.botInfo?.username);
await bot.closeSession(); await emu.stop();
