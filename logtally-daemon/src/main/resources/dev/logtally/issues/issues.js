// logtally issues page: status buttons (fetch with the token in a header) and filters that apply on change.
// Plain JavaScript, no library; the page works without it (filters have an Apply button).
(function () {
  'use strict';
  var TOKEN_KEY = 'logtally.issues.token';

  function filters() {
    var form = document.getElementById('filters');
    if (!form) { return; }
    form.querySelectorAll('select').forEach(function (s) {
      s.addEventListener('change', function () { form.submit(); });
    });
  }

  function statusForm() {
    var form = document.getElementById('status-form');
    if (!form) { return; }
    var token = document.getElementById('token');
    var message = document.getElementById('status-message');
    var release = document.getElementById('in-release');
    try { token.value = sessionStorage.getItem(TOKEN_KEY) || ''; } catch (e) { /* storage off */ }
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.querySelectorAll('button[data-status]').forEach(function (b) {
      b.addEventListener('click', function () {
        var body = { status: b.getAttribute('data-status'), in_release: null, in_next_release: false };
        if (b.hasAttribute('data-next')) { body.in_next_release = true; }
        if (b.hasAttribute('data-in-release')) {
          if (!release.value.trim()) { show('Name the release first.', true); release.focus(); return; }
          body.in_release = release.value.trim();
        }
        try { sessionStorage.setItem(TOKEN_KEY, token.value); } catch (e) { /* storage off */ }
        send(form.getAttribute('data-fingerprint'), body, token.value);
      });
    });

    function show(text, error) {
      message.textContent = text;
      message.className = error ? 'error' : '';
    }

    function send(fingerprint, body, tokenValue) {
      show('Saving…', false);
      fetch('/api/issues/' + encodeURIComponent(fingerprint) + '/status', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + tokenValue },
        body: JSON.stringify(body),
        credentials: 'omit'
      }).then(function (r) {
        return r.json().then(function (j) { return { ok: r.ok, status: r.status, json: j }; });
      }).then(function (r) {
        if (r.ok) {
          show('Status is now ' + r.json.status + '.', false);
          window.location.reload();
        } else {
          show(r.status + ': ' + (r.json.error || 'refused') + ' Nothing was changed.', true);
        }
      }).catch(function (e) {
        show('Request failed: ' + e + '. Nothing was changed.', true);
      });
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    filters();
    statusForm();
  });
}());
