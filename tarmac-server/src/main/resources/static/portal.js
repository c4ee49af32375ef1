// Checks JSON Schema patterns as the user types. HTML's pattern attribute compiles with the 'v'
// flag, which rejects common schema patterns such as [a-z0-9-]; plain RegExp accepts them.
(function () {
  function check(el) {
    var ok = true;
    try {
      ok = el.value === '' || new RegExp(el.dataset.pattern, 'u').test(el.value);
    } catch (e) {
      ok = true; // a pattern the browser cannot read is left to the server
    }
    el.setCustomValidity(ok ? '' : (el.dataset.patternMessage || 'Must match ' + el.dataset.pattern));
  }
  document.addEventListener('input', function (e) {
    if (e.target.dataset && e.target.dataset.pattern) check(e.target);
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-pattern]').forEach(check);
  });
})();
