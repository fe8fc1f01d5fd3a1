// Sorting and filtering for tables marked data-sortable / data-filterable.
// The tables are complete without this script; it only adds controls.
(function () {
  "use strict";
  var strings = {};
  try {
    strings = JSON.parse(document.getElementById("ui-strings").textContent);
  } catch (e) { /* the defaults below apply */ }
  function t(key, fallback) { return strings[key] || fallback; }
  var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  // What a filter compares: one choice for the spellings of one value ("NSĐP", "NSDP",
  // "nsdp."); a cell with no letter or digit ("-") is no choice.
  function choiceKey(text) {
    return fold(text).replace(/[^a-z0-9]+/g, " ").trim();
  }
  // A cell's text as filters and sorting read it: the standard value a cell carries in
  // data-filter-value (a standard status beside the printed text), else its text.
  function cellText(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ""; }
    if (cell.hasAttribute("data-filter-value")) { return cell.getAttribute("data-filter-value"); }
    return cell.textContent.trim();
  }
  // A column header's label, without the copy kept for printing.
  function headerLabel(th) {
    var button = th.querySelector("button.sort");
    return (button || th).textContent.trim();
  }
  function sortValue(row, index) {
    var cell = row.cells[index];
    if (cell && cell.hasAttribute("data-sort")) { return parseFloat(cell.getAttribute("data-sort")); }
    return null;
  }

  function setUp(table, number) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var allRows = Array.prototype.slice.call(body.rows);
    var dataRows = allRows.filter(function (r) { return r.classList.contains("row"); });
    var state = { sortColumn: -1, ascending: true, query: "", selects: [] };

    var status = document.createElement("p");
    status.className = "table-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");

    function apply() {
      var filtering = state.query !== "" || state.selects.some(function (s) { return s.select.value !== ""; });
      var shown = 0;
      dataRows.forEach(function (row) {
        var ok = state.query === "" || fold(row.textContent).indexOf(state.query) !== -1;
        state.selects.forEach(function (s) {
          if (ok && s.select.value !== "" && choiceKey(cellText(row, s.index)) !== s.select.value) { ok = false; }
        });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      var sorted = state.sortColumn !== -1;
      allRows.forEach(function (row) {
        if (row.classList.contains("group")) {
          // A group without rows of its own (a heading the document prints) is hidden only
          // while a filter leaves it nothing to head.
          row.hidden = sorted || (filtering && !dataRows.some(function (r) {
            return !r.hidden && (" " + r.getAttribute("data-groups") + " ").indexOf(" " + row.id + " ") !== -1;
          }));
        } else if (row.classList.contains("total")) {
          row.hidden = sorted || filtering;
        }
      });
      allRows.forEach(function (row) {
        if (row.classList.contains("mismatch")) {
          var owner = document.getElementById(row.getAttribute("data-for"));
          row.hidden = !owner || owner.hidden;
        }
      });
      status.textContent = t("js_showing", "{shown}/{total}")
        .replace("{shown}", shown).replace("{total}", dataRows.length);
    }

    function sortBy(index) {
      state.ascending = state.sortColumn === index ? !state.ascending : true;
      state.sortColumn = index;
      headers.forEach(function (th, i) {
        if (i === index) { th.setAttribute("aria-sort", state.ascending ? "ascending" : "descending"); }
        else { th.removeAttribute("aria-sort"); }
      });
      var ordered = dataRows.slice().sort(function (a, b) {
        var x = sortValue(a, index), y = sortValue(b, index), result;
        if (x !== null || y !== null) {
          result = (x === null ? -Infinity : x) - (y === null ? -Infinity : y);
        } else {
          result = collator.compare(cellText(a, index), cellText(b, index));
        }
        return state.ascending ? result : -result;
      });
      ordered.forEach(function (row) { body.appendChild(row); });
      apply();
    }

    function reset() {
      state.sortColumn = -1;
      state.query = "";
      headers.forEach(function (th) { th.removeAttribute("aria-sort"); });
      allRows.forEach(function (row) { body.appendChild(row); });
      if (form) { form.reset(); }
      apply();
    }

    if (table.hasAttribute("data-sortable")) {
      headers.forEach(function (th, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "sort";
        button.setAttribute("title", t("js_sort", "Sort by") + " " + th.textContent.trim());
        // Printed headers keep a plain copy of the label: Chromium leaves a button's text out of
        // the header it repeats at the top of each printed page.
        var printed = document.createElement("span");
        printed.className = "print-label";
        printed.setAttribute("aria-hidden", "true");
        printed.textContent = th.textContent.trim();
        while (th.firstChild) { button.appendChild(th.firstChild); }
        th.appendChild(button);
        th.appendChild(printed);
        button.addEventListener("click", function () { sortBy(index); });
      });
    }

    var form = null;
    if (table.hasAttribute("data-filterable")) {
      form = document.createElement("form");
      form.className = "table-filters";
      form.setAttribute("role", "search");
      var legendId = "loc-" + number;
      form.setAttribute("aria-labelledby", legendId);
      var legend = document.createElement("p");
      legend.id = legendId;
      legend.className = "filters-title";
      legend.textContent = t("js_filters", "Filter");
      form.appendChild(legend);
      var field = document.createElement("label");
      field.textContent = t("js_filter_text", "Search in the table") + " ";
      var input = document.createElement("input");
      input.type = "search";
      input.name = "q";
      field.appendChild(input);
      form.appendChild(field);
      input.addEventListener("input", function () { state.query = fold(input.value.trim()); apply(); });
      headers.forEach(function (th, index) {
        if (!th.hasAttribute("data-filter")) { return; }
        // Each choice is shown as its most frequent spelling.
        var spellings = {};
        dataRows.forEach(function (row) {
          var text = cellText(row, index);
          var key = choiceKey(text);
          if (!key) { return; }
          spellings[key] = spellings[key] || {};
          spellings[key][text] = (spellings[key][text] || 0) + 1;
        });
        var choices = Object.keys(spellings).map(function (key) {
          var counts = spellings[key];
          var label = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || collator.compare(a, b); })[0];
          return { key: key, label: label };
        }).sort(function (a, b) { return collator.compare(a.label, b.label); });
        if (choices.length < 2) { return; }
        var label = document.createElement("label");
        label.textContent = headerLabel(th) + " ";
        var select = document.createElement("select");
        var all = document.createElement("option");
        all.value = "";
        all.textContent = t("js_all", "All");
        select.appendChild(all);
        choices.forEach(function (choice) {
          var option = document.createElement("option");
          option.value = choice.key;
          option.textContent = choice.label;
          select.appendChild(option);
        });
        label.appendChild(select);
        form.appendChild(label);
        state.selects.push({ index: index, select: select });
        select.addEventListener("change", apply);
      });
      var clear = document.createElement("button");
      clear.type = "button";
      clear.textContent = t("js_reset", "Reset");
      clear.addEventListener("click", reset);
      form.appendChild(clear);
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      var wrap = table.closest(".table-wrap") || table;
      wrap.parentNode.insertBefore(form, wrap);
      wrap.parentNode.insertBefore(status, wrap);
      apply();
    }
  }

  var tables = document.querySelectorAll("table[data-sortable], table[data-filterable]");
  Array.prototype.forEach.call(tables, setUp);
})();
