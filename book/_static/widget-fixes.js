// Two fixes for the widgets the book embeds, loaded only on pages that have widgets.
(function () {
  // 1. Give every slider handle an accessible name, the slider's own label: the widget
  //    manager draws the handles without one, so a screen reader would announce "slider".
  function labelHandles() {
    document.querySelectorAll(".noUi-handle:not([aria-label])").forEach(function (handle) {
      var slider = handle.closest(".widget-slider, .jupyter-widget-slider, .widget-hslider, .widget-vslider");
      var label = slider && slider.querySelector(".widget-label");
      var name = label && label.textContent.trim();
      handle.setAttribute("aria-label", name || "Slider");
    });
  }
  new MutationObserver(labelHandles).observe(document.documentElement, { childList: true, subtree: true });

  // 2. The widget manager typesets labels with the MathJax 2 call MathJax.Hub.Queue; the book
  //    serves MathJax 3, so pass that call on to it.
  var mathjax = window.MathJax;
  if (mathjax && mathjax.startup && !mathjax.Hub) {
    mathjax.Hub = {
      Queue: function (job) {
        mathjax.startup.promise.then(function () { return mathjax.typesetPromise([job[2]]); });
      }
    };
  }
})();
