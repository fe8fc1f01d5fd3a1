// What a new reader meets, at 390 (phone), 768 (tablet) and 1366 px (laptop): an index page
// for every folder, a decision with the plan it issues, who publishes the portal, tables that
// work on a phone (cards, a hint where a table scrolls, a header that stays, the row a link
// lands on, filters in the address, sums, CSV), the glossary, and search. Makes the README's
// screenshots into docs/screenshots/ when CONGKHAI_SCREENSHOTS=1.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { axeViolations, buildPortal, launch, repo, serve } from "./harness.mjs";

const WIDTHS = { phone: 390, tablet: 768, laptop: 1366 };

let browser, server, base, output;

before(async () => {
  output = buildPortal();
  ({ server, base } = await serve(output));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(path, width, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 844 : 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const response = await page.goto(base + path);
  return { context, page, response, errors };
}

const axe = axeViolations;

const inViewport = (locator) =>
  locator.evaluate((node) => {
    const r = node.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && r.left >= -1 && r.right <= innerWidth + 1;
  });

describe("index pages", () => {
  test("every folder of the built portal a reader can reach has a page", () => {
    const missing = [];
    const walk = (dir) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (!statSync(path).isDirectory()) continue;
        const rel = relative(output, path).replaceAll("\\", "/");
        // The theme's files and the search index are read by the pages, not by readers.
        if (rel === "assets" || rel.startsWith("assets/") || rel.startsWith("tim-kiem/chi-muc")) continue;
        if (!existsSync(join(path, "index.html"))) missing.push(rel + "/");
        walk(path);
      }
    };
    walk(output);
    assert.deepEqual(missing, []);
  });

  const indexes = { "tinh/": "Các tỉnh", "van-ban/": "Văn bản", "gioi-thieu/": "Giới thiệu", "thuat-ngu/": "Thuật ngữ, chữ viết tắt", "du-lieu/schema/": "Lược đồ JSON của dữ liệu mở" };
  for (const [path, title] of Object.entries(indexes)) {
    for (const [name, width] of Object.entries(WIDTHS)) {
      test(`${path} at ${width} px (${name}): a page with its heading, no sideways scroll, no axe violation`, async () => {
        const { context, page, response, errors } = await open(path, width, { bypassCSP: true });
        assert.equal(response.status(), 200);
        assert.equal((await page.locator("h1").textContent()).trim(), title);
        assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), "no sideways scroll");
        if (width !== WIDTHS.tablet) assert.deepEqual(await axe(page), [], path);
        assert.deepEqual(errors, []);
        await context.close();
      });
    }
  }

  test("tinh/ lists every province with its documents; van-ban/ every document", async () => {
    const { context, page } = await open("tinh/", WIDTHS.laptop);
    const provinces = await page.locator("main tbody th a").allTextContents();
    assert.deepEqual(provinces.sort(), ["Khánh Hòa", "Tây Ninh", "Đắk Nông"].sort());
    assert.ok(await page.locator("main tbody tr", { hasText: "Đắk Nông" }).getByRole("link", { name: "Lâm Đồng" }).count(), "a merged province says where it now belongs");
    await page.goto(base + "van-ban/");
    const links = await page.locator("main .doc-list a").evaluateAll((a) => a.map((x) => x.getAttribute("href")));
    assert.equal(new Set(links.filter((h) => /\/van-ban\/[^/]+\/$/.test(h))).size, 7, links.join(" "));
    await context.close();
  });
});

describe("a decision with the plan it issues", () => {
  for (const [path, decision, plan] of [
    ["", "qd-125-2021", "kh-tay-ninh-2021-2025"],
    ["tinh/dak-nong/", "qd-2008-2020", "kh-dak-nong-2021-2025"],
    ["tinh/tay-ninh/", "qd-125-2021", "kh-tay-ninh-2021-2025"],
  ]) {
    test(`${path || "home"}: ${plan} is listed under ${decision}, not apart`, async () => {
      const { context, page } = await open(path, WIDTHS.phone);
      const item = page.locator(`main .doc-list > li:has(> a[href$="/van-ban/${decision}/"])`);
      assert.equal(await item.count(), 1);
      assert.equal(await item.locator(`.issued-with a[href$="/van-ban/${plan}/"]`).count(), 1, "the plan under its decision");
      assert.equal(await page.locator(`main .doc-list > li > a[href$="/van-ban/${plan}/"]`).count(), 0, "not a second entry");
      await context.close();
    });
  }
});

describe("who publishes the portal", () => {
  test("every page's footer names the agency, its contact, the update date, the licence and the about page", async () => {
    for (const path of ["", "van-ban/kh-10693-2020/phu-luc-iv/", "khong-co-trang-nay/"]) {
      const { context, page } = await open(path, WIDTHS.phone);
      const footer = page.locator("footer.site-footer");
      const text = await footer.textContent();
      assert.match(text, /Ban biên tập Cổng công khai kế hoạch chuyển đổi số/, path);
      assert.match(text, /Cập nhật lần cuối: \d\d\/\d\d\/\d{4}/, path);
      assert.equal(await footer.locator('a[href^="mailto:"]').count(), 1, path);
      assert.equal(await footer.locator('a[rel="license"]').getAttribute("href"), "https://creativecommons.org/licenses/by/4.0/");
      assert.equal(await footer.getByRole("link", { name: "Giới thiệu" }).count(), 1);
      assert.ok(!/(^|\s)congkhai(\s|·|$)/.test(text), `no “congkhai” as publisher: ${text}`);
      await context.close();
    }
  });

  test("the about page says who publishes, what, how often and how figures are checked", async () => {
    const { context, page } = await open("gioi-thieu/", WIDTHS.laptop);
    const headings = await page.locator("main h2").allTextContents();
    assert.deepEqual(headings, ["Cơ quan công bố", "Cổng công bố những gì", "Cập nhật", "Con số được kiểm tra thế nào", "Giấy phép"]);
    assert.match(await page.locator("main").textContent(), /7 văn bản/);
    await context.close();
  });

  test("the open data names the agency as publisher", async () => {
    const data = JSON.parse(readFileSync(join(output, "du-lieu/datapackage.json"), "utf8"));
    assert.deepEqual(data.contributors.map((c) => c.title), ["Ban biên tập Cổng công khai kế hoạch chuyển đổi số"]);
  });

  test("the signer block of the 10/2023 report reads in the printed order", async () => {
    const { context, page } = await open("van-ban/bc-khanh-hoa-10-thang-2023/", WIDTHS.phone);
    const block = page.locator("dd.signer");
    const text = (await block.innerText()).split("\n").map((l) => l.trim()).filter(Boolean);
    assert.deepEqual(text, ["TL. TRƯỞNG BAN CHỈ ĐẠO", "THƯ KÝ", "GIÁM ĐỐC", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Phạm Duy Lộc"]);
    const meta = await page.locator("dl.meta").textContent();
    assert.match(meta, /Bản gốc/, "the page says where the original is, or that the portal has none");
    assert.match(meta, /Cổng cập nhật\d\d\/\d\d\/\d{4}/, "the document's update date");
    await context.close();
  });
});

describe("tables", () => {
  test("on a phone, the projects of a province are cards with the amount and status in view", async () => {
    const { context, page } = await open("tinh/tay-ninh/du-an/", WIDTHS.phone);
    const row = page.locator("table.cards tbody tr.row").first();
    await row.waitFor();
    const amount = row.locator("td.c-key[data-label^='Kinh phí']");
    const status = row.locator("td.c-key[data-label='Tình trạng']");
    assert.equal(await amount.count(), 1);
    assert.ok(await inViewport(amount) || (await amount.boundingBox()).width > 0, "amount cell laid out");
    for (const cell of [amount, status]) {
      const box = await cell.boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= 391, `cell inside the screen: ${JSON.stringify(box)}`);
    }
    const label = await amount.evaluate((td) => getComputedStyle(td, "::before").content);
    assert.equal(label, '"Kinh phí (triệu đồng)"', "each value carries its column's name");
    // The name comes first, then the amount and the status, then the rest.
    const order = await row.evaluate((tr) => [...tr.cells].filter((c) => getComputedStyle(c).display !== "none")
      .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top).map((c) => c.getAttribute("data-label")));
    assert.equal(order[0], "Tên dự án, nhiệm vụ", order.join(" | "));
    assert.deepEqual(order.slice(1, 3).sort(), ["Kinh phí (triệu đồng)", "Tình trạng"].sort(), order.join(" | "));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth));
    await context.close();
  });

  test("on a phone, a short card by default and every column at a switch; page shorter than the wide table", async () => {
    const { context, page } = await open("van-ban/kh-10693-2020/phu-luc-ii/", WIDTHS.phone);
    const row = page.locator("table.cards tbody tr.row").nth(3);
    await row.waitFor();
    const goal = row.locator("td[data-label^='Mục tiêu']");
    assert.equal(await goal.isVisible(), false, "the long description waits for the switch");
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.getByLabel("Hiện đủ các cột của bảng").check();
    assert.equal(await goal.isVisible(), true);
    const full = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < full, `short cards ${height} px < full cards ${full} px`);
    const plain = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const before = await plain.newPage();
    await before.goto(base + "van-ban/kh-10693-2020/phu-luc-ii/");
    const scrolled = await before.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < scrolled * 0.6, `cards ${height} px against ${scrolled} px for the table scrolled sideways`);
    await plain.close();
    await context.close();
  });

  test("at 768 px a table wider than the screen says that it scrolls, and a narrow one does not", async () => {
    const { context, page } = await open("van-ban/kh-10693-2020/phu-luc-ii/", WIDTHS.tablet);
    await page.locator(".table-status").waitFor();
    const wide = await page.evaluate(() => { const w = document.querySelector("main .table-wrap"); return w.scrollWidth > w.clientWidth; });
    const hint = page.locator(".scroll-hint").first();
    assert.equal(await hint.isVisible(), wide, "a hint exactly where the table scrolls");
    if (wide) assert.match(await hint.textContent(), /kéo ngang/);
    await page.goto(base + "van-ban/bc-khanh-hoa-10-thang-2023/");
    const shown = await page.locator(".scroll-hint:visible").count();
    const scrolling = await page.evaluate(() => [...document.querySelectorAll("main .table-wrap")].filter((w) => w.scrollWidth > w.clientWidth).length);
    assert.equal(shown, scrolling);
    await context.close();
  });

  for (const width of [WIDTHS.tablet, WIDTHS.laptop]) {
    test(`at ${width} px the header stays in view while a long table scrolls`, async () => {
      const { context, page } = await open("van-ban/kh-10693-2020/phu-luc-ii/", width);
      await page.locator(".table-status").waitFor();
      const wrap = page.locator("main .table-wrap").first();
      // Scroll the page, and the table's frame when it scrolls itself, well into the rows.
      await page.evaluate(() => {
        const w = document.querySelector("main .table-wrap");
        const row = w.querySelectorAll("tbody tr.row")[40];
        if (w.scrollHeight > w.clientHeight + 1) { w.scrollIntoView(); w.scrollTop = row.offsetTop; } else { row.scrollIntoView(); }
      });
      const header = page.locator("main thead th").nth(1);
      const box = await header.boundingBox();
      const frame = await wrap.boundingBox();
      assert.ok(box.y >= Math.max(0, frame.y) - 1 && box.y <= Math.max(0, frame.y) + 2, `header at the top: ${box.y} (frame ${frame.y})`);
      const first = await page.locator("main tbody tr.row").first().boundingBox();
      assert.ok(first.y < box.y, "the first rows have scrolled past");
      await context.close();
    });
  }

  for (const [name, width] of Object.entries(WIDTHS)) {
    test(`landing on a row from search at ${width} px (${name}): highlighted, in view, with its column names and unit`, async () => {
      const { context, page } = await open("van-ban/kh-10693-2020/phu-luc-iv/#r-ii-2-2-1", width);
      const row = page.locator("#r-ii-2-2-1");
      await page.locator("#dong-duoc-dan").waitFor();
      assert.ok(await row.evaluate((tr) => tr.classList.contains("landed")), "row marked");
      assert.ok(await inViewport(row.locator("td").nth(0)), "row in view");
      const panel = page.locator("#dong-duoc-dan");
      assert.ok(await inViewport(panel), "the panel is in view");
      const text = await panel.textContent();
      assert.match(text, /triệu đồng/, "the unit");
      if (width === WIDTHS.phone) {
        // A card: each value carries its column's name; the panel only says which row and unit.
        const labels = await row.locator("td").evaluateAll((cells) => cells
          .filter((c) => getComputedStyle(c).display !== "none")
          .map((c) => getComputedStyle(c, "::before").content));
        assert.ok(labels.includes('"Đơn vị chủ trì"') && labels.includes('"Tổng mức đầu tư (dự kiến)"'), labels.join(" | "));
        assert.ok(labels.includes('"Mục tiêu, quy mô đầu tư"'), "the row landed on shows every column");
        assert.ok(await inViewport(row.locator("td.c-key")), "the amount in view");
      } else {
        assert.match(text, /Tên dự án\/nhiệm vụ/);
        assert.match(text, /Tổng mức đầu tư \(dự kiến\)/);
        const name = (await row.locator("td").first().textContent()).trim();
        assert.ok(text.includes(name), "the row's own name");
      }
      const background = await row.locator("td").first().evaluate((td) => getComputedStyle(td).backgroundColor);
      assert.equal(background, "rgb(255, 243, 176)");
      await page.getByRole("button", { name: "Đóng" }).click();
      assert.equal(await panel.isVisible(), false);
      await context.close();
    });
  }

  test("filters and sort are in the address: a shared link opens the same rows", async () => {
    const { context, page } = await open("van-ban/kh-10693-2020/phu-luc-iv/", WIDTHS.laptop);
    await page.getByLabel(/^Nguồn vốn/).selectOption({ label: "NSDP" });
    const header = page.locator("th", { hasText: "Tổng mức đầu tư" }).locator("button");
    await header.click();
    await header.click();
    const url = page.url();
    assert.match(url, /[?&]cot7=nsdp/);
    assert.match(url, /[?&]sx=6-giam/);
    const rows = await page.locator("tbody tr.row:visible td:nth-child(2)").allTextContents();
    const again = await context.newPage();
    await again.goto(url);
    await again.locator(".table-status").waitFor();
    assert.deepEqual(await again.locator("tbody tr.row:visible td:nth-child(2)").allTextContents(), rows);
    assert.equal(await again.locator("th", { hasText: "Tổng mức đầu tư" }).getAttribute("aria-sort"), "descending");
    assert.equal(await again.getByLabel(/^Nguồn vốn/).inputValue(), "nsdp");
    await context.close();
  });

  test("the sum of the rows shown, exact, and those rows as CSV", async () => {
    const { context, page } = await open("van-ban/kh-10693-2020/phu-luc-iv/", WIDTHS.laptop);
    await page.getByLabel(/^Nguồn vốn/).selectOption({ label: "NSDP" });
    assert.equal(await page.locator("tbody tr.row:visible").count(), 38);
    const values = await page.locator("tbody tr.row:visible td[data-sort]").evaluateAll((cells) => cells.map((c) => c.getAttribute("data-sort")));
    assert.ok(values.length > 30, "rows with an amount");
    // Thousandths as integers: no float adds the figures.
    const total = values.reduce((sum, v) => { const [w, f = ""] = v.split("."); return sum + BigInt(w + f.padEnd(3, "0")); }, 0n);
    const whole = (total / 1000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ".");
    const fraction = (total % 1000n).toString().padStart(3, "0").replace(/0+$/, "");
    const expected = whole + (fraction ? "," + fraction : "");
    const sums = await page.locator(".table-sums").textContent();
    assert.ok(sums.includes(`Tổng mức đầu tư (dự kiến): ${expected} triệu đồng`), `${sums} (expected ${expected})`);
    assert.match(sums, /\(38 dòng\)/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải các dòng này (CSV)" }).click()]);
    const text = readFileSync(await download.path(), "utf8");
    assert.ok(text.startsWith("\ufeff"), "BOM for Excel");
    const lines = text.slice(1).trim().split(/\r\n/);
    assert.equal(lines.length, 39, "a header and the 38 rows shown");
    assert.match(lines[0], /Tổng mức đầu tư \(dự kiến\)/);
    assert.ok(lines.slice(1).every((l) => /NS[DĐ]P/.test(l)), "only the rows shown");
    assert.match(download.suggestedFilename(), /^phu-luc-iv\.csv$/);
    await context.close();
  });
});

describe("glossary", () => {
  test("a page lists the abbreviations; a document marks the first use of each with its full form", async () => {
    const { context, page } = await open("thuat-ngu/", WIDTHS.phone);
    for (const term of ["TTHC", "NSĐP", "LGSP", "SOC", "CSDL"]) {
      assert.equal(await page.locator(`dl.glossary dt abbr`, { hasText: new RegExp(`^${term}$`) }).count(), 1, term);
    }
    await page.goto(base + "van-ban/kh-10693-2020/");
    const tthc = page.locator("main .doc-section abbr", { hasText: /^TTHC$/ });
    assert.equal(await tthc.count(), 1, "only the first use");
    assert.equal(await tthc.getAttribute("title"), "thủ tục hành chính");
    const all = (await page.locator("main .doc-section").allTextContents()).join(" ");
    assert.ok((all.match(/TTHC/g) || []).length > 1, "the later uses stay as printed");
    await context.close();
  });
});

describe("search", () => {
  async function query(page, q) {
    await page.goto(base + "tim-kiem/?q=" + encodeURIComponent(q));
    await page.waitForFunction((text) => document.getElementById("tk-trang-thai").textContent.includes("“" + text), q, { timeout: 10000 });
    await page.waitForFunction(() => document.querySelectorAll("#tk-ket-qua li").length > 0 || /Không tìm thấy/.test(document.getElementById("tk-trang-thai").textContent), null, { timeout: 10000 });
    return page.$$eval("#tk-ket-qua li", (items) => items.map((li) => ({
      href: li.querySelector("a").getAttribute("href"),
      where: li.querySelector(".where").textContent,
      snippet: li.querySelector(".snippet")?.textContent ?? "",
      marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
    })));
  }

  test("indicator pages are found by their abbreviation and their words", async () => {
    const { context, page } = await open("tim-kiem/", WIDTHS.phone);
    const dti = await query(page, "DTI");
    assert.ok(dti.some((r) => r.href.endsWith("chi-tieu/xep-hang-chuyen-doi-so-cap-tinh/")), JSON.stringify(dti.map((r) => r.href)));
    const satisfied = await query(page, "hài lòng");
    assert.ok(satisfied.slice(0, 6).some((r) => r.href.endsWith("chi-tieu/muc-do-hai-long/")), JSON.stringify(satisfied.map((r) => r.href)));
    const lgsp = await query(page, "LGSP");
    assert.ok(lgsp.some((r) => r.href.endsWith("thuat-ngu/#lgsp")), "the glossary entry is found");
    await context.close();
  });

  test("a province named in the query narrows the results to it", async () => {
    const { context, page } = await open("tim-kiem/", WIDTHS.laptop);
    const results = await query(page, "Tây Ninh camera");
    assert.ok(results.length >= 2, JSON.stringify(results));
    assert.ok(results.every((r) => r.where.includes("Tây Ninh")), JSON.stringify(results.map((r) => r.where)));
    assert.ok(results.filter((r) => /kh-tay-ninh-2021-2025\/phu-luc-[^/]+\/#r-/.test(r.href)).length >= 2, "both camera projects");
    assert.match(await page.textContent("#tk-trang-thai"), /trong tỉnh Tây Ninh/);
    await context.close();
  });

  test("an agency named in the query narrows the results to what names it", async () => {
    const { context, page } = await open("tim-kiem/", WIDTHS.laptop);
    const results = await query(page, "so tu phap phan mem");
    assert.ok(results.length > 0);
    for (const r of results) {
      assert.ok(/tư pháp/i.test(r.snippet + r.where + r.marks.join(" ")), JSON.stringify(r));
    }
    await context.close();
  });

  test("only what matched is marked, syllable by syllable", async () => {
    const { context, page } = await open("tim-kiem/", WIDTHS.phone);
    const results = await query(page, "chuyen doi so");
    const marks = new Set(results.flatMap((r) => r.marks.map((m) => m.toLowerCase())));
    assert.ok(marks.has("chuyển") && marks.has("đổi") && marks.has("số"), [...marks].join(", "));
    assert.ok(!marks.has("chuyên"), `“chuyên” is not what was asked: ${[...marks].join(", ")}`);
    await context.close();
  });

  test("results are grouped by kind with counts; filters have counts and are in the address", async () => {
    const { context, page } = await open("tim-kiem/", WIDTHS.laptop);
    await query(page, "an toan thong tin");
    const headings = await page.locator("#tk-ket-qua h2").allTextContents();
    assert.ok(headings.length >= 3, headings.join(" | "));
    for (const h of headings) assert.match(h, /^.+ \(\d+\)$/);
    const options = await page.locator("#tk-loai option").allTextContents();
    assert.ok(options.slice(1).every((o) => /\(\d+\)$/.test(o)), options.join(" | "));
    await page.locator("#tk-ket-qua .group-more").first().click();
    assert.match(page.url(), /[?&]loai=\d/);
    assert.equal(await page.locator("#tk-ket-qua h2").count(), 0, "one kind: a plain list");
    await context.close();
  });

  test("the header box keeps the query, and every result has a snippet", async () => {
    const { context, page } = await open("tim-kiem/", WIDTHS.phone);
    const results = await query(page, "so thong tin va truyen thong");
    assert.equal(await page.locator("#o-tim").inputValue(), "so thong tin va truyen thong");
    const agency = results.find((r) => r.href.includes("co-quan/so-tttt-khanh-hoa/"));
    assert.ok(agency, JSON.stringify(results.map((r) => r.href)));
    assert.match(agency.snippet, /Văn bản ban hành|Tên khác/, agency.snippet);
    assert.ok(results.every((r) => r.snippet.trim().length > 0), JSON.stringify(results.filter((r) => !r.snippet.trim())));
    await context.close();
  });
});

describe("page weight", () => {
  test("pages, style and scripts stay within the budget (gzip, as served)", () => {
    const sizes = [];
    const walk = (dir) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith(".html.gz")) sizes.push([statSync(path).size, relative(output, path)]);
      }
    };
    walk(output);
    sizes.sort((a, b) => a[0] - b[0]);
    const median = sizes[Math.floor(sizes.length / 2)][0];
    const [largest, where] = sizes[sizes.length - 1];
    assert.ok(median <= 4 * 1024, `median page ${median} bytes`);
    assert.ok(largest <= 32 * 1024, `largest page ${largest} bytes (${where})`);
    const assets = readdirSync(join(output, "assets"));
    const gz = (prefix, ext) => statSync(join(output, "assets", assets.find((n) => n.startsWith(prefix) && n.endsWith(ext + ".gz")))).size;
    // What every page loads besides itself: the style sheet and the table script.
    assert.ok(gz("style.", ".css") + gz("tables.", ".js") <= 12 * 1024, "style and tables.js");
    assert.ok(gz("tim-kiem.", ".js") <= 12 * 1024, "the search script, on the search page only");
  });
});

describe("screenshots for the README", () => {
  const shots = [
    ["trang-chu.png", "", WIDTHS.laptop],
    ["phu-luc-tren-dien-thoai.png", "van-ban/kh-10693-2020/phu-luc-iv/#r-ii-2-2-1", WIDTHS.phone],
    ["chi-tieu.png", "chi-tieu/ho-so-truc-tuyen/", WIDTHS.tablet],
  ];
  for (const [file, path, width] of shots) {
    test(`${file}: ${path || "home"} at ${width} px`, async () => {
      const { context, page } = await open(path, width);
      await page.waitForLoadState("networkidle");
      const write = process.env.CONGKHAI_SCREENSHOTS === "1";
      const folder = join(repo, "docs/screenshots");
      if (write) mkdirSync(folder, { recursive: true });
      const bytes = await page.screenshot({ path: write ? join(folder, file) : undefined, type: "png" });
      assert.ok(bytes.length > 10_000 && bytes.length < 400_000, `${file}: ${bytes.length} bytes`);
      await context.close();
    });
  }
});
