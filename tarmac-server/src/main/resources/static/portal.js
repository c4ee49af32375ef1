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

// After a registration: shows how far the location's processing has got (entities read from its
// sources, those in the catalog) until nothing under it is due, leased or waiting to be stitched.
(function () {
  function entities(n) {
    return n === 1 ? '1 entity' : n.toLocaleString('en') + ' entities';
  }
  function follow(el) {
    var out = el.querySelector('[data-progress]');
    var url = '/api/catalog/locations/' + encodeURIComponent(el.dataset.location) + '/progress';
    var polls = 0;
    // Screen readers hold the live region's changes while it is busy and read out the final text.
    el.setAttribute('aria-busy', 'true');
    function again(delay) {
      if (++polls < 600) setTimeout(poll, delay);
      else el.removeAttribute('aria-busy');
    }
    function poll() {
      fetch(url, { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
        .then(function (p) {
          // The registration itself stores the location's own entity, so read is never 0 here.
          if (!p.processing) {
            out.textContent = p.withErrors > 0
              ? p.inCatalog.toLocaleString('en') + ' of ' + entities(p.read) + ' from this location are in the catalog; '
                + p.withErrors.toLocaleString('en') + (p.withErrors === 1 ? ' has' : ' have') + ' problems (see the location).'
              : entities(p.inCatalog) + ' from this location ' + (p.inCatalog === 1 ? 'is' : 'are') + ' in the catalog.';
            out.dataset.done = 'true';
            el.removeAttribute('aria-busy');
            return;
          }
          out.textContent = 'Read ' + entities(p.read) + ' from its sources so far; '
            + p.inCatalog.toLocaleString('en') + ' in the catalog.';
          again(1000);
        })
        .catch(function () { again(5000); });
    }
    poll();
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-location]').forEach(follow);
  });
})();
