/**
 * The raw floor's "framework": the same 40 rules as lib/logic.mjs, hand-written as a switch
 * and two loops. Returns the reply text for a message text.
 */
const RE = [
  /^re0:(\d+)$/,
  /^re1:(\d+)$/,
  /^re2:(\d+)$/,
  /^re3:(\d+)$/,
  /^re4:(\d+)$/,
  /^re5:(\d+)$/,
  /^re6:(\d+)$/,
  /^re7:(\d+)$/,
  /^re8:(\d+)$/,
  /^re9:(\d+)$/,
];
const P = ['!p0', '!p1', '!p2', '!p3', '!p4', '!p5', '!p6', '!p7', '!p8', '!p9'];

export function route(text) {
  if (text.charCodeAt(0) === 47) {
    let end = text.length;
    for (let i = 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 64) {
        end = i;
        break;
      }
    }
    switch (text.slice(1, end)) {
      case 'cmd0':
        return 'c0';
      case 'cmd1':
        return 'c1';
      case 'cmd2':
        return 'c2';
      case 'cmd3':
        return 'c3';
      case 'cmd4':
        return 'c4';
      case 'cmd5':
        return 'c5';
      case 'cmd6':
        return 'c6';
      case 'cmd7':
        return 'c7';
      case 'cmd8':
        return 'c8';
      case 'cmd9':
        return 'c9';
      case 'cmd10':
        return 'c10';
      case 'cmd11':
        return 'c11';
      case 'cmd12':
        return 'c12';
      case 'cmd13':
        return 'c13';
      case 'cmd14':
        return 'c14';
      case 'cmd15':
        return 'c15';
      case 'cmd16':
        return 'c16';
      case 'cmd17':
        return 'c17';
      case 'cmd18':
        return 'c18';
      case 'cmd19':
        return 'c19';
    }
  }
  for (let i = 0; i < 10; i++) if (RE[i].test(text)) return 'r' + i;
  for (let i = 0; i < 10; i++) if (text.endsWith(P[i])) return 'p' + i;
  return text;
}

/** Handles one update by calling send(chatId, replyText); returns its promise. */
export function handleUpdate(update, send) {
  const m = update.message;
  if (m === undefined || typeof m.text !== 'string') return undefined;
  return send(m.chat.id, route(m.text));
}
