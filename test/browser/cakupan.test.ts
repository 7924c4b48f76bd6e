// The coverage-gaps page used as a planner would: drill into a kecamatan on the map (by mouse and by
// keyboard), change sector and month, and check that the map, the tables, the headline figures and
// the URL follow — then open a link with filters and check the view comes back the same. Fails on
// any script error, console error or Framework error cell. Screenshots of the drilled-in view go to
// test/.tmp/screenshots/ for a human to look at.
import {readFileSync} from "node:fs";
import type {Page} from "playwright-core";
import {describe, expect, inject, it} from "vitest";
import {formatInteger, formatMonth, formatMonthShort, formatPercent} from "../../src/lib/format.ts";
import {writeState} from "../../src/lib/urlState.ts";
import {builtJson} from "./site.ts";
import {PHONE, screenshot, settle, tableHeaders as headers, tableRows, useSite} from "./visit.ts";

const dist = inject("distDir");
const summary = builtJson(dist, "summary");
const referensi = builtJson(dist, "referensi");
const kecamatan: {kode: string; nama: string}[] = referensi.kecamatan;
const desaOf = (kode: string) => referensi.desa.filter((d: {kode_kec: string}) => d.kode_kec === kode);
const sector: {kode: string; nama: string} = referensi.sektor[0];
// A public build (the default) has no desa × sector figures: the desa table stays unsplit and says so.
const publicBuild = summary.audience === "public";

const site = useSite(dist);

/** A table's body rows (or footer rows) as cell texts; the table is found by its data-table name. */
const rows = (page: Page, name: string, part: "tbody" | "tfoot" = "tbody") => tableRows(page, name, `${part} tr`);

/** The cell of `column` in the row whose first cell is `first` (tbody, else tfoot). */
async function cell(page: Page, name: string, first: string, column: string): Promise<string> {
  const index = (await headers(page, name)).indexOf(column);
  const row = [...(await rows(page, name)), ...(await rows(page, name, "tfoot"))].find((r) => r[0] === first);
  if (index < 0 || !row) throw new Error(`tabel ${name}: tidak ada baris "${first}" atau kolom "${column}"`);
  return row[index];
}

const kpi = (page: Page, key: string) => page.$eval(`[data-kpi="${key}"]`, (n) => n.textContent?.trim() ?? "");
const search = (page: Page) => new URL(page.url()).searchParams;

describe("the coverage-gaps page (/cakupan)", () => {
  it("opens on every kecamatan for the latest month, with summary.json's headline figures", async () => {
    const {page, errors, close} = await site.visit("/cakupan");
    try {
      expect(await errors()).toEqual([]);
      expect(await kpi(page, "aktif")).toBe(formatInteger(summary.members_active));
      expect(await kpi(page, "sasaran")).toBe(formatInteger(summary.eligible));
      expect(await kpi(page, "cakupan")).toBe(formatPercent(summary.coverage_rate));
      expect(await page.$$eval('figure[data-map="kecamatan"] path[data-kode]', (p) => p.length)).toBe(kecamatan.length);
      expect((await rows(page, "wilayah")).map((r) => r[0])).toEqual(kecamatan.map((k) => k.nama));
      expect(await page.getByLabel("Bulan", {exact: true}).evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text)).toBe(formatMonth(summary.as_of));
      expect(new URL(page.url()).search).toBe("");
    } finally {
      await close();
    }
  });

  it("drills into a kecamatan from the map, then follows a sector and a month in map, tables and URL", async () => {
    const {page, errors, close} = await site.visit("/cakupan");
    try {
      // The kecamatan with the largest gap: the one a planner would open first.
      const table = await rows(page, "wilayah");
      const gapColumn = (await headers(page, "wilayah")).indexOf("Celah");
      const parse = (text: string) => Number(text.replace(/\./g, "").replace(",", "."));
      const widest = table.slice().sort((a, b) => parse(b[gapColumn]) - parse(a[gapColumn]))[0][0];
      const target = kecamatan.find((k) => k.nama === widest)!;
      const aktifBefore = await cell(page, "wilayah", target.nama, "Aktif");

      await page.click(`figure[data-map="kecamatan"] path[data-kode="${target.kode}"]`);
      await page.waitForSelector('figure[data-map="desa"]');
      await settle(page);
      expect(search(page).get("kec")).toBe(target.kode);
      expect(await page.$$eval('figure[data-map="desa"] g.jaring-wilayah path', (p) => p.length)).toBe(desaOf(target.kode).length);
      expect((await headers(page, "wilayah"))[0]).toBe("Desa");
      const desaNames = (await rows(page, "wilayah")).map((r) => r[0]).filter((n) => n !== "Desa tidak diketahui" && n !== "Tidak dirinci");
      expect(desaNames).toEqual(desaOf(target.kode).map((d: {nama: string}) => d.nama));
      expect(await kpi(page, "aktif")).toBe(aktifBefore);
      expect(await cell(page, "wilayah", "Jumlah", "Aktif")).toBe(aktifBefore);

      // One sector: every figure narrows to it, and the sector table agrees with the place table.
      await page.getByLabel(sector.nama, {exact: true}).check();
      await page.waitForURL(/sektor=/);
      await settle(page);
      expect(search(page).get("sektor")).toBe(sector.kode);
      const sectorAktif = await cell(page, "sektor", sector.nama, "Peserta aktif");
      expect(await kpi(page, "aktif")).toBe(sectorAktif);
      expect(await kpi(page, "sasaran")).toBe(await cell(page, "sektor", sector.nama, "Sasaran"));
      if (publicBuild) {
        expect(await page.textContent(".jaring-warning")).toContain("tidak diterbitkan di situs publik");
        expect(await cell(page, "wilayah", "Jumlah", "Aktif")).toBe(aktifBefore);
      } else {
        expect(await cell(page, "wilayah", "Jumlah", "Aktif")).toBe(sectorAktif);
        expect(await cell(page, "wilayah", "Jumlah", "Sasaran")).toBe(await cell(page, "sektor", sector.nama, "Sasaran"));
      }
      expect(new Set((await rows(page, "celah")).map((r) => r[1]))).toEqual(new Set([sector.nama]));

      // The month before the latest: the change section compares it with the month before that.
      const months = await page.getByLabel("Bulan", {exact: true}).locator("option").allTextContents();
      expect(months[0]).toBe(formatMonth(summary.as_of));
      await page.getByLabel("Bulan", {exact: true}).selectOption({label: months[1]});
      await page.waitForURL(/bulan=/);
      await settle(page);
      const month = search(page).get("bulan")!;
      expect(formatMonth(month)).toBe(months[1]);
      expect(await page.textContent(".card:has(figure[data-map]) h2.chart-title")).toContain(months[1]);
      const aktif = await kpi(page, "aktif");
      if (!publicBuild) expect(await cell(page, "wilayah", "Jumlah", "Aktif")).toBe(aktif);
      expect(await cell(page, "perubahan", "Jumlah", `Aktif ${formatMonthShort(month)}`)).toBe(aktif);
      // The change table balances: last month's active + net change = this month's active (rows
      // whose figures are suppressed, "ditekan", and the not-itemised line have nothing to balance).
      const changeRows = [...(await rows(page, "perubahan")), ...(await rows(page, "perubahan", "tfoot"))];
      const balanced = changeRows.filter((row) => [row[1], row[6], row[7]].every((t) => /^[+-]?[\d.]+$/.test(t)));
      expect(balanced.length).toBeGreaterThan(0);
      expect(balanced.some((row) => row[0] === "Jumlah")).toBe(true);
      for (const row of balanced) {
        const [before, net, now] = [row[1], row[6], row[7]].map(parse);
        expect(before + net, row[0]).toBe(now);
      }

      expect(await errors()).toEqual([]);
      await screenshot(page, "cakupan-desa-1280.png");

      // Back to every kecamatan; the other filters stay.
      await page.click("button.jaring-back");
      await page.waitForSelector('figure[data-map="kecamatan"]');
      await settle(page);
      expect(search(page).get("kec")).toBeNull();
      expect(search(page).get("sektor")).toBe(sector.kode);
    } finally {
      await close();
    }
  });

  it("drills in by keyboard: a kecamatan on the map takes focus and Enter opens its desa", async () => {
    const {page, errors, close} = await site.visit("/cakupan");
    try {
      const target = kecamatan[kecamatan.length - 1];
      await page.focus(`figure[data-map="kecamatan"] path[data-kode="${target.kode}"]`);
      await page.keyboard.press("Enter");
      await page.waitForSelector('figure[data-map="desa"]');
      await settle(page);
      expect(search(page).get("kec")).toBe(target.kode);
      expect(await page.getByLabel("Kecamatan", {exact: true}).evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text)).toBe(target.nama);
      // The keyboard user keeps their place: focus on the way back, and back on the kecamatan after it.
      await page.waitForFunction(() => document.activeElement?.matches("button.jaring-back"));
      await page.keyboard.press("Enter");
      await page.waitForFunction((kode) => document.activeElement?.matches(`figure[data-map="kecamatan"] path[data-kode="${kode}"]`), target.kode);
      expect(search(page).get("kec")).toBeNull();
      expect(await errors()).toEqual([]);
    } finally {
      await close();
    }
  });

  it("reproduces a view from its link: place, sector, month and map colour", async () => {
    const target = kecamatan[1];
    const months = [summary.as_of];
    // Compare with the same view reached by clicking.
    const clicked = await site.visit("/cakupan");
    let expected: {aktif: string; sasaran: string; celah: string; month: string};
    try {
      await clicked.page.getByLabel("Kecamatan", {exact: true}).selectOption({label: target.nama});
      await clicked.page.waitForSelector('figure[data-map="desa"]');
      await clicked.page.getByLabel(sector.nama, {exact: true}).check();
      const options = await clicked.page.getByLabel("Bulan", {exact: true}).locator("option").allTextContents();
      await clicked.page.getByLabel("Bulan", {exact: true}).selectOption({label: options[2]});
      await clicked.page.getByLabel("Celah", {exact: true}).check();
      await clicked.page.waitForURL(/peta=gap/);
      await settle(clicked.page);
      expected = {aktif: await kpi(clicked.page, "aktif"), sasaran: await kpi(clicked.page, "sasaran"), celah: await kpi(clicked.page, "celah"), month: options[2]};
      months.push(search(clicked.page).get("bulan")!);
      expect(formatMonth(months[1])).toBe(options[2]);
      expect(await clicked.errors()).toEqual([]);
    } finally {
      await clicked.close();
    }

    const query = writeState({kec: target.kode, sektor: [sector.kode], bulan: months[1], peta: "gap"}, {kec: "", sektor: [], bulan: "", peta: "rate"});
    const {page, errors, close} = await site.visit(`/cakupan${query}`);
    try {
      expect(await errors()).toEqual([]);
      expect(new URL(page.url()).search).toBe(query);
      expect(await page.getByLabel("Kecamatan", {exact: true}).evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text)).toBe(target.nama);
      expect(await page.getByLabel("Bulan", {exact: true}).evaluate((s: HTMLSelectElement) => s.selectedOptions[0].text)).toBe(expected.month);
      expect(await page.getByLabel(sector.nama, {exact: true}).isChecked()).toBe(true);
      expect(await page.getByLabel("Celah", {exact: true}).isChecked()).toBe(true);
      expect(await page.$eval("figure[data-map]", (f) => [f.getAttribute("data-map"), f.getAttribute("data-metric")])).toEqual(["desa", "gap"]);
      expect({aktif: await kpi(page, "aktif"), sasaran: await kpi(page, "sasaran"), celah: await kpi(page, "celah"), month: expected.month}).toEqual(expected);
    } finally {
      await close();
    }
  });

  it("under a sex filter shows active members only and says why, instead of inventing a rate", async () => {
    const {page, errors, close} = await site.visit(`/cakupan?jk=P&peta=rate`);
    try {
      expect(await errors()).toEqual([]);
      expect(await page.textContent(".jaring-warning")).toContain("tidak dirinci menurut jenis kelamin");
      expect(await kpi(page, "cakupan")).toBe(formatPercent(null));
      expect(await kpi(page, "celah")).toBe(formatInteger(null));
      expect(await page.$eval("figure[data-map]", (f) => f.getAttribute("data-metric"))).toBe("aktif");
      expect(await headers(page, "wilayah")).not.toContain("Cakupan");
      const women = (await rows(page, "umur-jk")).filter((r) => r[1] === "Perempuan");
      const total = women.reduce((s, r) => s + Number(r[2].replace(/\./g, "")), 0);
      expect(await kpi(page, "aktif")).toBe(formatInteger(total));
    } finally {
      await close();
    }
  });

  it("downloads exactly the rows and figures the place table shows", async () => {
    const {page, problems, close} = await site.visit("/cakupan", {acceptDownloads: true});
    try {
      expect(problems).toEqual([]);
      const shown = await rows(page, "wilayah");
      const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-table="wilayah"] ~ a.jaring-download')]);
      const csv = readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(csv[0].split(",")).toEqual(await headers(page, "wilayah"));
      const lines = csv.slice(1).map((line) => line.split(","));
      expect(lines.map((l) => l[0])).toEqual(shown.map((r) => r[0]));
      expect(lines.map((l) => formatInteger(Number(l[1])))).toEqual(shown.map((r) => r[1]));
      expect(lines.map((l) => (l[3] === "" ? formatPercent(null) : formatPercent(Number(l[3]))))).toEqual(shown.map((r) => r[3]));
    } finally {
      await close();
    }
  });

  it("fits a phone screen when drilled in (no sideways scroll)", async () => {
    const {page, errors, close} = await site.visit(`/cakupan?kec=${kecamatan[0].kode}`, {viewport: PHONE});
    try {
      expect(await errors()).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
      // The table beside the map keeps every column in view; longer tables may scroll inside their box.
      expect(await page.$eval('[data-table="wilayah"]', (w) => w.scrollWidth - w.clientWidth)).toBeLessThanOrEqual(1);
      await screenshot(page, "cakupan-desa-390.png");
    } finally {
      await close();
    }
  });
});
