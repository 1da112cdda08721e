/* Plan Tracker: filters on a table of items (a plan's, or a list's across plans), and the
 * "Print this report" button.
 *
 * Progressive enhancement: without JavaScript the full table shows and the filter form stays
 * hidden; the report says how to print. Runs on every page Material's instant navigation
 * shows (document$), or once on load when that is absent.
 */
(function () {
  "use strict";

  /* The English words; a site in several languages gives each language's in #pt-words. */
  var ENGLISH = {
    "script.showing_all": "Showing all {total} items.",
    "script.none_match": "No item matches these filters. Showing 0 of {total} items.",
    "script.showing": "Showing {found} of {total} items.",
    "script.showing_in_context":
      "Showing {found} of {total} items, with the sections and parents they belong to.",
    "script.print": "Print this report"
  };

  function words() {
    var given = document.getElementById("pt-words");
    if (!given) return ENGLISH;
    try { return JSON.parse(given.textContent); } catch (e) { return ENGLISH; }
  }

  /* A catalog entry with its {name} placeholders filled; a plural entry's form is the one the
   * page's language uses for values.total. */
  function say(key, values) {
    var found = words();
    var text = found[key];
    if (text === undefined && typeof Intl !== "undefined" && Intl.PluralRules) {
      var form = new Intl.PluralRules(document.documentElement.lang || "en").select(values.total);
      text = found[key + "." + form];
    }
    if (text === undefined) text = found[key + ".other"] || ENGLISH[key];
    return text.replace(/\{(\w+)\}/g, function (_, name) { return String(values[name]); });
  }

  function depthOf(row) {
    return parseInt(row.getAttribute("data-depth") || "0", 10);
  }

  function matches(row, status, lead, due, plan) {
    if (row.hasAttribute("data-section")) return false;
    if (status && row.getAttribute("data-status") !== status) return false;
    if (plan && row.getAttribute("data-plan") !== plan) return false;
    if (lead && (" " + row.getAttribute("data-leads") + " ").indexOf(" " + lead + " ") < 0) {
      return false;
    }
    if (!due) return true;
    var days = row.getAttribute("data-due-days");
    if (due === "overdue" || due === "passed-unreported") {
      return row.getAttribute("data-late") === due;
    }
    if (due === "none") return days === "";
    if (days === "") return false;
    var n = parseInt(days, 10);
    return n >= 0 && n <= parseInt(due, 10);
  }

  function setUpFilters(form) {
    if (form.getAttribute("data-pt-ready")) return;
    var table = document.getElementById(form.getAttribute("data-pt-for"));
    if (!table || !table.tBodies.length) return;
    form.setAttribute("data-pt-ready", "yes");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var items = rows.filter(function (row) { return !row.hasAttribute("data-section"); });
    var count = form.querySelector(".pt-filters__count");
    var fields = ["status", "lead", "due", "plan"].map(function (name) {
      return form.elements[name];
    });

    function apply() {
      var values = fields.map(function (field) { return field ? field.value : ""; });
      var active = values.some(function (value) { return value !== ""; });
      var shown = rows.map(function (row) {
        return !active || matches(row, values[0], values[1], values[2], values[3]);
      });
      var context = rows.map(function () { return false; });
      /* Keep the parents of a matching row (its section, recommendation or aim) as context. */
      shown.forEach(function (isShown, i) {
        if (!isShown || !active) return;
        var depth = depthOf(rows[i]);
        for (var j = i - 1; j >= 0 && depth > 0; j--) {
          if (depthOf(rows[j]) < depth) {
            if (!shown[j]) context[j] = true;
            depth = depthOf(rows[j]);
          }
        }
      });
      var found = 0;
      rows.forEach(function (row, i) {
        row.hidden = !(shown[i] || context[i]);
        row.classList.toggle("pt-row-context", context[i]);
        if (shown[i] && !row.hasAttribute("data-section")) found += 1;
      });
      var values = { found: found, total: items.length };
      if (!active) {
        count.textContent = say("script.showing_all", values);
      } else if (!found) {
        count.textContent = say("script.none_match", values);
      } else {
        count.textContent = say(context.some(Boolean) ? "script.showing_in_context"
                                                       : "script.showing", values);
      }
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.hidden = false;
    apply();
  }

  function setUpPrint(holder) {
    if (holder.getAttribute("data-pt-ready")) return;
    holder.setAttribute("data-pt-ready", "yes");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button pt-print__button";
    button.textContent = say("script.print", { total: 1 });
    button.addEventListener("click", function () { window.print(); });
    holder.textContent = "";
    holder.appendChild(button);
  }

  function setUp() {
    document.querySelectorAll("form.pt-filters[data-pt-for]").forEach(setUpFilters);
    document.querySelectorAll("[data-pt-print]").forEach(setUpPrint);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
