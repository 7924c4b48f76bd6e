// The roadmap page's input form: the horizon, the envelope and contribution paths, the eligible
// population's yearly change and the mortality multiplier, how many paths to compare, and an editor
// for one path at a time (preset, kind, who, target, month settings). One element whose `value` is
// the whole page state; every change fires "input" (Framework's view() listens). Plain DOM, no htl.
import {MONTHS, formatInteger, formatNumber} from "../lib/format.js";
import type {FitOrder} from "../lib/skenario/model.js";
import type {PathKind} from "../lib/skenario/roadmap.js";
import {ORDER_LABELS} from "../lib/skenario/report.js";
import {
  KIND_LABELS,
  MAX_HORIZON,
  PATH_LABELS,
  SLOTS,
  availablePresets,
  matchPathPreset,
  presetPath,
  type PathInput,
  type RoadmapContext,
  type RoadmapPageState,
  type RoadmapPresetId,
  type SeriesInput,
  type Slot
} from "../lib/skenario/roadmapState.js";
import {uniqueId} from "./common.js";
import {el, field as formField, group as formGroup, radios as formRadios, setRadio} from "./formControls.js";

export interface RoadmapFormOptions {
  ctx: RoadmapContext;
  sektor: readonly {kode: string; nama: string}[];
  kecamatan: readonly {kode: string; nama: string}[];
  poorestAvailable: boolean;
  poorestNote: string;
  calibrationNote: string;
  paguNote: string;
}

type FormElement = HTMLFormElement & {value: RoadmapPageState};

const field = (label: string, control: HTMLElement, hint?: string | Node) => formField("pj", label, control, hint);
const group = (legend: string, ...children: Node[]) => formGroup("pj", legend, ...children);
const radios = <T extends string | number>(name: string, options: readonly {value: T; label: string; disabled?: boolean; title?: string}[], value: T, onChange: (v: T) => void) =>
  formRadios("pj", name, options, value, onChange);

function select(options: readonly {value: number; label: string}[], value: number, onChange: (v: number) => void): HTMLSelectElement {
  const s = el("select");
  for (const o of options) s.append(el("option", {value: String(o.value), textContent: o.label, selected: o.value === value}));
  s.addEventListener("input", () => onChange(+s.value));
  return s;
}

const monthOptions = MONTHS.map((name, i) => ({value: i + 1, label: name}));

function numberInput(value: number, props: Partial<HTMLInputElement>, onChange: (v: number) => void): HTMLInputElement {
  const input = el("input", {type: "number", value: String(value), inputMode: "decimal", ...props});
  input.addEventListener("input", () => {
    if (input.value.trim() === "" || !Number.isFinite(+input.value)) return;
    onChange(+input.value);
  });
  return input;
}

function range(min: number, max: number, stepSize: number, value: number, format: (v: number) => string, onChange: (v: number) => void) {
  const input = el("input", {type: "range", min: String(min), max: String(max), step: String(stepSize), value: String(value)});
  const output = el("output", {className: "pj-output", textContent: format(value)});
  input.addEventListener("input", () => {
    output.textContent = format(+input.value);
    onChange(+input.value);
  });
  return {wrap: el("div", {className: "pj-range"}, input, output), input, output};
}

function checkboxes(options: readonly {kode: string; nama: string}[], values: readonly string[], onChange: (values: string[]) => void, name: string): HTMLDivElement {
  const wrap = el("div", {className: "pj-checks"});
  wrap.dataset.name = name;
  const boxes: HTMLInputElement[] = [];
  const read = () => options.filter((_, i) => boxes[i].checked).map((o) => o.kode);
  const list = el("div", {className: "pj-checklist"});
  for (const option of options) {
    const box = el("input", {type: "checkbox", value: option.kode, checked: values.includes(option.kode)});
    box.addEventListener("input", () => onChange(read()));
    boxes.push(box);
    list.append(el("label", {}, box, " ", option.nama));
  }
  const setAll = (on: boolean) => {
    boxes.forEach((b) => (b.checked = on));
    onChange(read());
    wrap.dispatchEvent(new Event("input", {bubbles: true}));
  };
  const all = el("button", {type: "button", className: "pj-link", textContent: "Pilih semua"});
  const none = el("button", {type: "button", className: "pj-link", textContent: "Kosongkan"});
  all.addEventListener("click", () => setAll(true));
  none.addEventListener("click", () => setAll(false));
  wrap.append(el("div", {className: "pj-checks-actions"}, all, none), list);
  return wrap;
}

const percent = (v: number) => `${formatNumber(v, 0)}%`;
const times = (v: number) => `${formatNumber(v, 1)}×`;

export function roadmapForm(initial: RoadmapPageState, options: RoadmapFormOptions): FormElement {
  const {ctx} = options;
  const state: RoadmapPageState = structuredClone(initial);
  const form = el("form", {className: "peta-form"}) as FormElement;
  form.setAttribute("aria-label", "Masukan peta jalan");
  form.addEventListener("submit", (e) => e.preventDefault());
  Object.defineProperty(form, "value", {get: () => structuredClone(state), set: () => {}});
  const fire = () => form.dispatchEvent(new Event("input", {bubbles: true}));
  const yearOf = (i: number) => ctx.tahunAwal + i;

  // ---- shared assumptions ----
  const horizon = select(
    Array.from({length: MAX_HORIZON}, (_, i) => ({value: i + 1, label: `${i + 1} tahun (${ctx.tahunAwal}${i ? `–${yearOf(i)}` : ""})`})),
    state.horizon,
    (h) => {
      state.horizon = h;
      // Presets follow the horizon (the regent's target year is its last year); custom paths keep theirs.
      for (const slot of SLOTS) if (state.slots[slot].preset !== "kustom") state.slots[slot] = presetPath(state.slots[slot].preset, ctx, h);
      renderSeries();
      renderEditor();
    }
  );
  horizon.setAttribute("aria-label", "Jangka peta jalan");

  /** A money path: first-year amount and yearly change, or typed per year. */
  function seriesEditor(key: "pagu" | "iuran", label: string, unit: number, unitLabel: string, hint: string) {
    const box = el("div", {className: "pj-series"});
    box.dataset.series = key;
    const render = () => {
      const s: SeriesInput = state[key];
      box.replaceChildren();
      const mode = radios(`${key}-cara`, [{value: "persen", label: "Berubah tiap tahun (%)"}, {value: "tahun", label: "Diisi per tahun"}], s.mode, (m) => {
        if (m === "tahun") for (let i = 0; i < MAX_HORIZON; i++) s.tahun[i] = Math.round(s.awal * Math.pow(1 + s.persen / 100, i));
        s.mode = m;
        render();
      });
      box.append(mode);
      if (s.mode === "persen") {
        const first = numberInput(Math.round(s.awal / unit), {min: "0", step: unit >= 1e6 ? "10" : "100"}, (v) => (s.awal = Math.max(0, Math.round(v * unit))));
        first.dataset.input = `${key}-awal`;
        const change = numberInput(s.persen, {min: "-50", max: "100", step: "0.5"}, (v) => (s.persen = Math.min(100, Math.max(-50, Math.round(v * 10) / 10))));
        change.dataset.input = `${key}-persen`;
        box.append(el("div", {className: "pj-row"}, field(`${label} ${ctx.tahunAwal} (${unitLabel})`, first, hint), field("Perubahan per tahun (%)", change)));
      } else {
        const row = el("div", {className: "pj-years"});
        for (let i = 0; i < state.horizon; i++) {
          const input = numberInput(Math.round(s.tahun[i] / unit), {min: "0", step: unit >= 1e6 ? "10" : "100"}, (v) => (s.tahun[i] = Math.max(0, Math.round(v * unit))));
          input.dataset.input = `${key}-${yearOf(i)}`;
          row.append(field(String(yearOf(i)), input));
        }
        box.append(row, el("p", {className: "pj-hint", textContent: `${label} per tahun (${unitLabel}). ${hint}`}));
      }
    };
    return {box, render};
  }
  const pagu = seriesEditor("pagu", "Pagu", 1e6, "juta rupiah", options.paguNote);
  const iuran = seriesEditor("iuran", "Iuran per orang per bulan", 1, "Rp", "JKK + JKM, dibayar daerah; ubah bila dasar upah yang dilaporkan berubah.");
  function renderSeries() {
    pagu.render();
    iuran.render();
  }
  renderSeries();
  const sasaran = numberInput(state.sasaranPersen, {min: "-20", max: "20", step: "0.5"}, (v) => (state.sasaranPersen = Math.min(20, Math.max(-20, Math.round(v * 10) / 10))));
  sasaran.dataset.input = "sasaran-persen";
  const pengali = range(1, 2.5, 0.1, state.pengali, times, (v) => (state.pengali = v));
  pengali.input.setAttribute("aria-label", "Pengali mortalitas");
  const count = radios("jumlah", [1, 2, 3].map((n) => ({value: n, label: String(n)})), state.jumlah, (n) => {
    state.jumlah = n;
    if (SLOTS.indexOf(state.edit) >= n) state.edit = SLOTS[n - 1];
    renderTabs();
    renderEditor();
  });

  const shared = group(
    "Asumsi bersama",
    el(
      "div",
      {className: "pj-row"},
      field("Jangka", horizon, `Tahun-tahun sesudah ${ctx.tahunAwal - 1}, tahun data.`),
      field("Perubahan sasaran per tahun (%)", sasaran, "0% = jumlah sasaran tetap: yang mencapai usia masuk menggantikan yang mencapai usia keluar dan yang meninggal."),
      field("Pengali mortalitas (× TMI IV)", pengali.wrap, options.calibrationNote),
      el("div", {className: "pj-field"}, el("span", {className: "pj-label", textContent: "Jalur dibandingkan"}), count)
    ),
    el("div", {className: "pj-row"}, group("Pagu per tahun", pagu.box), group("Iuran per tahun", iuran.box))
  );

  // ---- path tabs and editor ----
  const tabs = el("div", {className: "pj-tabs"});
  tabs.setAttribute("role", "tablist");
  tabs.setAttribute("aria-label", "Jalur yang diubah");
  const editor = el("div", {className: "pj-editor"});
  editor.setAttribute("role", "tabpanel");

  function renderTabs() {
    tabs.replaceChildren();
    SLOTS.forEach((slot, i) => {
      if (i >= state.jumlah) return;
      const button = el("button", {type: "button", className: "pj-tab", textContent: PATH_LABELS[slot]});
      button.setAttribute("role", "tab");
      button.setAttribute("aria-selected", String(slot === state.edit));
      button.dataset.slot = slot;
      button.addEventListener("click", () => {
        state.edit = slot;
        renderTabs();
        renderEditor();
        fire();
        tabs.querySelector<HTMLButtonElement>(`[data-slot="${slot}"]`)?.focus();
      });
      tabs.append(button);
    });
  }

  function renderEditor() {
    const slot: Slot = state.edit;
    const input: PathInput = state.slots[slot];
    editor.replaceChildren();
    editor.dataset.slot = slot;
    const changed = () => {
      input.preset = matchPathPreset(input, ctx, state.horizon);
      setRadio(presets, input.preset);
      updateVisibility();
    };
    const presets = radios(
      "preset",
      availablePresets(ctx).map((p) => ({value: p.id, label: p.label})),
      input.preset,
      (id: RoadmapPresetId) => {
        state.slots[slot] = id === "kustom" ? {...input, preset: "kustom"} : presetPath(id, ctx, state.horizon);
        renderEditor();
      }
    );
    presets.classList.add("pj-presets");
    const kind = radios("jenis", (Object.keys(KIND_LABELS) as PathKind[]).map((k) => ({value: k, label: KIND_LABELS[k]})), input.jenis, (k) => {
      input.jenis = k;
      if (k !== "tetap" && !input.sektor.length) input.sektor = (ctx.sektorPerluasan ?? ctx.sektor).slice();
      renderEditor();
      changed();
    });
    const sektor = checkboxes(options.sektor, input.sektor, (v) => {
      input.sektor = v;
      changed();
    }, "sektor");
    const kecamatan = checkboxes(options.kecamatan, input.kecamatan, (v) => {
      input.kecamatan = v;
      changed();
    }, "kecamatan");
    const target = range(0, 100, 5, input.target, percent, (v) => {
      input.target = v;
      changed();
    });
    target.input.setAttribute("aria-label", "Target cakupan");
    const years = Array.from({length: state.horizon}, (_, i) => ({value: yearOf(i), label: String(yearOf(i))}));
    const targetYear = select(years, Math.min(input.tahunTarget, yearOf(state.horizon - 1)), (y) => {
      input.tahunTarget = y;
      changed();
    });
    targetYear.setAttribute("aria-label", "Tahun target");
    const perYear = el("div", {className: "pj-years"});
    for (let i = 0; i < state.horizon; i++) {
      const box = numberInput(input.targetTahun[i], {min: "0", max: "100", step: "5"}, (v) => {
        input.targetTahun[i] = Math.min(100, Math.max(0, Math.round(v)));
        changed();
      });
      box.dataset.input = `target-${yearOf(i)}`;
      perYear.append(field(`${yearOf(i)} (%)`, box));
    }
    const others = radios("lainnya", [{value: "tahan", label: "Pertahankan cakupan kini"}, {value: "tanpa", label: "Tanpa pendaftaran baru"}], input.lainnya, (v) => {
      input.lainnya = v;
      changed();
    });
    const order = radios(
      "urutan",
      (["terbanyak", "celah", "termiskin"] as FitOrder[]).map((k) => ({
        value: k,
        label: ORDER_LABELS[k],
        disabled: k === "termiskin" && !options.poorestAvailable,
        title: k === "termiskin" && !options.poorestAvailable ? options.poorestNote : undefined
      })),
      input.urutan,
      (u) => {
        input.urutan = u;
        changed();
      }
    );
    const danaCount = range(0, 13 - input.danaAwal, 1, Math.min(input.danaBulan, 13 - input.danaAwal), (v) => `${v} bulan`, (v) => {
      input.danaBulan = v;
      changed();
    });
    danaCount.input.setAttribute("aria-label", "Jumlah bulan didanai");
    const danaFirst = select(monthOptions, input.danaAwal, (m) => {
      input.danaAwal = m;
      input.danaBulan = Math.min(input.danaBulan, 13 - m);
      danaCount.input.max = String(13 - m);
      danaCount.input.value = String(input.danaBulan);
      danaCount.output.textContent = `${input.danaBulan} bulan`;
      changed();
    });
    const start = select(monthOptions, input.mulai, (m) => {
      input.mulai = m;
      changed();
    });
    const tahap = radios("tahap", [1, 2, 3].map((n) => ({value: n, label: String(n)})), input.tahap, (n) => {
      input.tahap = n;
      jarak.disabled = n === 1;
      changed();
    });
    const jarak = numberInput(input.jarakTahap, {min: "1", max: "6", step: "1", disabled: input.tahap === 1}, (v) => {
      input.jarakTahap = Math.min(11, Math.max(1, Math.round(v)));
      changed();
    });

    const whoField = group("Siapa yang diperluas", el("div", {className: "pj-row pj-who"}, field("Sektor", sektor), field("Kecamatan", kecamatan)));
    const targetField = field("Target cakupan (peserta ÷ sasaran)", target.wrap, "Kelompok yang cakupannya sudah di atas target tidak ditambah.");
    const targetYearField = field("Tahun target tercapai", targetYear, "Naik rata dari cakupan kini tiap kelompok.");
    const perYearField = field("Target per tahun", perYear, `Cakupan kini seluruh wilayah: ${formatInteger(ctx.cakupanKini)}%.`);
    const othersField = field("Kelompok lain (tidak dipilih)", others);
    const orderField = field("Urutan pendaftaran sesuai pagu", order, options.poorestAvailable ? undefined : options.poorestNote);
    const how = group("Jalur cakupan", kind, targetField, targetYearField, perYearField, othersField, orderField);
    const when = group(
      "Bulan tiap tahun",
      el("div", {className: "pj-row"}, field("Bulan pertama didanai", danaFirst), field("Jumlah bulan didanai", danaCount.wrap, "Bulan tanpa dana = peserta tidak terlindungi.")),
      el("div", {className: "pj-row"}, field("Pendaftaran peserta baru mulai", start), field("Tahap pendaftaran", tahap), field("Jarak antartahap (bulan)", jarak))
    );
    function updateVisibility() {
      const k = input.jenis;
      whoField.hidden = k === "tetap";
      targetField.hidden = !(k === "linear" || k === "pagu");
      targetYearField.hidden = k !== "linear";
      perYearField.hidden = k !== "per_tahun";
      othersField.hidden = k === "tetap";
      orderField.hidden = k !== "pagu";
    }
    whoField.classList.add("pj-wide");
    when.classList.add("pj-wide");
    editor.append(field("Preset", presets), how, when, whoField);
    updateVisibility();
  }

  renderTabs();
  renderEditor();
  form.append(shared, tabs, editor);
  return form;
}
