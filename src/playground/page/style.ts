/**
 * The playground page's stylesheet (served on /app.css).
 * @module
 */

/** A Telegram-like look: chat bubbles, keyboards under the messages, a calls panel on the side. */
export const PAGE_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; background: #e6ebee; height: 100vh; display: flex; flex-direction: column; }
header { padding: 8px 14px; background: #517da2; color: #fff; }
header .muted { opacity: .75; font-size: 13px; margin-left: 8px; }
.layout { flex: 1; display: grid; grid-template-columns: 180px 1fr 340px; min-height: 0; }
nav { background: #fff; border-right: 1px solid #d5dde3; padding: 8px; display: flex; flex-direction: column; gap: 4px; }
nav button { text-align: left; border: 0; background: none; padding: 10px; border-radius: 8px; font: inherit; cursor: pointer; }
nav button[aria-pressed="true"] { background: #419fd9; color: #fff; }
main { display: flex; flex-direction: column; min-height: 0; background: #c9d9b4 linear-gradient(160deg, #d3e2bd, #a9c6a0); }
main h1 { margin: 0; padding: 8px 14px; font-size: 16px; background: #fff; border-bottom: 1px solid #d5dde3; }
#messages { flex: 1; overflow-y: auto; padding: 12px 14px; display: flex; flex-direction: column; gap: 6px; }
.msg { max-width: 75%; padding: 6px 10px 4px; border-radius: 12px; background: #fff; box-shadow: 0 1px 1px rgba(0,0,0,.12); white-space: pre-wrap; overflow-wrap: anywhere; align-self: flex-start; }
.msg.user { align-self: flex-end; background: #effdde; }
.msg .who { font-size: 12px; color: #3a8fc9; font-weight: 600; }
.msg .meta { font-size: 11px; color: #7a8a96; text-align: right; }
.msg .quote { border-left: 3px solid #3a8fc9; padding-left: 6px; margin-bottom: 4px; font-size: 13px; color: #4a5a66; }
.msg img { max-width: 260px; max-height: 260px; display: block; border-radius: 8px; margin-bottom: 4px; }
.msg .file { display: inline-block; padding: 4px 0; }
.msg .actions { margin-top: 2px; }
.msg .actions button { font-size: 11px; border: 0; background: none; color: #3a8fc9; cursor: pointer; padding: 0; }
.inline-keyboard { display: flex; flex-direction: column; gap: 3px; margin-top: 5px; }
.inline-keyboard .row { display: flex; gap: 3px; }
.inline-keyboard button { flex: 1; border: 0; border-radius: 6px; padding: 6px; background: rgba(81,125,162,.18); color: #1f5f8f; font: inherit; cursor: pointer; }
.spoiler { background: #999; color: transparent; border-radius: 3px; }
.spoiler:hover { color: inherit; background: #eee; }
code, pre { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; background: rgba(0,0,0,.06); border-radius: 4px; }
pre { padding: 6px; margin: 2px 0; white-space: pre-wrap; }
blockquote { margin: 2px 0; padding-left: 8px; border-left: 3px solid #3a8fc9; }
.entity-link { color: #2a7ab0; }
#keyboard { display: grid; gap: 4px; padding: 6px 14px; }
#keyboard:empty { display: none; }
#keyboard .row { display: flex; gap: 4px; }
#keyboard button { flex: 1; padding: 9px; border: 0; border-radius: 8px; background: #fff; font: inherit; cursor: pointer; box-shadow: 0 1px 1px rgba(0,0,0,.15); }
#reply-to { padding: 4px 14px; background: #fff; font-size: 13px; border-top: 1px solid #d5dde3; }
#composer { display: flex; gap: 8px; align-items: center; padding: 8px 14px; background: #fff; border-top: 1px solid #d5dde3; }
#composer #text { flex: 1; padding: 9px 10px; border: 1px solid #cbd5dc; border-radius: 18px; font: inherit; }
#composer button { padding: 8px 14px; border: 0; border-radius: 18px; background: #419fd9; color: #fff; font: inherit; cursor: pointer; }
.attach { font-size: 13px; color: #3a8fc9; cursor: pointer; }
.attach input { width: 0; height: 0; opacity: 0; position: absolute; }
aside { background: #fff; border-left: 1px solid #d5dde3; overflow-y: auto; padding: 8px 12px; font-size: 12px; }
aside h2 { font-size: 14px; margin: 4px 0 8px; }
#calls { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 4px; }
#calls summary { cursor: pointer; font-family: ui-monospace, Menlo, Consolas, monospace; }
#calls .failed summary { color: #c0392b; }
#calls pre { max-height: 240px; overflow: auto; }
#toast { position: fixed; left: 50%; top: 60px; transform: translateX(-50%); background: rgba(0,0,0,.8); color: #fff; padding: 8px 16px; border-radius: 8px; }
dialog { border: 0; border-radius: 10px; box-shadow: 0 6px 30px rgba(0,0,0,.3); }
`;
