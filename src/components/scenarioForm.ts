// The planner's input form: shared assumptions (year, allocation, contribution, discount, mortality
// multiplier), how many scenarios to compare, and an editor for one scenario at a time (preset,
// sectors, kecamatan, target, funded months, tranches, fit to the allocation). One element whose
// `value` is the whole page state; every change fires "input" (Framework's view() listens), so the
// page recomputes and rewrites the URL. Plain DOM: no htl (FRAMEWORK-OFFLINE.md).
import {MONTHS, formatNumber} from "../lib/format.js";
import {ORDER_LABELS} from "../lib/skenario/report.js";
import {
  SLOTS,
  SLOT_LABELS,
  matchPreset,
  presetInput,
  presetsFor,
  type PageState,
  type PresetContext,
  type PresetId,
  type ScenarioInput,
  type Slot
} from "../lib/skenario/state.js";
import {uniqueId} from "./common.js";
import {el, field as formField, group as formGroup, radios as formRadios, setRadio} from "./formControls.js";

export interface ScenarioFormOptions {
  ctx: PresetContext;
  sektor: readonly {kode: string; nama: string}[];
  kecamatan: readonly {kode: string; nama: string}[];
  /** Planned years to choose from. */
  years: readonly number[];
  /** Months of `tahun` the PP 50/2025 discount would touch; 0 disables the option. */
  discountMonths: (tahun: number) => number;
  /** Why the discount may not apply (its period, the APBD exclusion). */
  discountNote: string;
  /** Whether a poverty indicator per kecamatan exists (the "termiskin" order). */
  poorestAvailable: boolean;
  poorestNote: string;
  /** A line under the multiplier: what the claims say. */
  calibrationNote: string;
  /** A line under the allocation: where its default comes from. */
  paguNote: string;
  /** A line under the presets (e.g. that the region states no expansion). */
  presetNote?: string;
}

type FormElement = HTMLFormElement & {value: PageState};

const field = (label: string, control: HTMLElement, hint?: string | Node) => formField("sk", label, control, hint);
const group = (legend: string, ...children: Node[]) => formGroup("sk", legend, ...children);
const radios = <T extends string | number>(name: string, options: readonly {value: T; label: string; disabled?: boolean; title?: string}[], value: T, onChange: (v: T) => void) =>
  formRadios("sk", name, options, value, onChange);

function monthSelect(value: number, onChange: (m: number) => void, first = 1): HTMLSelectElement {
  const select = el("select");
  MONTHS.forEach((name, i) => {
    if (i + 1 >= first) select.append(el("option", {value: String(i + 1), textContent: name, selected: i + 1 === value}));
  });
  select.addEventListener("input", () => onChange(+select.value));
  return select;
}

function range(min: number, max: number, stepSize: number, value: number, format: (v: number) => string, onChange: (v: number) => void) {
  const input = el("input", {type: "range", min: String(min), max: String(max), step: String(stepSize), value: String(value)});
  const output = el("output", {className: "sk-output", textContent: format(value)});
  input.addEventListener("input", () => {
    output.textContent = format(+input.value);
    onChange(+input.value);
  });
  const wrap = el("div", {className: "sk-range"}, input, output);
  return {wrap, input, output};
}

/** A list longer than this (a regency may have 40+ kecamatan) gets a search box, a count and a scrolling box. */
export const LONG_LIST = 15;

function checkboxes(
  options: readonly {kode: string; nama: string}[],
  values: readonly string[],
  onChange: (values: string[]) => void,
  name: string
): HTMLDivElement {
  const wrap = el("div", {className: "sk-checks"});
  wrap.dataset.name = name;
  const long = options.length > LONG_LIST;
  // A long list is easier to scan by name; a short one keeps the reference order.
  const shown = long ? [...options].sort((a, b) => a.nama.localeCompare(b.nama, "id")) : options;
  const boxes: HTMLInputElement[] = [];
  const labels: HTMLLabelElement[] = [];
  const read = () => options.filter((o) => boxes[shown.indexOf(o)].checked).map((o) => o.kode);
  const list = el("div", {className: long ? "sk-checklist sk-long" : "sk-checklist"});
  const count = el("span", {className: "sk-count"});
  count.setAttribute("aria-live", "polite");
  const updateCount = () => (count.textContent = `${boxes.filter((b) => b.checked).length} dari ${options.length} dipilih`);
  for (const option of shown) {
    const box = el("input", {type: "checkbox", value: option.kode, checked: values.includes(option.kode)});
    box.addEventListener("input", () => {
      updateCount();
      onChange(read());
    });
    boxes.push(box);
    const label = el("label", {}, box, " ", option.nama);
    labels.push(label);
    list.append(label);
  }
  const all = el("button", {type: "button", className: "sk-link", textContent: "Pilih semua"});
  const none = el("button", {type: "button", className: "sk-link", textContent: "Kosongkan"});
  // With a search typed in, the buttons act on the names shown.
  const visible = (i: number) => !labels[i].hidden;
  const setAll = (on: boolean) => {
    boxes.forEach((b, i) => visible(i) && (b.checked = on));
    updateCount();
    onChange(read());
    wrap.dispatchEvent(new Event("input", {bubbles: true}));
  };
  all.addEventListener("click", () => setAll(true));
  none.addEventListener("click", () => setAll(false));
  const actions = el("div", {className: "sk-checks-actions"}, all, none);
  if (long) {
    const search = el("input", {type: "search", className: "sk-search", placeholder: `Cari ${name}…`, autocomplete: "off"});
    search.setAttribute("aria-label", `Cari ${name}`);
    const empty = el("p", {className: "sk-hint", hidden: true, textContent: `Tidak ada ${name} dengan nama itu.`});
    // Typing filters the list; it is not a scenario input, so it must not reach the form (no recompute).
    search.addEventListener("input", (event) => {
      event.stopPropagation();
      const q = search.value.trim().toLocaleLowerCase("id");
      shown.forEach((o, i) => (labels[i].hidden = q !== "" && !o.nama.toLocaleLowerCase("id").includes(q)));
      const filtering = q !== "";
      all.textContent = filtering ? "Pilih yang tampil" : "Pilih semua";
      none.textContent = filtering ? "Kosongkan yang tampil" : "Kosongkan";
      empty.hidden = labels.some((l) => !l.hidden);
    });
    search.addEventListener("keydown", (event) => event.key === "Enter" && event.preventDefault());
    actions.append(count);
    updateCount();
    wrap.append(search, actions, list, empty);
  } else {
    wrap.append(actions, list);
  }
  return wrap;
}

const percent = (v: number) => `${formatNumber(v, 0)}%`;
const times = (v: number) => `${formatNumber(v, 1)}×`;

/** The form. `initial` is the state read from the URL (or the defaults). */
export function scenarioForm(initial: PageState, options: ScenarioFormOptions): FormElement {
  const state: PageState = structuredClone(initial);
  const form = el("form", {className: "skenario-form"}) as FormElement;
  form.setAttribute("aria-label", "Masukan skenario");
  form.addEventListener("submit", (e) => e.preventDefault());
  Object.defineProperty(form, "value", {get: () => structuredClone(state), set: () => {}});
  const fire = () => form.dispatchEvent(new Event("input", {bubbles: true}));
  const sektorNama = new Map(options.sektor.map((s) => [s.kode, s.nama]));

  // ---- shared assumptions ----
  const year = el("select");
  for (const y of options.years) year.append(el("option", {value: String(y), textContent: String(y), selected: y === state.tahun}));
  const pagu = el("input", {type: "number", min: "0", step: "10", value: String(Math.round(state.pagu / 1e6)), inputMode: "numeric"});
  pagu.addEventListener("input", () => {
    if (pagu.value.trim() === "" || !Number.isFinite(+pagu.value)) return;
    state.pagu = Math.max(0, Math.round(+pagu.value * 1e6));
  });
  const iuran = el("input", {type: "number", min: "0", step: "100", value: String(state.iuran), inputMode: "numeric"});
  iuran.addEventListener("input", () => {
    if (iuran.value.trim() === "" || !Number.isFinite(+iuran.value)) return;
    state.iuran = Math.max(0, Math.round(+iuran.value));
  });
  const pengali = range(1, 2.5, 0.1, state.pengali, times, (v) => (state.pengali = v));
  pengali.input.setAttribute("aria-label", "Pengali mortalitas");
  const diskon = el("input", {type: "checkbox", checked: state.diskon});
  diskon.addEventListener("input", () => (state.diskon = diskon.checked));
  const diskonNote = el("p", {className: "sk-hint"});
  const updateDiskon = () => {
    const months = options.discountMonths(state.tahun);
    diskon.disabled = months === 0;
    if (months === 0) state.diskon = diskon.checked = false;
    diskonNote.textContent = (months === 0 ? `Tidak ada bulan ${state.tahun} yang terkena potongan. ` : `Potongan berlaku untuk ${months} bulan iuran ${state.tahun}. `) + options.discountNote;
  };
  year.addEventListener("input", () => {
    state.tahun = +year.value;
    updateDiskon();
  });
  updateDiskon();
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
      {className: "sk-row"},
      field("Tahun rencana", year),
      field("Pagu (juta rupiah)", pagu, options.paguNote),
      field("Iuran per orang per bulan (Rp)", iuran, "JKK + JKM, dibayar daerah"),
      field("Pengali mortalitas (× TMI IV)", pengali.wrap, options.calibrationNote)
    ),
    el(
      "div",
      {className: "sk-row"},
      el("div", {className: "sk-field"}, el("label", {}, diskon, " Potongan iuran PP 50/2025"), diskonNote),
      el("div", {className: "sk-field"}, el("span", {className: "sk-label", textContent: "Skenario dibandingkan"}), count)
    )
  );

  // ---- scenario tabs and editor ----
  const tabs = el("div", {className: "sk-tabs"});
  tabs.setAttribute("role", "tablist");
  tabs.setAttribute("aria-label", "Skenario yang diubah");
  const editor = el("div", {className: "sk-editor"});
  editor.setAttribute("role", "tabpanel");

  function renderTabs() {
    tabs.replaceChildren();
    SLOTS.forEach((slot, i) => {
      if (i >= state.jumlah) return;
      const button = el("button", {type: "button", className: "sk-tab", textContent: SLOT_LABELS[slot]});
      button.setAttribute("role", "tab");
      button.setAttribute("aria-selected", String(slot === state.edit));
      button.dataset.slot = slot;
      button.addEventListener("click", () => {
        state.edit = slot;
        renderTabs();
        renderEditor();
        fire();
        // The tabs were rebuilt: give the focus back to the chosen one, or a keyboard user loses their place.
        tabs.querySelector<HTMLButtonElement>(`[data-slot="${slot}"]`)?.focus();
      });
      tabs.append(button);
    });
  }

  function renderEditor() {
    const slot: Slot = state.edit;
    const input: ScenarioInput = state.slots[slot];
    editor.replaceChildren();
    editor.dataset.slot = slot;
    const changed = () => {
      input.preset = matchPreset(input, options.ctx);
      setRadio(presets, input.preset);
      updateVisibility();
    };

    const presets = radios(
      "preset",
      presetsFor(options.ctx).map((p) => ({value: p.id, label: p.label})),
      input.preset,
      (id: PresetId) => {
        // The radio's own "input" event bubbles on to the form: no second event needed.
        state.slots[slot] = id === "kustom" ? {...input, preset: "kustom"} : presetInput(id, options.ctx);
        renderEditor();
      }
    );
    presets.classList.add("sk-presets");

    const sektor = checkboxes(options.sektor, input.sektor, (v) => {
      input.sektor = v;
      renderTargets();
      changed();
    }, "sektor");
    const kecamatan = checkboxes(options.kecamatan, input.kecamatan, (v) => {
      input.kecamatan = v;
      changed();
    }, "kecamatan");
    const target = range(0, 100, 5, input.target, percent, (v) => {
      input.target = v;
      renderTargets(false);
      changed();
    });
    target.input.setAttribute("aria-label", "Target cakupan");

    // Per-sector targets: empty = the overall target.
    const targets = el("div", {className: "sk-targets"});
    function renderTargets(rebuild = true) {
      if (!rebuild) {
        for (const box of targets.querySelectorAll<HTMLInputElement>("input")) box.placeholder = String(input.target);
        return;
      }
      targets.replaceChildren();
      for (const kode of input.sektor) {
        const box = el("input", {type: "number", min: "0", max: "100", step: "5", placeholder: String(input.target), inputMode: "numeric"});
        if (input.targetSektor[kode] !== undefined) box.value = String(input.targetSektor[kode]);
        box.addEventListener("input", () => {
          const v = box.value.trim();
          if (v === "") delete input.targetSektor[kode];
          else if (Number.isFinite(+v)) input.targetSektor[kode] = Math.min(100, Math.max(0, Math.round(+v)));
          changed();
        });
        targets.append(field(`${sektorNama.get(kode) ?? kode} (%)`, box));
      }
      for (const kode of Object.keys(input.targetSektor)) if (!input.sektor.includes(kode)) delete input.targetSektor[kode];
      if (!input.sektor.length) targets.append(el("p", {className: "sk-hint", textContent: "Pilih sektor dulu."}));
    }
    renderTargets();

    const danaCount = range(0, 13 - input.danaAwal, 1, Math.min(input.danaBulan, 13 - input.danaAwal), (v) => `${v} bulan`, (v) => {
      input.danaBulan = v;
      changed();
    });
    danaCount.input.setAttribute("aria-label", "Jumlah bulan didanai");
    const danaFirst = monthSelect(input.danaAwal, (m) => {
      input.danaAwal = m;
      input.danaBulan = Math.min(input.danaBulan, 13 - m);
      danaCount.input.max = String(13 - m);
      danaCount.input.value = String(input.danaBulan);
      danaCount.output.textContent = `${input.danaBulan} bulan`;
      changed();
    });
    const start = monthSelect(input.mulai, (m) => {
      input.mulai = m;
      changed();
    });
    const tahap = radios("tahap", [1, 2, 3].map((n) => ({value: n, label: String(n)})), input.tahap, (n) => {
      input.tahap = n;
      jarak.disabled = n === 1;
      changed();
    });
    const jarak = el("input", {type: "number", min: "1", max: "6", step: "1", value: String(input.jarakTahap), disabled: input.tahap === 1, inputMode: "numeric"});
    jarak.addEventListener("input", () => {
      if (!Number.isFinite(+jarak.value) || jarak.value.trim() === "") return;
      input.jarakTahap = Math.min(11, Math.max(1, Math.round(+jarak.value)));
      changed();
    });

    const mode = radios("mode", [{value: "target", label: "Capai target di semua kelompok terpilih"}, {value: "pagu", label: "Sesuai pagu: daftarkan kelompok menurut urutan sampai pagu habis"}], input.mode, (m: ScenarioInput["mode"]) => {
      input.mode = m;
      changed();
    });
    const order = radios(
      "urutan",
      (["terbanyak", "celah", "termiskin"] as const).map((k) => ({
        value: k,
        label: ORDER_LABELS[k],
        disabled: k === "termiskin" && !options.poorestAvailable,
        title: k === "termiskin" && !options.poorestAvailable ? options.poorestNote : undefined
      })),
      input.urutan,
      (u: ScenarioInput["urutan"]) => {
        input.urutan = u;
        changed();
      }
    );
    const orderField = field("Urutan pendaftaran", order, options.poorestAvailable ? undefined : options.poorestNote);
    const expansionParts: HTMLElement[] = [];
    function updateVisibility() {
      orderField.hidden = input.mode !== "pagu";
      const none = input.sektor.length === 0;
      for (const part of expansionParts) part.classList.toggle("sk-muted", none);
    }

    const who = group("Siapa yang ditambahkan", el("div", {className: "sk-row sk-who"}, field("Sektor", sektor), field("Kecamatan", kecamatan)));
    who.classList.add("sk-wide");
    const howMuch = group(
      "Seberapa luas",
      field("Target cakupan (peserta aktif ÷ sasaran)", target.wrap, "Kelompok yang cakupannya sudah di atas target tidak ditambah."),
      el("details", {className: "sk-details"}, el("summary", {textContent: "Target per sektor (opsional)"}), targets)
    );
    const when = group(
      "Kapan dan berapa bulan",
      el("div", {className: "sk-row"}, field("Bulan pertama didanai", danaFirst), field("Jumlah bulan didanai", danaCount.wrap, "Bulan tanpa dana = peserta tidak terlindungi.")),
      el("div", {className: "sk-row"}, field("Pendaftaran peserta baru mulai", start), field("Tahap pendaftaran", tahap), field("Jarak antartahap (bulan)", jarak))
    );
    const how = group("Cara memilih", mode, orderField);
    when.classList.add("sk-wide");
    expansionParts.push(howMuch, how);
    editor.append(field("Preset", presets, options.presetNote), who, howMuch, how, when);
    updateVisibility();
  }

  renderTabs();
  renderEditor();
  form.append(shared, tabs, editor);
  return form;
}
