// Site search on Pagefind, in Material's search box and result list.
//
// Nothing is fetched until the reader opens search: then Pagefind's small entry file and
// its WebAssembly, and for each query only the index chunks and page fragments it needs,
// all from this site. Results can be narrowed by kind and topic. Keyboard: "/", "s" or
// "f" opens search, arrows move through the results, Enter opens the first, Escape closes.
(function () {
  "use strict";
  var root = document.querySelector("[data-ex-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  var input = root.querySelector(".md-search__input");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var filterBox = root.querySelector(".ex-search-filters");
  var selects = root.querySelectorAll("select[data-ex-filter]");
  var words = root.dataset;
  var SHOWN = 10;
  var loading = null;
  var latest = 0;

  function load() {
    if (!loading) {
      meta.textContent = words.initializer;
      var bundle = new URL(root.dataset.bundle, location.href).href;
      loading = import(bundle)
        .then(function (pagefind) {
          return pagefind.init().then(function () { return pagefind.filters(); })
            .then(function (filters) {
              fillFilters(filters);
              meta.textContent = words.placeholder;
              return pagefind;
            });
        })
        .catch(function () {
          meta.textContent = words.unavailable;
          return null;
        });
    }
    return loading;
  }

  function fillFilters(filters) {
    selects.forEach(function (select) {
      Object.keys(filters[select.dataset.exFilter] || {}).sort().forEach(function (value) {
        select.add(new Option(value, value));
      });
    });
    filterBox.hidden = false;
  }

  function chosenFilters() {
    var chosen = {};
    selects.forEach(function (select) {
      if (select.value) chosen[select.dataset.exFilter] = select.value;
    });
    return chosen;
  }

  function run() {
    var ticket = ++latest;
    return load().then(function (pagefind) {
      if (!pagefind || ticket !== latest) return;
      var query = input.value.trim();
      var filters = chosenFilters();
      if (!query && !Object.keys(filters).length) {
        list.replaceChildren();
        meta.textContent = words.placeholder;
        return;
      }
      return pagefind.search(query || null, { filters: filters }).then(function (found) {
        return Promise.all(found.results.slice(0, SHOWN).map(function (r) { return r.data(); }))
          .then(function (pages) {
            if (ticket !== latest) return;
            meta.textContent = count(found.results.length);
            list.replaceChildren.apply(list, pages.map(item));
          });
      });
    });
  }

  function count(n) {
    if (n === 0) return words.none;
    return n === 1 ? words.one : words.other.replace("#", n);
  }

  function item(page) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = page.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = page.meta.title || page.url;
    var excerpt = document.createElement("p");
    excerpt.append.apply(excerpt, marked(page.excerpt));
    article.append(title, excerpt);
    link.append(article);
    li.append(link);
    return li;
  }

  // Pagefind's excerpt is the page's text, HTML-escaped, with <mark> around the
  // matches: parsed inertly, only those <mark>s become elements, the rest is text.
  function marked(excerpt) {
    var template = document.createElement("template");
    template.innerHTML = excerpt;
    return Array.prototype.map.call(template.content.childNodes, function (node) {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent);
      var mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });
  }

  function open() {
    toggle.checked = true;
    input.focus();
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  function move(step) {
    var stops = [input].concat(Array.prototype.slice.call(list.querySelectorAll("a")));
    var at = stops.indexOf(document.activeElement);
    stops[(Math.max(at, 0) + step + stops.length) % stops.length].focus();
  }

  input.addEventListener("focus", function () {
    toggle.checked = true;
    load();
  });
  input.addEventListener("input", run);
  selects.forEach(function (select) { select.addEventListener("change", run); });
  root.querySelector("form").addEventListener("reset", function () {
    setTimeout(run, 0);
  });
  root.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) open();
    else input.blur();
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) toggle.checked = false;
  });
  root.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (event.target.tagName === "SELECT") return;
      move(event.key === "ArrowDown" ? 1 : -1);
      event.preventDefault();
    } else if (event.key === "Enter" && event.target === input) {
      var first = list.querySelector("a");
      if (first) first.click();
      event.preventDefault();
    }
  });
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (toggle.checked || event.ctrlKey || event.metaKey || event.altKey) return;
    if (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName)) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      open();
      event.preventDefault();
    }
  });
})();
