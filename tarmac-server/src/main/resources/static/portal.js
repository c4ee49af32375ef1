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

// After a registration: counts the location's entities in the catalog as they are processed, until
// the count has held still for five seconds (a large location takes a while).
(function () {
  function entities(n) {
    return n === 1 ? '1 entity' : n.toLocaleString('en') + ' entities';
  }
  function follow(el) {
    var out = el.querySelector('[data-progress]');
    var filter = 'metadata.annotations.backstage.io/managed-by-origin-location=' + el.dataset.origin;
    var url = '/api/catalog/entities/by-query?limit=0&filter=' + encodeURIComponent(filter);
    var last = -1, still = 0, polls = 0;
    // Screen readers hold the live region's changes while it is busy and read out the final count.
    el.setAttribute('aria-busy', 'true');
    function again(delay) {
      if (++polls < 600) setTimeout(poll, delay);
      else el.removeAttribute('aria-busy');
    }
    function poll() {
      fetch(url, { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (body) {
          var n = body.totalItems;
          still = n === last ? still + 1 : 0;
          last = n;
          if (n > 0 && still >= 5) {
            out.textContent = entities(n) + ' from this location ' + (n === 1 ? 'is' : 'are') + ' in the catalog.';
            out.dataset.done = 'true';
            el.removeAttribute('aria-busy');
            return;
          }
          if (n === 0 && polls === 30) {
            el.removeAttribute('aria-busy');
            out.textContent = 'Nothing from this location is in the catalog yet; the location\u2019s page shows why.';
          }
          if (n > 0) {
            out.textContent = 'So far ' + entities(n) + ' from this location ' + (n === 1 ? 'is' : 'are') + ' in the catalog; processing goes on.';
          }
          again(1000);
        })
        .catch(function () { again(5000); });
    }
    poll();
  }
  document.addEventListener('DOMContentLoaded', function () {
    // A comma would split the filter into two conditions; such a location is not followed.
    document.querySelectorAll('[data-origin]').forEach(function (el) {
      if (el.dataset.origin.indexOf(',') < 0) follow(el);
    });
  });
})();
