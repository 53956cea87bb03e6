/**
 * The bot every framework runs: 20 commands, 10 regexps, 10 predicates and a catch-all
 * echo (40 rules + echo), registered in that order, first match wins.
 * Adapters register exactly these rules with their framework's own API; the raw floor
 * (lib/raw-router.mjs) hand-writes the same rules as a switch.
 */
export const TOKEN = '123456:BENCH-bench_token_0123456789abcdefghijk';
export const BOT_USER = {
  id: 123456,
  is_bot: true,
  first_name: 'Bench',
  username: 'bench_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

/** /cmd0 .. /cmd19, each answered with 'c<i>'. */
export const COMMANDS = Array.from({ length: 20 }, (_, i) => ({ name: `cmd${i}`, reply: `c${i}` }));
/** /^re<i>:(\d+)$/, answered with 'r<i>'. */
export const REGEXPS = Array.from({ length: 10 }, (_, i) => ({ re: new RegExp(`^re${i}:(\\d+)$`), reply: `r${i}` }));
/** Text ending with '!p<i>', answered with 'p<i>'. */
export const PREDICATES = Array.from({ length: 10 }, (_, i) => {
  const suffix = `!p${i}`;
  return { test: (text) => typeof text === 'string' && text.endsWith(suffix), reply: `p${i}` };
});

/** What the bot must answer to `text` (the checker's reference, not used by adapters). */
export function expectedReply(text) {
  if (text.startsWith('/')) {
    const name = text.slice(1).split(/[ @]/)[0];
    const cmd = COMMANDS.find((c) => c.name === name);
    if (cmd) return cmd.reply;
  }
  for (const r of REGEXPS) if (r.re.test(text)) return r.reply;
  for (const p of PREDICATES) if (p.test(text)) return p.reply;
  return text;
}
