// The roadmap page in a real browser: move the inputs, see the cards, tables and URL follow, with no
// error cell; a shared link reproduces the comparison; the CSV carries raw numbers; the recompute time
// is reported (measured, not asserted). Screenshots (desktop, phone, print) go to test/.tmp/screenshots/.
import {readFileSync} from "node:fs";
import type {Page} from "playwright-core";
import {describe, expect, inject, it} from "vitest";
import {PHONE, SHOTS, screenshot, tableRows, useSite, type VisitOptions} from "./visit.ts";

const site = useSite(inject("distDir"));

const open = (query: string, options: VisitOptions = {}) => site.visit(`/peta-jalan${query}`, {waitFor: "[data-recompute-ms]", ...options});

const cardText = (page: Page, slot: string, field: string) => page.$eval(`[data-jalur="${slot}"] [data-field="${field}"]`, (n) => (n.textContent ?? "").trim());
const query = (page: Page) => new URL(page.url()).search;
const recomputeMs = (page: Page) => page.$eval("[data-recompute-ms]", (n) => Number(n.getAttribute("data-recompute-ms")));

async function setInput(page: Page, selector: string, value: string) {
  await page.$eval(
    selector,
    (node, v) => {
      const input = node as HTMLInputElement | HTMLSelectElement;
      input.value = v;
      input.dispatchEvent(new Event("input", {bubbles: true}));
    },
    value
  );
}

async function checkRadio(page: Page, selector: string) {
  await page.$eval(selector, (n) => {
    (n as HTMLInputElement).checked = true;
    n.dispatchEvent(new Event("input", {bubbles: true}));
  });
}

async function changed(page: Page, read: () => Promise<string>, before: string) {
  for (let i = 0; i < 100; i++) {
    const now = await read();
    if (now !== before) return now;
    await page.waitForTimeout(50);
  }
  throw new Error(`tidak berubah: ${before}`);
}

const rupiah = (text: string) => {
  const m = /Rp([\d.,]+)\s*(miliar|juta)?/.exec(text);
  if (!m) throw new Error(`bukan rupiah: ${text}`);
  return Number(m[1].replace(/\./g, "").replace(",", ".")) * (m[2] === "miliar" ? 1e9 : m[2] === "juta" ? 1e6 : 1);
};
const people = (text: string) => Number(/([\d.]+)/.exec(text)![1].replace(/\./g, ""));

describe("the roadmap page", () => {
  it("opens with three paths over five years — hold, the regent's expansion phased in, fitted to the envelope — and a bare URL", async () => {
    const {page, errors, close} = await open("");
    try {
      expect(await errors()).toEqual([]);
      expect(query(page)).toBe("");
      expect(await page.$$eval(".pj-card", (n) => n.length)).toBe(3);
      const [a, b, c] = await Promise.all(["a", "b", "c"].map((s) => cardText(page, s, "biaya").then(rupiah)));
      expect(b).toBeGreaterThan(a);
      expect(c).toBeGreaterThanOrEqual(a);
      // Holding coverage still needs new members every year (the net empties itself).
      expect(people(await cardText(page, "a", "baru"))).toBeGreaterThan(0);
      expect(await cardText(page, "c", "pagu")).toMatch(/tidak melebihi pagu/);
      const years = await tableRows(page, "biaya-tahunan");
      expect(years).toHaveLength(5);
      expect(await page.$$eval(".jaring-figure svg", (n) => n.length)).toBeGreaterThanOrEqual(3);
      const kec = await tableRows(page, "daftar-kecamatan");
      expect(kec.length).toBeGreaterThan(3);
      await screenshot(page, "peta-jalan-awal-1280.png");
      // The full page is tall: slices a reviewer can read at full size.
      const tall = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, k = 1; y < tall; y += 1100, k++)
        await page.screenshot({path: `${SHOTS}/peta-jalan-awal-1280-${k}.png`, fullPage: true, clip: {x: 0, y, width: 1280, height: Math.min(1100, tall - y)}});
    } finally {
      await close();
    }
  });

  it("follows the inputs: cards, tables and the URL change, never an error cell", async () => {
    const {page, errors, close} = await open("");
    const timings: number[] = [await recomputeMs(page)];
    try {
      // B: lower the target from 100% to 60% → cheaper, now custom.
      const b0 = await cardText(page, "b", "biaya");
      await setInput(page, '.pj-editor input[aria-label="Target cakupan"]', "60");
      const b1 = await changed(page, () => cardText(page, "b", "biaya"), b0);
      expect(rupiah(b1)).toBeLessThan(rupiah(b0));
      expect(query(page)).toContain("b_target=60");
      expect(query(page)).toContain("b_preset=kustom");
      timings.push(await recomputeMs(page));

      // A longer horizon: ten years in every table.
      await setInput(page, 'select[aria-label="Jangka peta jalan"]', "10");
      await page.waitForFunction(() => document.querySelectorAll('[data-table="biaya-tahunan"] tbody tr').length === 10);
      expect(query(page)).toContain("h=10");
      timings.push(await recomputeMs(page));

      // The eligible population grows 2% a year → holding coverage needs more new members.
      const a0 = await cardText(page, "a", "baru");
      await setInput(page, 'input[data-input="sasaran-persen"]', "2");
      const a1 = await changed(page, () => cardText(page, "a", "baru"), a0);
      expect(people(a1)).toBeGreaterThan(people(a0));
      expect(query(page)).toContain("sasaran_pct=2");
      timings.push(await recomputeMs(page));

      // Edit C: a smaller envelope → C enrols fewer.
      await page.click('.pj-tab[data-slot="c"]');
      await page.waitForFunction(() => document.querySelector(".pj-editor")?.getAttribute("data-slot") === "c");
      expect(query(page)).toContain("edit=c");
      const c0 = await cardText(page, "c", "baru");
      await setInput(page, 'input[data-input="pagu-awal"]', "2000");
      const c1 = await changed(page, () => cardText(page, "c", "baru"), c0);
      expect(people(c1)).toBeLessThan(people(c0));
      expect(query(page)).toContain("pagu=2000000000");
      timings.push(await recomputeMs(page));

      // C as typed targets per year.
      await checkRadio(page, '.pj-editor [data-name="jenis"] input[data-value="per_tahun"]');
      await page.waitForSelector('.pj-editor input[data-input^="target-"]');
      expect(query(page)).toContain("c_jenis=per_tahun");
      timings.push(await recomputeMs(page));

      // Two paths only.
      await checkRadio(page, '.peta-form [data-name="jumlah"] input[data-value="2"]');
      await page.waitForFunction(() => document.querySelectorAll(".pj-card").length === 2);
      expect(query(page)).toContain("n=2");
      timings.push(await recomputeMs(page));

      expect(await errors()).toEqual([]);
      console.log(`[bench] peta jalan di peramban (ms per perhitungan ulang): ${timings.map((t) => t.toFixed(2)).join(", ")}`);
      expect(timings.every((t) => Number.isFinite(t) && t >= 0)).toBe(true);
    } finally {
      await close();
    }
  });

  it("a shared link reproduces the comparison", async () => {
    const first = await open("");
    let link: string;
    let figures: string[];
    try {
      const before = await cardText(first.page, "b", "biaya");
      await setInput(first.page, '.pj-editor input[aria-label="Target cakupan"]', "70");
      await changed(first.page, () => cardText(first.page, "b", "biaya"), before);
      await first.page.waitForFunction(() => location.search.includes("b_target=70"));
      link = query(first.page);
      figures = await first.page.$$eval("[data-field]", (n) => n.map((x) => x.textContent ?? ""));
    } finally {
      await first.close();
    }
    const second = await open(link);
    try {
      expect(second.problems).toEqual([]);
      expect(await second.page.$$eval("[data-field]", (n) => n.map((x) => x.textContent ?? ""))).toEqual(figures);
      expect(query(second.page)).toBe(link);
    } finally {
      await second.close();
    }
  });

  it("downloads the yearly costs as CSV with raw numbers", async () => {
    const {page, problems, close} = await open("", {acceptDownloads: true});
    try {
      expect(problems).toEqual([]);
      await page.$eval('[data-table="biaya-tahunan"]', (n) => n.closest("details")?.setAttribute("open", ""));
      const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-table="biaya-tahunan"] + a.jaring-download')]);
      const text = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
      const lines = text.trim().split("\r\n");
      expect(lines[0]).toBe("Tahun,Pagu,Iuran/bulan,Jalur A: biaya,Jalur A: sisa pagu,Jalur B: biaya,Jalur B: sisa pagu,Jalur C: biaya,Jalur C: sisa pagu");
      expect(lines).toHaveLength(6);
      const first = lines[1].split(",").map(Number);
      expect(first.every((n) => Number.isInteger(n))).toBe(true);
      // The fit to the envelope never exceeds it.
      for (const line of lines.slice(1)) {
        const v = line.split(",").map(Number);
        expect(v[7]).toBeLessThanOrEqual(v[1]);
      }
    } finally {
      await close();
    }
  });

  it("looks right on a phone and in print", async () => {
    const phone = await open("", {viewport: PHONE});
    try {
      expect(await phone.errors()).toEqual([]);
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await screenshot(phone.page, "peta-jalan-awal-390.png");
      const cards = await phone.page.$eval(".pj-card-grid", (n) => n.getBoundingClientRect().top + window.scrollY);
      await phone.page.screenshot({path: `${SHOTS}/peta-jalan-awal-390-ringkasan.png`, fullPage: true, clip: {x: 0, y: cards, width: 390, height: 1700}});
    } finally {
      await phone.close();
    }
    const desk = await open("");
    try {
      expect(await desk.page.$eval(".pj-print", (n) => n.textContent)).toBe("Cetak peta jalan");
      await desk.page.emulateMedia({media: "print"});
      expect(await desk.page.$eval(".peta-form", (n) => getComputedStyle(n).display)).toBe("none");
      await screenshot(desk.page, "peta-jalan-cetak.png");
    } finally {
      await desk.close();
    }
  });
});
