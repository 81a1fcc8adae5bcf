// Starts Pagefind's search box on the newsroom's search page, in the page's language. The page reads
// its strings from data attributes, so this file is the same for every locale and caches for a year.
(function () {
  var el = document.getElementById("newsroom-search");
  if (!el || typeof PagefindUI === "undefined") return;
  var d = el.dataset;
  new PagefindUI({
    element: el,
    // Earlier years' releases are a bundle of their own, searched together with this year's.
    mergeIndex: d.archive ? [{ bundlePath: d.archive }] : [],
    showSubResults: true,
    showImages: false,
    translations: {
      placeholder: d.placeholder,
      search_label: d.label,
      clear_search: d.clear,
      load_more: d.more,
      zero_results: d.zero,
      many_results: d.many,
      one_result: d.one,
      searching: d.searching,
    },
  });
  // Tie Pagefind's input to the page's own label, for screen readers and axe alike.
  var input = el.querySelector("input");
  var label = document.getElementById("newsroom-search-label");
  if (input && label) {
    input.id = "newsroom-search-input";
    label.htmlFor = input.id;
    input.setAttribute("aria-labelledby", label.id);
  }
})();
