// Sorting and filtering for tables marked data-sortable / data-filterable; on every data
// table: cards on a phone, a hint where a table scrolls sideways, a header that stays, the
// row a link lands on shown with its column names and unit, filters and sort in the address,
// the sum of the rows shown and their download as CSV.
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

  // Exact sums of decimal figures ("168686.5"), as the documents print them: no float ever
  // adds them. A figure is held as a BigInt of ten-thousand-millionths.
  var SCALE = 10;
  function toUnits(text) {
    var match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text || "");
    if (!match) { return null; }
    var fraction = (match[3] || "").slice(0, SCALE);
    while (fraction.length < SCALE) { fraction += "0"; }
    var units = BigInt(match[2] + fraction);
    return match[1] ? -units : units;
  }
  // Vietnamese format: 1.234.567,5
  function formatUnits(units) {
    var negative = units < 0n;
    var digits = (negative ? -units : units).toString();
    while (digits.length <= SCALE) { digits = "0" + digits; }
    var whole = digits.slice(0, digits.length - SCALE);
    var fraction = digits.slice(digits.length - SCALE).replace(/0+$/, "");
    whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    return (negative ? "-" : "") + whole + (fraction ? "," + fraction : "");
  }

  // The URL parameters of table `number` (the first table's have no prefix).
  function paramName(number, name) { return number === 0 ? name : "b" + (number + 1) + "-" + name; }
  function readParams() {
    try { return new URLSearchParams(location.search); } catch (e) { return null; }
  }
  function writeParams(update) {
    var params = readParams();
    if (!params || !history.replaceState) { return; }
    update(params);
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  // Which role a column plays, from its header: the name of the line, an amount, a status.
  function columnRole(th) {
    var label = fold(headerLabel(th));
    if (th.hasAttribute("data-amount")) { return "amount"; }
    if (/^(ten|noi dung|chi tieu|du an)/.test(label)) { return "name"; }
    if (/^(stt|tt|so thu tu)$/.test(label)) { return "label"; }
    if (/(don vi|co quan) chu tri/.test(label)) { return "agency"; }
    if (/tinh trang|trang thai|tien do|ket qua/.test(label)) { return "status"; }
    if (th.classList.contains("num")) { return "amount"; }
    return "";
  }

  // Cards on a phone: each cell carries its column's label, shown before it by the style
  // sheet below its width; the name, the amounts and the status come first. A short card
  // (number, name, agency, amount, status) is the default: a switch above the table shows
  // every column, and the row a link lands on always shows them all.
  var phone = window.matchMedia ? window.matchMedia("(max-width: 40rem)") : { matches: false };
  function makeCards(table, headers, number) {
    var roles = headers.map(columnRole);
    // One amount on a short card: the first whose header says "tổng", else the first; the
    // others (by year, by source) show with every column.
    var amounts = roles.map(function (role, i) { return role === "amount" ? i : -1; }).filter(function (i) { return i !== -1; });
    var main = amounts.filter(function (i) { return /tong/.test(fold(headerLabel(headers[i]))); })[0];
    if (main === undefined) { main = amounts[0]; }
    roles = roles.map(function (role, i) { return role === "amount" && i !== main ? "" : role; });
    table.classList.add("cards");
    var more = roles.some(function (role) { return role === "" || role === undefined; });
    if (more) {
      table.classList.add("short");
      var label = document.createElement("label");
      label.className = "cards-switch";
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = "du-cot-" + number;
      box.addEventListener("change", function () { table.classList.toggle("short", !box.checked); });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + t("js_all_columns", "Show every column")));
      var wrap = table.closest(".table-wrap") || table;
      wrap.parentNode.insertBefore(label, wrap);
    }
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      if (row.classList.contains("mismatch")) { return; }
      Array.prototype.forEach.call(row.cells, function (cell, i) {
        if (!headers[i]) { return; }
        cell.setAttribute("data-label", headerLabel(headers[i]));
        if (roles[i] === "name") { cell.classList.add("c-name"); }
        else if (roles[i] === "amount" || roles[i] === "status") { cell.classList.add("c-key"); }
        else if (roles[i] === "") { cell.classList.add("c-more"); }
        // An empty cell is left out of the card, but the amount and the status always show.
        if (cell.textContent.trim() === "" && !(row.classList.contains("row") && (roles[i] === "amount" || roles[i] === "status"))) { cell.classList.add("c-empty"); }
      });
    });
  }

  // A hint above a table wider than its frame, kept up to date as the window changes; a
  // frame whose table fits lets the page scroll, so that the header stays at the top.
  var frames = [];
  function measure() {
    frames.forEach(function (f) {
      // Cards fit the screen: the page scrolls, not the frame.
      var cards = phone.matches && f.wrap.querySelector("table.cards");
      var wide = !cards && f.wrap.scrollWidth > f.wrap.clientWidth + 1;
      f.hint.hidden = !wide;
      f.wrap.classList.toggle("scrolls", wide);
    });
  }
  function frame(table) {
    var wrap = table.closest(".table-wrap");
    if (!wrap) { return; }
    var hint = document.createElement("p");
    hint.className = "scroll-hint";
    hint.textContent = t("js_scroll_hint", "The table is wider than the screen: scroll it sideways →");
    hint.hidden = true;
    wrap.parentNode.insertBefore(hint, wrap);
    if (table.tBodies[0] && table.tBodies[0].rows.length > 15) { wrap.classList.add("long"); }
    if (!wrap.hasAttribute("tabindex")) {
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      var caption = table.caption ? table.caption.textContent.trim() : "";
      wrap.setAttribute("aria-label", caption || t("js_table", "Table"));
    }
    frames.push({ wrap: wrap, hint: hint });
  }

  // The row a link lands on (`#r-ii-2-2-1`): marked, scrolled to, and described in a panel
  // with each column's name and the table's unit.
  function land() {
    var id = decodeURIComponent(location.hash.slice(1));
    var old = document.querySelector("tr.landed");
    if (old) { old.classList.remove("landed"); }
    var panel = document.getElementById("dong-duoc-dan");
    if (!id) { if (panel) { panel.hidden = true; } return; }
    var row = document.getElementById(id);
    if (!row || row.tagName !== "TR") { if (panel) { panel.hidden = true; } return; }
    var table = row.closest("table");
    if (!table || !table.tHead) { return; }
    row.hidden = false;
    row.classList.add("landed");
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var unit = table.getAttribute("data-unit") || "";
    if (!panel) {
      panel = document.createElement("aside");
      panel.id = "dong-duoc-dan";
      panel.className = "row-context";
      panel.setAttribute("aria-labelledby", "dong-duoc-dan-tieu-de");
      document.body.appendChild(panel);
    }
    panel.textContent = "";
    var title = document.createElement("p");
    title.id = "dong-duoc-dan-tieu-de";
    title.className = "row-context-title";
    title.textContent = t("js_landed_row", "The row you followed") + (unit ? " (" + t("js_unit", "unit") + ": " + unit + ")" : "");
    panel.appendChild(title);
    var list = document.createElement("dl");
    headers.forEach(function (th, i) {
      var text = cellText(row, i);
      if (!text) { return; }
      var dt = document.createElement("dt");
      dt.textContent = headerLabel(th);
      var dd = document.createElement("dd");
      dd.textContent = text + (unit && th.hasAttribute("data-amount") ? " " + unit : "");
      list.appendChild(dt);
      list.appendChild(dd);
    });
    panel.appendChild(list);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = t("js_close", "Close");
    close.addEventListener("click", function () { panel.hidden = true; row.classList.remove("landed"); });
    panel.appendChild(close);
    panel.hidden = false;
    // Above the panel, below the header that stays.
    var wrap = table.closest(".table-wrap");
    if (wrap && wrap.classList.contains("long") && wrap.scrollHeight > wrap.clientHeight) {
      wrap.scrollTop = row.offsetTop - (table.tHead ? table.tHead.offsetHeight : 0) - 8;
      wrap.scrollIntoView({ block: "start" });
    } else {
      row.scrollIntoView({ block: "center" });
    }
  }

  function setUp(table, number) {
    var body = table.tBodies[0];
    if (!body || !table.tHead) { return; }
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var allRows = Array.prototype.slice.call(body.rows);
    var dataRows = allRows.filter(function (r) { return r.classList.contains("row"); });
    var state = { sortColumn: -1, ascending: true, query: "", selects: [] };
    var amountColumns = headers.map(function (th, i) {
      // Only columns marked data-amount are summed: a list that mixes appendices (a plan and
      // the report that lists its projects again) or units (the register) is not.
      return th.hasAttribute("data-amount") &&
        dataRows.some(function (r) { return r.cells[i] && r.cells[i].hasAttribute("data-sort"); }) &&
        columnRole(th) === "amount" ? i : -1;
    }).filter(function (i) { return i !== -1; });

    var status = document.createElement("p");
    status.className = "table-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    var sums = document.createElement("p");
    sums.className = "table-sums";

    function visibleRows() { return dataRows.filter(function (r) { return !r.hidden; }); }

    function remember() {
      writeParams(function (params) {
        params.delete(paramName(number, "loc"));
        params.delete(paramName(number, "sx"));
        headers.forEach(function (_, i) { params.delete(paramName(number, "cot" + (i + 1))); });
        if (state.query) { params.set(paramName(number, "loc"), input.value.trim()); }
        if (state.sortColumn !== -1) {
          params.set(paramName(number, "sx"), (state.sortColumn + 1) + (state.ascending ? "" : "-giam"));
        }
        state.selects.forEach(function (s) {
          if (s.select.value) { params.set(paramName(number, "cot" + (s.index + 1)), s.select.value); }
        });
      });
    }

    function apply(keep) {
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
      showSums();
      if (keep !== false) { remember(); }
    }

    // The sum of each amount column over the rows shown.
    function showSums() {
      if (!amountColumns.length) { sums.hidden = true; return; }
      var rows = visibleRows();
      var unit = table.getAttribute("data-unit") || "";
      var parts = amountColumns.map(function (index) {
        var total = 0n;
        rows.forEach(function (row) {
          var units = toUnits(row.cells[index] && row.cells[index].getAttribute("data-sort"));
          if (units !== null) { total += units; }
        });
        return headerLabel(headers[index]) + ": " + formatUnits(total) + (unit ? " " + unit : "");
      });
      sums.hidden = false;
      sums.textContent = t("js_sum_shown", "Sum of the rows shown") + " (" + rows.length + " " +
        t("js_rows", "rows") + ") – " + parts.join("; ");
    }

    // The rows shown as CSV: a header line, figures as plain decimals (168686.5), UTF-8 with
    // a BOM so that Excel reads the Vietnamese letters, cells that start like a formula
    // prefixed with "'".
    function csv() {
      function quote(text) {
        if (/^[=+\-@]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) { text = "'" + text; }
        return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
      }
      var unit = table.getAttribute("data-unit") || "";
      var lines = [headers.map(function (th) {
        return quote(headerLabel(th) + (unit && th.hasAttribute("data-amount") ? " (" + unit + ")" : ""));
      }).join(",")];
      visibleRows().forEach(function (row) {
        lines.push(headers.map(function (_, i) {
          var cell = row.cells[i];
          if (!cell) { return ""; }
          return quote(cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim().replace(/\s+/g, " "));
        }).join(","));
      });
      return "\ufeff" + lines.join("\r\n") + "\r\n";
    }
    function download() {
      var name = location.pathname.split("/").filter(Boolean).pop() || "bang";
      var link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
      link.download = name + (number ? "-" + (number + 1) : "") + ".csv";
      document.body.appendChild(link);
      link.click();
      setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    }

    function sortBy(index, ascending) {
      state.ascending = ascending !== undefined ? ascending : (state.sortColumn === index ? !state.ascending : true);
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
    if (headers.length >= 4 && dataRows.length > 0) {
      makeCards(table, headers, number);
      // The header row is hidden on cards: its sort buttons leave the keyboard's path there
      // (a sort is still kept in, and read from, the address).
      if (phone.matches) {
        Array.prototype.forEach.call(table.tHead.querySelectorAll("button"), function (b) { b.tabIndex = -1; });
      }
    } else {
      table.classList.add("narrow");
    }

    var form = null;
    var input = null;
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
      input = document.createElement("input");
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
      var save = document.createElement("button");
      save.type = "button";
      save.className = "download";
      save.textContent = t("js_download", "Download these rows (CSV)");
      save.addEventListener("click", download);
      form.appendChild(save);
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      var wrap = table.closest(".table-wrap") || table;
      wrap.parentNode.insertBefore(form, wrap);
      wrap.parentNode.insertBefore(status, wrap);
      wrap.parentNode.insertBefore(sums, wrap);
      // The state the address holds: a shared link opens the same rows in the same order.
      var params = readParams();
      if (params) {
        var query = params.get(paramName(number, "loc"));
        if (query) { input.value = query; state.query = fold(query.trim()); }
        state.selects.forEach(function (s) {
          var value = params.get(paramName(number, "cot" + (s.index + 1)));
          if (value && Array.prototype.some.call(s.select.options, function (o) { return o.value === value; })) {
            s.select.value = value;
          }
        });
        var sort = /^(\d+)(-giam)?$/.exec(params.get(paramName(number, "sx")) || "");
        if (sort && headers[+sort[1] - 1] && table.hasAttribute("data-sortable")) {
          sortBy(+sort[1] - 1, !sort[2]);
          return;
        }
      }
      apply(false);
    }
  }

  var tables = document.querySelectorAll("table[data-sortable], table[data-filterable]");
  Array.prototype.forEach.call(tables, setUp);
  // A table in a document's text gets the same frame as the portal's own tables, so that it
  // scrolls in it with a hint rather than past the edge of the screen.
  Array.prototype.forEach.call(document.querySelectorAll("main .doc-section table"), function (table) {
    if (table.parentNode.classList.contains("table-wrap")) { return; }
    var wrap = document.createElement("div");
    wrap.className = "table-wrap";
    table.parentNode.insertBefore(wrap, table);
    wrap.appendChild(table);
  });
  Array.prototype.forEach.call(document.querySelectorAll("main .table-wrap > table"), frame);
  measure();
  window.addEventListener("resize", measure);
  land();
  window.addEventListener("hashchange", land);
})();
