// The built portal in a real browser: WCAG 2.1 A/AA with axe-core on every kind of page,
// sorting and filtering an appendix, the totals notice, tables on a phone, printing, search in
// a copy opened from a disk, and pages without JavaScript.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { axeViolations, buildPortal, launch, serve } from "./harness.mjs";


// One page of every kind.
const pages = {
  home: "",
  province: "tinh/khanh-hoa/",
  document: "van-ban/kh-10693-2020/",
  decision: "van-ban/qd-125-2021/",
  report: "van-ban/bc-khanh-hoa-10-thang-2023/",
  appendix: "van-ban/kh-10693-2020/phu-luc-iv/",
  agencies: "co-quan/",
  agency: "co-quan/so-tttt-khanh-hoa/",
  targets: "chi-tieu/",
  indicator: "chi-tieu/ho-so-truc-tuyen/",
  projects: "du-an/",
  notFound: "khong-co-trang-nay/",
};

let browser, server, base;

before(async () => {
  const output = buildPortal();
  ({ server, base } = await serve(output));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

describe("accessibility (axe-core, WCAG 2.1 A and AA)", () => {
  for (const [kind, path] of Object.entries(pages)) {
    test(`${kind} page has no violations`, async () => {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      await page.goto(base + path);
      const summary = await axeViolations(page);
      assert.deepEqual(summary, [], `${kind} page ${path}`);
      await context.close();
    });
  }
});

describe("appendix table", () => {
  test("sorting by amount puts the largest project first", async () => {
    const page = await browser.newPage();
    await page.goto(base + "van-ban/kh-10693-2020/phu-luc-ii/");
    const header = page.locator("th", { hasText: "Tổng mức đầu tư" }).locator("button");
    await header.click();
    await header.click();
    assert.equal(await page.locator("th", { hasText: "Tổng mức đầu tư" }).getAttribute("aria-sort"), "descending");
    const first = await page.locator("tbody tr.row:visible").first().locator("td.num").first().textContent();
    assert.equal(first.trim(), "82.518");
    assert.equal(await page.locator("tbody tr.group:visible").count(), 0, "groups hidden while sorted");
    await page.getByRole("button", { name: "Bỏ lọc và sắp xếp" }).click();
    assert.equal(await page.locator("tbody tr.group:visible").count(), 4, "groups back after reset");
    await page.close();
  });

  test("every group the document prints shows until a filter leaves it empty", async () => {
    const page = await browser.newPage();
    await page.goto(base + "van-ban/kh-10693-2020/phu-luc-iv/");
    await page.waitForSelector(".table-status");
    const groups = page.locator("tbody tr.group");
    const all = await groups.count();
    assert.ok(all > 0);
    assert.equal(await page.locator("tbody tr.group:visible").count(), all, "no group hidden on load");
    const heading = page.locator("tbody tr.group", { hasText: "Dự án chuyển tiếp từ giai đoạn 2016 - 2020" });
    assert.ok(await heading.isVisible(), "a heading without rows of its own is shown");
    await page.getByLabel("Tìm trong bảng").fill("khong co dong nao nhu the nay");
    assert.equal(await page.locator("tbody tr.group:visible").count(), 0, "empty groups hidden while filtering");
    await page.close();
  });

  test("a filter offers one choice for the spellings of one value", async () => {
    const page = await browser.newPage();
    await page.goto(base + "van-ban/kh-10693-2020/phu-luc-iv/");
    const funding = page.getByLabel(/^Nguồn vốn/);
    const labels = (await funding.locator("option").allTextContents()).map((l) => l.trim());
    assert.ok(labels.includes("NSDP"), labels.join(" | "));
    assert.ok(!labels.includes("NSĐP"), `NSĐP is the same choice as NSDP: ${labels.join(" | ")}`);
    assert.ok(!labels.includes("-"), "a dash is no choice");
    assert.equal(labels.filter((l) => /^NS[DĐ]P \(Vốn đầu tư\)$/.test(l)).length, 1, labels.join(" | "));
    await funding.selectOption({ label: "NSDP" });
    const cells = await page.locator("tbody tr.row:visible td:nth-child(7)").allTextContents();
    const shown = new Set(cells.map((c) => c.trim()));
    assert.deepEqual([...shown].sort(), ["NSDP", "NSĐP"], "both spellings, nothing else");
    assert.equal(cells.length, 38);
    await page.close();
  });

  test("filtering by text without diacritics and by agency", async () => {
    const page = await browser.newPage();
    await page.goto(base + "van-ban/kh-10693-2020/phu-luc-ii/");
    await page.getByLabel("Tìm trong bảng").fill("cong thong tin dien tu");
    const shown = await page.locator("tbody tr.row:visible").count();
    assert.ok(shown > 0 && shown < 77, `some rows match: ${shown}`);
    for (const text of await page.locator("tbody tr.row:visible").allTextContents()) {
      const folded = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").toLowerCase();
      assert.ok(folded.includes("cong thong tin dien tu"), text);
    }
    assert.match(await page.locator(".table-status").textContent(), new RegExp(`${shown}/77`));
    await page.getByLabel("Tìm trong bảng").fill("");
    await page.getByLabel("Đơn vị chủ trì").selectOption("Sở Tư pháp");
    const rows = await page.locator("tbody tr.row:visible").allTextContents();
    assert.ok(rows.length > 0);
    for (const row of rows) assert.ok(row.includes("Sở Tư pháp"), row);
    await page.close();
  });

  test("the notice shows where the document's total differs from its rows", async () => {
    const page = await browser.newPage();
    await page.goto(base + "van-ban/kh-10693-2020/phu-luc-iv/");
    await assert.doesNotReject(page.locator("#chenh-lech").waitFor());
    const notice = page.locator("tr.mismatch");
    assert.equal(await notice.count(), 1);
    const text = await notice.textContent();
    assert.match(text, /văn bản ghi 35\.388,5 triệu đồng nhưng tổng các dòng là 34\.288,5 triệu đồng \(chênh lệch 1\.100\)/);
    await page.close();
  });
});

describe("on a phone (390 px wide)", () => {
  // Words split across lines, letter by letter, made the appendix tables unreadable on a
  // phone: the table must scroll sideways in its frame instead, with every word whole.
  const wide = [pages.appendix, "van-ban/kh-10693-2020/phu-luc-ii/", pages.document, pages.projects, pages.targets, pages.indicator, pages.agency, pages.province, "du-lieu/"];
  for (const path of wide) {
    test(`${path}: the page does not scroll sideways and no word in a table is split`, async () => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(base + path);
      const found = await page.evaluate(() => {
        const split = [];
        const cells = [...document.querySelectorAll("main table th, main table td")].slice(0, 400);
        for (const cell of cells) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            // Words between spaces, hyphens and slashes, where a line may end.
            for (const match of node.data.matchAll(/[^\s\-–\/]+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index);
              range.setEnd(node, match.index + match[0].length);
              const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
              if (lines.size > 1) split.push(match[0]);
            }
          }
        }
        return { split, cells: cells.length, pageWidth: document.documentElement.scrollWidth, viewport: innerWidth };
      });
      assert.ok(found.cells > 0, "the page has a table");
      assert.deepEqual(found.split.slice(0, 10), [], `words split across lines on ${path}`);
      assert.ok(found.pageWidth <= found.viewport, `page ${found.pageWidth} px wide in a ${found.viewport} px viewport`);
      await context.close();
    });
  }
});

describe("printed", () => {
  test("an appendix prints its table with plain header labels, without the filters and forms", async () => {
    const page = await browser.newPage();
    await page.goto(base + "van-ban/kh-10693-2020/phu-luc-ii/");
    await page.locator(".table-filters").waitFor();
    await page.emulateMedia({ media: "print" });
    const shown = (selector) =>
      page.$$eval(selector, (nodes) => nodes.filter((n) => getComputedStyle(n).display !== "none").length);
    assert.equal(await shown(".table-filters"), 0, "filters hidden on paper");
    assert.equal(await shown(".site-search"), 0, "search form hidden on paper");
    assert.equal(await shown("th button.sort"), 0, "sort buttons hidden on paper");
    // Chromium leaves a button's text out of the header it repeats on each printed page:
    // the labels are printed as plain text instead.
    const labels = await page.$$eval("thead th .print-label", (nodes) =>
      nodes.filter((n) => getComputedStyle(n).display !== "none").map((n) => n.textContent),
    );
    assert.ok(labels.includes("Tổng mức đầu tư"), labels.join(" | "));
    const headers = await page.locator("thead th").count();
    assert.equal(labels.length, headers, "every header has its printed label");
    await page.emulateMedia({ media: "screen" });
    assert.equal(await shown("thead th .print-label"), 0, "the printed copy is not on screen");
    assert.equal(
      (await page.getByLabel("Đơn vị chủ trì").count()),
      1,
      "the filter's label is the header's label, once",
    );
    await page.close();
  });
});

describe("a copy opened from a disk (--relative-links, file://)", () => {
  test("search reads its index and its results open pages of the copy", async () => {
    const output = buildPortal(["--relative-links"]);
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(join(output, "tim-kiem/index.html")).href + "?q=" + encodeURIComponent("chuyen doi so"));
    await page.waitForSelector("#tk-ket-qua li", { timeout: 10000 }).catch(() => {});
    const status = await page.textContent("#tk-trang-thai");
    assert.match(status, /Tìm thấy \d+ kết quả/, status);
    const hrefs = await page.$$eval("#tk-ket-qua li a", (links) => links.slice(0, 10).map((a) => a.href));
    assert.ok(hrefs.length > 0);
    for (const href of hrefs) {
      assert.ok(href.startsWith("file://"), href);
      const file = fileURLToPath(href.split("#")[0]);
      assert.ok(file.endsWith("index.html") && existsSync(file), `${href} opens a page of the copy`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });
});

describe("without JavaScript", () => {
  test("pages read completely and tables have every row", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(base + "van-ban/kh-10693-2020/phu-luc-ii/");
    assert.equal(await page.locator("tbody tr.row").count(), 77);
    assert.equal(await page.locator("tbody tr.row:visible").count(), 77);
    assert.equal(await page.locator(".table-filters").count(), 0, "no script, no filter form");
    await page.goto(base + "van-ban/kh-10693-2020/");
    await page.getByRole("link", { name: /Phụ lục II:/ }).click();
    assert.match(page.url(), /phu-luc-ii\/$/);
    await context.close();
  });
});
