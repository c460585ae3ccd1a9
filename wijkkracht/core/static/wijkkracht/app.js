/*
 * wijkkracht's own script (loaded after htmx, both deferred; no inline script anywhere: strict CSP).
 *
 * - htmx is configured from <meta name="wk-htmx-config">, before htmx starts: no inline indicator
 *   styles (includeIndicatorStyles: false), no eval.
 * - The error summary of a form (components/error_summary.html) gets the focus when the page loads,
 *   and after an htmx swap the focus moves to the swapped content (its error summary if it has one).
 * - The menu folds into one "Menu" button on narrow screens.
 * - Buttons with data-wk-print print the page.
 */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="wk-htmx-config"]');
  if (window.htmx && meta) {
    try {
      Object.assign(window.htmx.config, JSON.parse(meta.getAttribute("content")));
    } catch (error) {
      window.htmx.config.includeIndicatorStyles = false;
    }
  }
  document.documentElement.classList.add("wk-js");

  var FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]";

  function focusOn(element) {
    if (!element) {
      return;
    }
    if (!element.matches(FOCUSABLE)) {
      element.setAttribute("tabindex", "-1");
    }
    element.focus();
  }

  function focusTargetIn(root) {
    return (
      root.querySelector("[data-wk-error-summary]") ||
      root.querySelector("[data-wk-focus]") ||
      root.querySelector("h2, h3, [role=status]") ||
      root
    );
  }

  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-wk-error-summary]");
    if (summary) {
      focusOn(summary);
    }

    var toggle = document.querySelector("[data-wk-menu-toggle]");
    var menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (toggle && menu) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        menu.classList.toggle("wk-nav__list--open", open);
      });
    }

    document.querySelectorAll("[data-wk-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  });

  // After an htmx swap: the focus goes to what changed, so a keyboard or screen-reader user is not
  // left on a button that no longer exists. An outerHTML swap replaces the target: find it again by id.
  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.target;
    if (!target) {
      return;
    }
    var root = target.isConnected ? target : target.id && document.getElementById(target.id);
    if (root) {
      focusOn(focusTargetIn(root));
    }
  });
})();
