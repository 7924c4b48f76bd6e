// The planner's results as cards: one per scenario with the year's cost against the allocation and what
// it buys; the fit explanation of each scenario fitted to the allocation; a coverage map per scenario.
import type {ComparedScenario} from "../lib/skenario/comparison.js";
import {fitSummary} from "../lib/skenario/notes.js";
import {fitTableSpec} from "../lib/skenario/tables.js";
import {ORDER_LABELS} from "../lib/skenario/report.js";
import {formatDecimal, formatInteger, formatMoney, formatMonth, formatRupiah} from "../lib/format.js";
import {SCENARIO_COLORS} from "./scenarioCharts.js";
import {dataTable, tableDetails} from "./dataTable.js";

/** One card per scenario, in a grid as wide as the comparison. */
export function scenarioCards(compared: readonly ComparedScenario[], options: {pagu: number}): HTMLElement {
  const grid = document.createElement("div");
  grid.className = `grid grid-cols-${compared.length} sk-card-grid`;
  grid.append(...compared.map((c, i) => scenarioCard(c, i, options.pagu)));
  return grid;
}

function scenarioCard(c: ComparedScenario, i: number, pagu: number): HTMLElement {
  const r = c.result;
  const card = document.createElement("div");
  card.className = "card kpi sk-card";
  card.dataset.skenario = c.slot;
  card.style.borderTop = `4px solid ${SCENARIO_COLORS[i]}`;
  // Lines hold <strong> figures: the text is ours, every figure formatted (no data text goes in as HTML).
  const line = (html: string, field?: string) => {
    const p = document.createElement("p");
    p.className = "sub";
    if (field) p.dataset.field = field;
    p.innerHTML = html;
    return p;
  };
  const h2 = document.createElement("h2");
  h2.textContent = `${c.label} — ${c.preset}`;
  const big = document.createElement("span");
  big.className = "big";
  big.dataset.field = "biaya";
  big.textContent = formatMoney(r.biayaTahun);
  const over = r.selisihPagu < 0;
  const gap = line(
    pagu > 0
      ? over
        ? `<strong class="sk-over">kurang ${formatMoney(-r.selisihPagu)}</strong> dari pagu ${formatMoney(pagu)}`
        : `<strong>sisa ${formatMoney(r.selisihPagu)}</strong> dari pagu ${formatMoney(pagu)}`
      : "belum ada pagu untuk dibandingkan",
    "selisih"
  );
  card.append(
    h2,
    big,
    line(`iuran ${formatInteger(r.bulan.filter((m) => m.didanai).length)} bulan, ${r.tahun}`),
    gap,
    line(`<strong>${formatInteger(r.pesertaBaru)}</strong> peserta baru · <strong>${formatInteger(r.keluargaTerlindungi)}</strong> keluarga terlindungi · ${formatRupiah(r.biayaPerKeluarga)} per keluarga`, "peserta"),
    line(`perkiraan <strong>${formatDecimal(r.kematian.harapan, 0)}</strong> peserta meninggal (${formatInteger(r.kematian.bawah)}–${formatInteger(r.kematian.atas)}); keluarganya menerima <strong>${formatMoney(r.santunan.harapan)}</strong> (${formatMoney(r.santunan.bawah)}–${formatMoney(r.santunan.atas)})`, "santunan"),
    line(c.description, "isi")
  );
  if (over && c.input.mode === "pagu") card.append(line("Pagu tidak cukup untuk peserta yang sudah ada: tidak ada pendaftaran baru. Kurangi bulan didanai atau tambah pagu.", "peringatan"));
  return card;
}

/** For each scenario fitted to the allocation: its order in words and the full order as a table. */
export function fitExplanations(
  compared: readonly ComparedScenario[],
  ctx: {tahun: number; sektorNama: ReadonlyMap<string, string>; kecamatanNama: ReadonlyMap<string, string>}
): HTMLElement {
  const block = document.createElement("div");
  block.append(
    ...compared
      .filter((c) => c.result.urutan)
      .map((c) => {
        const wrap = document.createElement("div");
        wrap.className = "sk-fit";
        wrap.dataset.skenario = c.slot;
        const h3 = document.createElement("h3");
        h3.textContent = `${c.label}: ${ORDER_LABELS[c.input.urutan].toLowerCase()}`;
        const p = document.createElement("p");
        p.textContent = fitSummary(c.input, c.result, ctx);
        wrap.append(h3, p, tableDetails(dataTable(c.result.urutan!, fitTableSpec(c, ctx)), "Lihat urutan lengkap"));
        return wrap;
      })
  );
  return block;
}

/** One map card per scenario: coverage by kecamatan in its last funded month. `map` draws one (the page wraps it in resize). */
export function scenarioMaps(
  compared: readonly ComparedScenario[],
  options: {kecamatanNama: ReadonlyMap<string, string>; map: (rows: {kode_kec: string; nama: string; aktif: number; sasaran: number | null; rate: number | null}[]) => Node}
): HTMLElement {
  const grid = document.createElement("div");
  grid.className = `grid grid-cols-${compared.length} sk-map-grid`;
  grid.append(
    ...compared.map((c) => {
      const card = document.createElement("div");
      card.className = "card sk-map";
      const h2 = document.createElement("h2");
      h2.className = "chart-title";
      h2.textContent = `${c.label} — ${c.preset}`;
      const h3 = document.createElement("h3");
      h3.className = "chart-subtitle";
      h3.textContent = `Cakupan ${formatMonth(c.result.bulanAcuan)}`;
      const rows = c.result.kecamatan.map((k) => ({...k, nama: options.kecamatanNama.get(k.kode_kec) ?? k.kode_kec}));
      card.append(h2, h3, options.map(rows));
      return card;
    })
  );
  return grid;
}

/** "Dihitung dalam 3,2 ms untuk 3 skenario." — the recompute time, also as data-recompute-ms for the tests. */
export function timingNote(ms: number, count: number): HTMLElement {
  const timing = document.createElement("p");
  timing.className = "sk-timing";
  timing.dataset.recomputeMs = ms.toFixed(2);
  timing.textContent = `Dihitung dalam ${formatDecimal(ms, 1)} ms untuk ${count} skenario.`;
  return timing;
}

/** "Cetak ringkasan" and the note that the address holds every input. */
export function plannerActions(): HTMLElement[] {
  const printButton = document.createElement("button");
  printButton.type = "button";
  printButton.className = "sk-print";
  printButton.textContent = "Cetak ringkasan";
  printButton.addEventListener("click", () => window.print());
  const shareNote = document.createElement("span");
  shareNote.className = "sk-share";
  shareNote.textContent = "Semua masukan tersimpan di alamat halaman: salin tautannya untuk membagikan skenario ini.";
  return [printButton, shareNote];
}
