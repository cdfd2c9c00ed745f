// Optional enhancement: a live countdown to the deadline. Pages work without it; the server's clock is final.
// The platform clock may run faster than wall time (sandbox), so the countdown advances by the clock's rate.
(function () {
  "use strict";
  var el = document.querySelector(".countdown[data-seconds]");
  if (!el) return;
  var out = el.querySelector(".remaining");
  var left = parseFloat(el.getAttribute("data-seconds"));
  var rate = parseFloat(el.getAttribute("data-rate")) || 1;
  var days = el.getAttribute("data-days") || "d";
  var started = Date.now();
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var s = Math.max(0, Math.floor(left - (Date.now() - started) / 1000 * rate));
    var d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    out.textContent = "(" + (d > 0 ? d + " " + days + " " : "") + pad(h) + ":" + pad(m) + ":" + pad(s % 60) + ")";
    if (s > 0) setTimeout(tick, 1000 / Math.min(rate, 10));
  }
  tick();
})();
