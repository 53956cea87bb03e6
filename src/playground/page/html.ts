/**
 * The playground page: plain HTML, no framework; its script is /app.js (src/playground/page/client.ts).
 * @module
 */

/** The page served on `/`. It holds no data: everything comes from /api/state and /events. */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Botte playground</title>
<link rel="stylesheet" href="/app.css">
<script src="/app.js" defer></script>
</head>
<body>
<header><strong>Botte playground</strong> <span id="bot-name"></span> <span id="connection" class="muted">connecting…</span></header>
<div class="layout">
  <nav aria-label="Chats" id="chats"></nav>
  <main>
    <h1 id="chat-title">Chat</h1>
    <div id="messages" role="log" aria-label="Messages" aria-live="polite"></div>
    <div id="reply-to" hidden><span></span> <button type="button" id="cancel-reply" aria-label="Cancel reply">×</button></div>
    <div id="keyboard" aria-label="Reply keyboard"></div>
    <form id="composer" autocomplete="off">
      <span id="sender-box" hidden><label for="sender">Send as</label> <select id="sender"></select></span>
      <label class="attach">Attach file <input type="file" id="file"></label>
      <input id="text" name="text" aria-label="Message" placeholder="Message">
      <button type="submit">Send</button>
    </form>
  </main>
  <aside aria-label="Bot API calls">
    <h2>Bot API calls</h2>
    <ol id="calls"></ol>
  </aside>
</div>
<div id="toast" role="status" aria-live="polite" hidden></div>
<dialog id="alert" aria-label="Alert"><p id="alert-text"></p><form method="dialog"><button>OK</button></form></dialog>
</body>
</html>
`;
