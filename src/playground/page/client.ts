/**
 * The playground page's script (served on /app.js). Every text from users or the bot is put in
 * the page with `textContent` or as attribute values, never parsed as HTML.
 * @module
 */

/** The browser script: chat tabs, messages with entities, keyboards, uploads, toasts and the calls panel. */
export const PAGE_JS = String.raw`'use strict';
(function () {
  var state = { chats: new Map(), current: null, users: [], replyTo: null };
  var $ = function (id) { return document.getElementById(id); };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-playground': '1' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { if (!res.ok) throw new Error(json.error || res.statusText); return json; }); });
  }

  function safeUrl(url) {
    try {
      var parsed = new URL(url);
      return parsed.protocol === 'http:' || parsed.protocol === 'https:' || parsed.protocol === 'tg:' ? parsed.href : null;
    } catch (e) { return null; }
  }

  var TAGS = { bold: 'strong', italic: 'em', underline: 'u', strikethrough: 's', code: 'code', pre: 'pre', blockquote: 'blockquote', expandable_blockquote: 'blockquote' };

  function wrap(entity, inner, segmentText) {
    var node;
    if (TAGS[entity.type]) node = document.createElement(TAGS[entity.type]);
    else if (entity.type === 'text_link' || entity.type === 'url') {
      node = document.createElement('a');
      var href = safeUrl(entity.type === 'url' ? segmentText : entity.url);
      if (href) { node.href = href; node.target = '_blank'; node.rel = 'noopener noreferrer'; }
      node.className = 'entity-link';
    } else {
      node = document.createElement('span');
      node.className = entity.type === 'spoiler' ? 'spoiler' : 'entity-' + entity.type.replace(/[^a-z_]/g, '');
    }
    node.appendChild(inner);
    return node;
  }

  /** Text with Telegram entities as nested elements; offsets are UTF-16 units, like JavaScript strings. */
  function renderText(text, entities) {
    var frag = document.createDocumentFragment();
    entities = Array.isArray(entities) ? entities : [];
    var points = [0, text.length];
    entities.forEach(function (e) { points.push(e.offset, e.offset + e.length); });
    points = points.filter(function (p, i, all) { return p >= 0 && p <= text.length && all.indexOf(p) === i; }).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1];
      var segment = text.slice(a, b);
      var node = document.createTextNode(segment);
      var active = entities.filter(function (e) { return e.offset <= a && e.offset + e.length >= b; })
        .sort(function (x, y) { return y.offset - x.offset || x.length - y.length; });
      active.forEach(function (e) {
        var full = e.type === 'url' ? text.slice(e.offset, e.offset + e.length) : segment;
        node = wrap(e, node, full);
      });
      frag.appendChild(node);
    }
    return frag;
  }

  function fileLink(fileId, name) {
    var link = el('a', 'file', '📎 ' + (name || 'file'));
    link.href = '/files/' + encodeURIComponent(fileId);
    link.setAttribute('download', name || 'file');
    return link;
  }

  function renderMessage(chat, message) {
    var fromBot = message.from && message.from.is_bot;
    var box = el('div', 'msg ' + (fromBot ? 'bot' : 'user'));
    box.dataset.id = String(message.message_id);
    if (chat.type !== 'private' || fromBot) box.appendChild(el('div', 'who', message.from ? message.from.first_name : (message.chat.title || '')));
    if (message.reply_to_message) box.appendChild(el('div', 'quote', message.reply_to_message.text || message.reply_to_message.caption || '[media]'));
    if (Array.isArray(message.photo) && message.photo.length) {
      var img = document.createElement('img');
      img.alt = message.caption || 'photo';
      img.src = '/files/' + encodeURIComponent(message.photo[message.photo.length - 1].file_id) + '?inline';
      box.appendChild(img);
    }
    ['document', 'audio', 'video', 'voice', 'animation', 'video_note', 'sticker'].forEach(function (kind) {
      var file = message[kind];
      if (file && file.file_id) box.appendChild(fileLink(file.file_id, file.file_name || kind));
    });
    if (message.location) box.appendChild(el('div', '', '📍 ' + message.location.latitude + ', ' + message.location.longitude));
    if (message.dice) box.appendChild(el('div', '', message.dice.emoji + ' ' + message.dice.value));
    if (message.poll) box.appendChild(el('div', '', '📊 ' + message.poll.question));
    if (typeof message.text === 'string') box.appendChild(renderText(message.text, message.entities));
    else if (typeof message.caption === 'string') box.appendChild(renderText(message.caption, message.caption_entities));
    var markup = message.reply_markup;
    if (markup && Array.isArray(markup.inline_keyboard)) {
      var keyboard = el('div', 'inline-keyboard');
      markup.inline_keyboard.forEach(function (row) {
        var rowBox = el('div', 'row');
        row.forEach(function (button) { rowBox.appendChild(inlineButton(chat, message, button)); });
        keyboard.appendChild(rowBox);
      });
      box.appendChild(keyboard);
    }
    var meta = el('div', 'meta', (message.edit_date ? 'edited · ' : '') + new Date(message.date * 1000).toLocaleTimeString());
    box.appendChild(meta);
    var actions = el('div', 'actions');
    var reply = el('button', '', 'Reply');
    reply.type = 'button';
    reply.setAttribute('aria-label', 'Reply to message ' + message.message_id);
    reply.addEventListener('click', function () { setReplyTo(message); });
    actions.appendChild(reply);
    box.appendChild(actions);
    return box;
  }

  function inlineButton(chat, message, button) {
    var node = el('button', '', button.text);
    node.type = 'button';
    node.addEventListener('click', function () {
      if (typeof button.url === 'string') {
        var href = safeUrl(button.url);
        if (href) window.open(href, '_blank', 'noopener,noreferrer');
        return;
      }
      if (typeof button.callback_data !== 'string') { toast('This button (' + Object.keys(button).join(', ') + ') needs a real Telegram client'); return; }
      node.disabled = true;
      post('/api/press', { chat: chat.id, from: sender(), message: message.message_id, data: button.callback_data })
        .then(function (res) {
          var answer = res.answer || {};
          if (answer.text && answer.show_alert) showAlert(answer.text);
          else if (answer.text) toast(answer.text);
          if (answer.url) { var href = safeUrl(answer.url); if (href) window.open(href, '_blank', 'noopener,noreferrer'); }
        })
        .catch(function (error) { toast('No answer: ' + error.message); })
        .then(function () { node.disabled = false; });
    });
    return node;
  }

  var toastTimer = null;
  function toast(text) {
    var box = $('toast');
    box.textContent = text;
    box.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () { box.hidden = true; }, 4000);
  }

  function showAlert(text) {
    $('alert-text').textContent = text;
    var dialog = $('alert');
    if (typeof dialog.showModal === 'function') dialog.showModal(); else window.alert(text);
  }

  function setReplyTo(message) {
    state.replyTo = message ? message.message_id : null;
    var box = $('reply-to');
    box.hidden = !message;
    if (message) box.firstElementChild.textContent = 'Replying to: ' + (message.text || message.caption || '[media]');
    $('text').focus();
  }

  function sender() {
    var chat = state.chats.get(state.current);
    if (chat && chat.type === 'private') return chat.id;
    return Number($('sender').value);
  }

  function renderChat() {
    var chat = state.chats.get(state.current);
    if (!chat) return;
    $('chat-title').textContent = chat.title;
    var list = $('messages');
    list.replaceChildren();
    chat.messages.forEach(function (message) { list.appendChild(renderMessage(chat, message)); });
    list.scrollTop = list.scrollHeight;
    renderKeyboard();
    Array.prototype.forEach.call($('chats').children, function (button) {
      button.setAttribute('aria-pressed', String(Number(button.dataset.chat) === chat.id));
    });
    $('sender-box').hidden = chat.type === 'private';
  }

  function renderKeyboard() {
    var chat = state.chats.get(state.current);
    var box = $('keyboard');
    box.replaceChildren();
    if (!chat || !chat.keyboard) return;
    chat.keyboard.forEach(function (row) {
      var rowBox = el('div', 'row');
      row.forEach(function (button) {
        var node = el('button', '', button.text);
        node.type = 'button';
        node.addEventListener('click', function () { send(button.text); });
        rowBox.appendChild(node);
      });
      box.appendChild(rowBox);
    });
  }

  function send(text) {
    var chat = state.chats.get(state.current);
    var body = { chat: chat.id, from: sender(), text: text };
    if (state.replyTo !== null) body.replyTo = state.replyTo;
    setReplyTo(null);
    return post('/api/send', body).catch(function (error) { toast(error.message); });
  }

  function upload(file) {
    var chat = state.chats.get(state.current);
    var kind = /^image\/(png|jpeg|gif|webp)$/.test(file.type) ? 'photo' : 'document';
    var caption = $('text').value;
    $('text').value = '';
    var query = '?chat=' + chat.id + '&from=' + sender() + '&kind=' + kind + '&name=' + encodeURIComponent(file.name) + (caption ? '&caption=' + encodeURIComponent(caption) : '');
    return fetch('/api/upload' + query, { method: 'POST', headers: { 'content-type': file.type || 'application/octet-stream', 'x-playground': '1' }, body: file })
      .then(function (res) { if (!res.ok) return res.json().then(function (json) { throw new Error(json.error); }); })
      .catch(function (error) { toast(error.message); });
  }

  function addCall(call) {
    if (call.method === 'getUpdates') return;
    var item = el('li', call.ok ? '' : 'failed');
    var details = document.createElement('details');
    details.appendChild(el('summary', '', (call.ok ? '✓ ' : '✗ ') + call.method));
    var body = { params: call.params };
    if (call.files && call.files.length) body.files = call.files;
    body.answer = call.response;
    details.appendChild(el('pre', '', JSON.stringify(body, null, 2)));
    item.appendChild(details);
    var list = $('calls');
    list.insertBefore(item, list.firstChild);
    while (list.children.length > 200) list.removeChild(list.lastChild);
  }

  function onEvent(event) {
    if (event.type === 'call') { addCall(event); return; }
    var chat = state.chats.get(event.chatId);
    if (!chat) return;
    if (event.type === 'message' || event.type === 'edit') {
      var index = chat.messages.findIndex(function (m) { return m.message_id === event.message.message_id; });
      if (index >= 0) chat.messages[index] = event.message; else if (event.type === 'message') chat.messages.push(event.message);
    } else if (event.type === 'delete') {
      chat.messages = chat.messages.filter(function (m) { return m.message_id !== event.messageId; });
    } else if (event.type === 'keyboard') {
      chat.keyboard = event.keyboard;
    }
    if (chat.id === state.current) renderChat();
  }

  function start() {
    fetch('/api/state').then(function (res) { return res.json(); }).then(function (data) {
      $('bot-name').textContent = data.bot.first_name + (data.bot.username ? ' (@' + data.bot.username + ')' : '');
      state.users = data.users;
      var select = $('sender');
      data.users.forEach(function (user) {
        var option = el('option', '', user.first_name);
        option.value = String(user.id);
        select.appendChild(option);
      });
      var nav = $('chats');
      data.chats.forEach(function (chat) {
        state.chats.set(chat.id, { id: chat.id, type: chat.type, title: chat.title, messages: chat.history, keyboard: chat.keyboard });
        var button = el('button', '', chat.title);
        button.type = 'button';
        button.dataset.chat = String(chat.id);
        button.addEventListener('click', function () { state.current = chat.id; setReplyTo(null); renderChat(); });
        nav.appendChild(button);
      });
      state.current = data.chats[0].id;
      renderChat();
      var source = new EventSource('/events?after=' + data.seq);
      source.onopen = function () { $('connection').textContent = 'connected'; };
      source.onerror = function () { $('connection').textContent = 'reconnecting…'; };
      source.onmessage = function (message) { onEvent(JSON.parse(message.data)); };
    });
    $('composer').addEventListener('submit', function (event) {
      event.preventDefault();
      var input = $('text');
      var text = input.value;
      if (text.trim() === '') return;
      input.value = '';
      send(text);
    });
    $('file').addEventListener('change', function (event) {
      var file = event.target.files[0];
      if (file) upload(file);
      event.target.value = '';
    });
    $('cancel-reply').addEventListener('click', function () { setReplyTo(null); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
`;
