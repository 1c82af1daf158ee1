/*
 * Keyboard navigation: the left and right arrow keys follow the page's
 * rel="prev" and rel="next" links (previous and next day, month or story),
 * unless the reader is typing in a field.
 */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    var rel = { ArrowLeft: "prev", ArrowRight: "next" }[event.key];
    var link = rel && document.querySelector('a[rel="' + rel + '"]');
    if (link) {
      window.location.href = link.href;
    }
  });
})();
