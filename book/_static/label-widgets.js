// Give every slider handle drawn by the widget manager an accessible name: the slider's own label.
// The handles come without one, so a screen reader would announce an unnamed slider.
(function () {
  function labelHandles(root) {
    root.querySelectorAll(".noUi-handle:not([aria-label])").forEach(function (handle) {
      var slider = handle.closest(".widget-slider, .jupyter-widget-slider, .widget-hslider, .widget-vslider");
      var label = slider && slider.querySelector(".widget-label");
      var name = label && label.textContent.trim();
      handle.setAttribute("aria-label", name || "Slider");
    });
  }
  new MutationObserver(function () { labelHandles(document); })
    .observe(document.documentElement, { childList: true, subtree: true });
})();
