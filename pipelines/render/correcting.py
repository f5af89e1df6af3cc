"""The correcting layer of a review page served by ``councilx review --serve``.

``correcting_page(page, stem, correction)`` adds to a review page (``render_review``) the controls: on
every item of the side panel "right", "wrong" and "fix"; on a text selection in the document, a small
bar to add the selected text as a missed item. Every change is sent at once to the server as one
decision (``POST /api/<stem>/decision``); the page then shows the file's state as the server returns it.
"""

from __future__ import annotations

import json
from html import escape

CSS = """
.cx { margin-left: 6px; white-space: nowrap; }
.cx button { font-size: 11px; padding: 0 5px; margin-left: 2px; cursor: pointer; }
li.cx-right > a.item { background: #d8f5d8; }
li.cx-reject > a.item { text-decoration: line-through; color: #888; }
li.cx-fix > a.item { text-decoration: line-through; color: #888; }
.cx-note { color: #0a5d00; font-weight: 600; margin-left: 4px; }
.cx-form input { font-size: 12px; width: 14em; }
#cx-bar { position: fixed; display: none; z-index: 10; background: #fffbe6; border: 1px solid #c9a800;
          padding: 4px 6px; font-size: 12px; box-shadow: 0 2px 6px rgba(0,0,0,.2); }
#cx-status { position: fixed; left: 10px; bottom: 8px; pointer-events: none; background: #222; color: #fff; font-size: 12px;
             padding: 3px 8px; border-radius: 3px; }
#cx-status.error { background: #b00020; }
#cx-added li { color: #0a5d00; }
"""

JS = r"""
(function () {
  var STEM = document.body.dataset.stem;
  var FIELDS = {partners: 'name', organisations: 'name', workstreams: 'name', dates: 'value',
                savings: 'amount', recommendations: 'text'};
  var state = JSON.parse(document.getElementById('cx-state').textContent);
  var status = document.getElementById('cx-status');
  var TEXT = document.getElementById('text');

  function say(msg, bad) { status.textContent = msg; status.className = bad ? 'error' : ''; }

  function send(decision) {
    say('saving…');
    return fetch('/api/' + encodeURIComponent(STEM) + '/decision', {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify(decision)
    }).then(function (r) { return r.json(); }).then(function (d) {
      if (d.error) { say(d.error, true); return; }
      state = d; paint(); say('saved (' + state.decisions.length + ' change(s))');
    }).catch(function (e) { say('not saved: ' + e, true); });
  }

  function decisionOf(field, key) {
    return state.decisions.filter(function (d) { return d.field === field && d.item === key; })[0];
  }

  function valueKey(field, key) { return field === 'metadata' ? key : FIELDS[field]; }

  function parsed(field, name, raw) {
    if (name === 'amount') { return raw.trim() === '' ? null : Number(raw.replace(/[£,\s]/g, '')); }
    return raw;
  }

  function paint() {
    document.querySelectorAll('#panel a.item[data-field]').forEach(function (a) {
      var li = a.parentElement, d = decisionOf(a.dataset.field, a.dataset.key);
      li.classList.remove('cx-right', 'cx-reject', 'cx-fix');
      var note = li.querySelector('.cx-note');
      if (note) { note.remove(); }
      if (!d) { return; }
      li.classList.add('cx-' + d.action);
      if (d.action === 'fix') {
        var n = document.createElement('span');
        n.className = 'cx-note';
        n.textContent = '→ ' + Object.values(d.value).join(', ');
        li.querySelector('a.item').after(n);
      }
    });
    var added = document.getElementById('cx-added-list');
    added.innerHTML = '';
    state.decisions.filter(function (d) { return d.action === 'add'; }).forEach(function (d) {
      var li = document.createElement('li');
      li.textContent = d.field + ': ' + (Object.values(d.value).join(', ') || d.evidence.quote);
      added.appendChild(li);
    });
  }

  function button(label, cls, onclick) {
    var b = document.createElement('button');
    b.type = 'button'; b.textContent = label; b.className = cls;
    b.addEventListener('click', function (ev) { ev.preventDefault(); onclick(); });
    return b;
  }

  document.querySelectorAll('#panel a.item[data-field]').forEach(function (a) {
    var li = a.parentElement, field = a.dataset.field, key = a.dataset.key;
    var bar = document.createElement('span');
    bar.className = 'cx';
    bar.appendChild(button('right', 'cx-right-btn', function () {
      send({field: field, action: 'right', item: key});
    }));
    bar.appendChild(button('wrong', 'cx-wrong-btn', function () {
      send({field: field, action: 'reject', item: key});
    }));
    bar.appendChild(button('fix', 'cx-fix-btn', function () {
      if (li.querySelector('.cx-form')) { return; }
      var name = valueKey(field, key);
      var form = document.createElement('span');
      form.className = 'cx-form';
      var input = document.createElement('input');
      input.name = name; input.placeholder = name;
      form.appendChild(input);
      form.appendChild(button('save', 'cx-save-btn', function () {
        var value = {}; value[name] = parsed(field, name, input.value);
        send({field: field, action: 'fix', item: key, value: value}).then(function () { form.remove(); });
      }));
      li.appendChild(form);
      input.focus();
    }));
    li.appendChild(bar);
  });

  // Adding a missed item: select its text in the document, choose the field, "add".
  var addBar = document.getElementById('cx-bar');
  var picked = null;

  function offset(container, off) {
    var r = document.createRange();
    r.setStart(TEXT, 0); r.setEnd(container, off);
    var frag = r.cloneContents();
    frag.querySelectorAll('.page-break').forEach(function (e) { e.remove(); });
    return frag.textContent.length;
  }

  function onSelect(ev) {
    var sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) { return; }
    var range = sel.getRangeAt(0);
    if (!TEXT.contains(range.commonAncestorContainer)) { return; }
    var start = offset(range.startContainer, range.startOffset);
    var end = offset(range.endContainer, range.endOffset);
    var quote = range.toString();
    if (end <= start || quote.length !== end - start) { say('select text within one page to add it', true); return; }
    picked = {start: start, end: end, quote: quote};
    var rect = range.getBoundingClientRect();
    addBar.style.left = Math.max(4, rect.left) + 'px';
    addBar.style.top = (rect.bottom + 4) + 'px';
    addBar.style.display = 'block';
    document.getElementById('cx-value').value = '';
  }
  TEXT.addEventListener('mouseup', onSelect);
  TEXT.addEventListener('keyup', onSelect);

  document.getElementById('cx-add').addEventListener('click', function () {
    if (!picked) { return; }
    var field = document.getElementById('cx-field').value;
    var raw = document.getElementById('cx-value').value, value = {};
    if (raw.trim() !== '') { value[FIELDS[field]] = parsed(field, FIELDS[field], raw); }
    send({field: field, action: 'add', evidence: picked, value: value});
    addBar.style.display = 'none'; picked = null;
  });
  document.getElementById('cx-cancel').addEventListener('click', function () {
    addBar.style.display = 'none'; picked = null;
  });
  paint();
})();
"""

ADD_FIELDS = ("organisations", "partners", "workstreams", "dates", "savings", "recommendations")


def correcting_page(page: str, stem: str, correction: dict) -> str:
    """The review page with the correcting controls, the added-items list and the file's current state."""
    options = "".join(f'<option value="{f}">{f}</option>' for f in ADD_FIELDS)
    bar = (
        '<div id="cx-bar">add as <select id="cx-field">'
        f'{options}</select> <input id="cx-value" placeholder="value (optional; a date needs one)"> '
        '<button type="button" id="cx-add">add</button> <button type="button" id="cx-cancel">cancel</button></div>'
        '<div id="cx-status">select text in the document to add a missed item</div>'
    )
    state = json.dumps(correction).replace("</", "<\\/")
    added = '<h2 id="cx-added">Added by you</h2><ol id="cx-added-list"></ol>'
    page = page.replace("</style>", CSS + "</style>", 1)
    page = page.replace("<body>", f'<body data-stem="{escape(stem)}">', 1)
    page = page.replace("</nav></main>", f"{added}</nav></main>{bar}", 1)
    return page.replace(
        "</body>", f'<script type="application/json" id="cx-state">{state}</script><script>{JS}</script></body>', 1
    )
