// MedAudit's small, unobtrusive script. Every page works without it; it only makes some things quicker:
// - an error summary takes the focus, so that keyboard and screen-reader users start from the list of problems;
// - the audit form adds one row at a time in place ("Add another order") instead of posting the draft back;
// - an upload's page shows its progress without reloading.
(function () {
  'use strict';

  function focusErrorSummary() {
    var summary = document.querySelector('.govuk-error-summary');
    if (summary) {
      summary.focus();
    }
  }

  // A row's ids and names carry its number ("orders-5-drug"); a new row takes the next one.
  function renumber(element, key, from, to) {
    var pattern = new RegExp('^' + key + '-' + from + '-');
    ['id', 'name', 'for', 'aria-describedby'].forEach(function (attribute) {
      var value = element.getAttribute(attribute);
      if (value) {
        element.setAttribute(attribute, value.split(' ').map(function (part) {
          return part.replace(pattern, key + '-' + to + '-');
        }).join(' '));
      }
    });
  }

  function addRow(button) {
    var key = button.getAttribute('data-rows');
    var count = document.querySelector('input[type=hidden][name="' + button.getAttribute('data-count-name') + '"]');
    var rows = document.querySelectorAll('fieldset[id^="' + key + '-row-"]');
    var last = rows[rows.length - 1];
    var from = rows.length - 1;
    var to = rows.length;
    var row = last.cloneNode(true);
    row.id = key + '-row-' + to;
    var legend = row.querySelector('legend');
    legend.textContent = legend.textContent.replace(/\s*\d+\s*$/, '') + ' ' + (to + 1);
    Array.prototype.forEach.call(row.querySelectorAll('.govuk-error-message, .govuk-hint'), function (node) {
      node.parentNode.removeChild(node);
    });
    Array.prototype.forEach.call(row.querySelectorAll('.govuk-form-group--error'), function (node) {
      node.classList.remove('govuk-form-group--error');
    });
    Array.prototype.forEach.call(row.querySelectorAll('input, select, textarea, label'), function (field) {
      renumber(field, key, from, to);
      field.removeAttribute('aria-describedby');
      field.classList.remove('govuk-input--error', 'govuk-select--error');
      if (field.tagName === 'SELECT') {
        field.selectedIndex = 0;
      } else if (field.tagName !== 'LABEL') {
        field.value = '';
      }
    });
    last.parentNode.insertBefore(row, last.nextSibling);
    count.value = String(to + 1);
    var first = row.querySelector('input, select, textarea');
    if (first) {
      first.focus();
    }
  }

  function blank(row) {
    return Array.prototype.every.call(row.querySelectorAll('input, select, textarea'), function (field) {
      return field.value === '';
    });
  }

  // Blank rows beyond the first are left out of the page (and of the tab order): "Add another" brings them back
  // one at a time. The server ignores blank rows, so nothing changes in what is saved.
  function trimBlankRows(button) {
    var key = button.getAttribute('data-rows');
    var count = document.querySelector('input[type=hidden][name="' + button.getAttribute('data-count-name') + '"]');
    var rows = Array.prototype.slice.call(document.querySelectorAll('fieldset[id^="' + key + '-row-"]'));
    while (rows.length > 1 && blank(rows[rows.length - 1]) && blank(rows[rows.length - 2])) {
      var last = rows.pop();
      last.parentNode.removeChild(last);
    }
    count.value = String(rows.length);
  }

  // The server's "Add more rows" button (which posts the draft back) becomes "Add another order", in place.
  function enhanceRowButtons() {
    Array.prototype.forEach.call(document.querySelectorAll('button[data-rows]'), function (button) {
      button.type = 'button';
      button.removeAttribute('name');
      button.removeAttribute('formaction');
      button.textContent = 'Add another ' + button.getAttribute('data-label');
      button.addEventListener('click', function () {
        addRow(button);
      });
      trimBlankRows(button);
    });
  }

  // Progress of a CSV upload, read from its status while it runs; the finished page is then loaded once.
  function followUpload() {
    var progress = document.querySelector('[data-status-url]');
    if (!progress || !window.fetch) {
      return;
    }
    var bar = progress.querySelector('progress');
    var text = progress.querySelector('[role=status]');
    function poll() {
      fetch(progress.getAttribute('data-status-url'), {headers: {Accept: 'application/json'}, credentials: 'same-origin'})
        .then(function (response) { return response.json(); })
        .then(function (status) {
          if (status.done) {
            window.location.reload();
            return;
          }
          bar.value = status.percent;
          bar.textContent = status.percent + '%';
          text.textContent = status.percent + '% read: ' + status.stored + ' charts stored, ' + status.alreadyStored
            + ' already stored, ' + status.refused + ' refused so far.';
          window.setTimeout(poll, 1000);
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    window.setTimeout(poll, 500);
  }

  document.addEventListener('DOMContentLoaded', function () {
    focusErrorSummary();
    enhanceRowButtons();
    followUpload();
  });
}());
