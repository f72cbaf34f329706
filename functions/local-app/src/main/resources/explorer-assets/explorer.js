// The chain explorer's only script. Every page works without it; with it, clicking a user on the map shows their
// panel without reloading the map, and Try it shows the chain in place as soon as the evaluation comes back.
(function () {
  'use strict';

  function showUser(panel, href) {
    var url = new URL(href, window.location.href);
    var user = url.searchParams.get('user');
    if (!user) {
      return false;
    }
    panel.classList.add('loading');
    fetch('/users/panel?user=' + encodeURIComponent(user), {credentials: 'same-origin'})
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var form = panel.querySelector('form.find');
        panel.innerHTML = '';
        if (form) {
          panel.appendChild(form);
          form.querySelector('input[name=user]').value = user;
        }
        panel.insertAdjacentHTML('beforeend', html);
        panel.classList.remove('loading');
        document.querySelectorAll('#user-map circle.selected').forEach(function (c) {
          c.classList.remove('selected');
          c.setAttribute('r', '5');
        });
        var dot = document.querySelector('#user-map a[data-user="' + CSS.escape(user) + '"] circle');
        if (dot) {
          dot.classList.add('selected');
          dot.setAttribute('r', '8');
        }
        history.replaceState(null, '', '/users?user=' + encodeURIComponent(user));
      })
      .catch(function () { window.location.href = href; });
    return true;
  }

  function wireUserMap() {
    var panel = document.getElementById('user-panel');
    if (!panel) {
      return;
    }
    document.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('#user-map a[data-user], #user-panel a.neighbour') : null;
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) {
        return;
      }
      var href = link.getAttribute('href') || (link.href && link.href.baseVal);
      if (href && showUser(panel, href)) {
        event.preventDefault();
      }
    });
  }

  function wireTryForm() {
    var form = document.getElementById('try-form');
    var result = document.getElementById('try-result');
    var status = document.getElementById('try-status');
    if (!form || !result) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var button = document.getElementById('try-submit');
      button.disabled = true;
      result.classList.add('loading');
      status.textContent = 'Evaluating: inducing the persona, writing the rubric, scoring the samples…';
      var started = Date.now();
      fetch(form.action, {
        method: 'POST',
        credentials: 'same-origin',
        headers: {'X-Requested-With': 'explorer'},
        body: new URLSearchParams(new FormData(form))
      }).then(function (response) {
        return response.text().then(function (html) { return {ok: response.ok, html: html}; });
      }).then(function (answer) {
        result.innerHTML = answer.html;
        status.textContent = answer.ok ? 'Evaluated in ' + ((Date.now() - started) / 1000).toFixed(1) + ' s.' : '';
      }).catch(function (error) {
        status.textContent = 'The evaluation did not come back: ' + error.message;
      }).finally(function () {
        button.disabled = false;
        result.classList.remove('loading');
      });
    });
  }

  // Empty filter fields stay out of the address, so a filtered list's link names only what filters it.
  function wireItemFilter() {
    document.querySelectorAll('form.filter').forEach(function (form) {
      form.addEventListener('submit', function () {
        form.querySelectorAll('input, select').forEach(function (field) {
          if (field.name && field.value === '') {
            field.disabled = true;
          }
        });
      });
    });
    // Coming back to the page from the browser's cache must not find those fields still disabled.
    window.addEventListener('pageshow', function () {
      document.querySelectorAll('form.filter [disabled]').forEach(function (field) { field.disabled = false; });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    wireUserMap();
    wireTryForm();
    wireItemFilter();
  });
}());
