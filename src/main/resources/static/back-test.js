// Reloads a running back-test's page every few seconds, so that its progress moves without a click.
(function () {
  var marker = document.querySelector('[data-medaudit-refresh]');
  if (marker) {
    window.setTimeout(function () { window.location.reload(); },
      1000 * Number(marker.getAttribute('data-medaudit-refresh')));
  }
})();
