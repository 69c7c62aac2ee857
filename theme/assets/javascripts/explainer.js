// Keyboard users can reach glossary definitions: the first use of each abbreviation
// on a page joins the tab order, and Material's tooltip shows on focus as on hover.
(function () {
  var seen = {};
  document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
    var term = abbr.textContent;
    if (!seen[term]) {
      seen[term] = true;
      abbr.tabIndex = 0;
    }
  });
})();
