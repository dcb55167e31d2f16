// The header's search box as an ARIA combobox (WAI-ARIA APG "combobox with listbox popup"):
// htmx fetches the options; this file moves the highlighted option with the arrow keys, opens it
// with Enter, closes the list with Escape. Without JavaScript the box is a plain GET form to /search.
// It also lets htmx show the search page's 400 answer (a reason to fix the input) in place.
(function () {
  'use strict';

  var INPUT = 'site-search-q';
  var LIST = 'site-search-list';

  function parts() {
    var input = document.getElementById(INPUT);
    var list = document.getElementById(LIST);
    return input && list ? { input: input, list: list } : null;
  }

  function options(list) {
    return Array.prototype.slice.call(list.querySelectorAll('[role="option"]'));
  }

  function highlighted(list) {
    return list.querySelector('[role="option"][aria-selected="true"]');
  }

  function open(box) {
    var any = options(box.list).length > 0 || box.list.children.length > 0;
    box.list.hidden = !any;
    box.input.setAttribute('aria-expanded', any ? 'true' : 'false');
  }

  function close(box) {
    box.list.hidden = true;
    box.input.setAttribute('aria-expanded', 'false');
    highlight(box, null);
  }

  function highlight(box, option) {
    options(box.list).forEach(function (o) {
      o.setAttribute('aria-selected', o === option ? 'true' : 'false');
    });
    if (option) {
      box.input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      box.input.removeAttribute('aria-activedescendant');
    }
  }

  function move(box, step) {
    var all = options(box.list);
    if (all.length === 0) {
      return;
    }
    if (box.list.hidden) {
      open(box);
    }
    var at = all.indexOf(highlighted(box.list));
    var next = at + step;
    // Past either end, back to the box itself with nothing highlighted.
    highlight(box, next < 0 || next >= all.length ? null : all[next]);
  }

  document.addEventListener('keydown', function (event) {
    var box = parts();
    if (!box || event.target !== box.input) {
      return;
    }
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        move(box, 1);
        break;
      case 'ArrowUp':
        event.preventDefault();
        move(box, -1);
        break;
      case 'Enter': {
        var option = box.list.hidden ? null : highlighted(box.list);
        var link = option && option.querySelector('a[href]');
        if (link) {
          event.preventDefault();
          window.location.assign(link.href);
        }
        // Otherwise the form submits: the full search page.
        break;
      }
      case 'Escape':
        if (!box.list.hidden) {
          event.preventDefault();
          close(box);
        }
        break;
      default:
        break;
    }
  });

  document.addEventListener('focusout', function (event) {
    var box = parts();
    if (box && box.input.form.contains(event.target) &&
        !(event.relatedTarget && box.input.form.contains(event.relatedTarget))) {
      close(box);
    }
  });

  document.addEventListener('htmx:afterSwap', function (event) {
    var box = parts();
    if (!box || event.detail.target !== box.list) {
      return;
    }
    // A late answer for a box the user already left or closed stays closed.
    if (document.activeElement === box.input) {
      box.input.removeAttribute('aria-activedescendant');
      open(box);
    }
  });

  // htmx swaps only 2xx answers; the search page answers bad input with a 400 that explains it.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var status = event.detail.xhr.status;
    if ((status === 400 || status === 503) && event.detail.target &&
        event.detail.target.id === 'search-results') {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
})();
