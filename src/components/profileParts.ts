// The parts of a kecamatan profile that carry its code or its figures in the DOM: the links to the
// region pages (made here, since Markdown's links are checked as written), the cost of widening in
// words, and the note on members a public build does not split by age and sex.
import {formatInteger, formatMoney, formatPercent, formatRupiah} from "../lib/format.js";
import type {ExpansionOutlook} from "../lib/publik.js";

export function link(href: string, text: string): HTMLAnchorElement {
  return Object.assign(document.createElement("a"), {href, textContent: text});
}

/** " · Cakupan · Anggaran · …": the region pages, the kecamatan chosen where a page can choose it. */
export function profileLinks(kode: string, skenarioHref: string): HTMLSpanElement {
  const links = document.createElement("span");
  links.className = "profile-links print-skip";
  for (const [href, text] of [[`../cakupan?kec=${kode}`, "Cakupan"], ["../anggaran", "Anggaran"], [skenarioHref, "Skenario"], ["../publik", "Transparansi"], ["../", "Ringkasan"]]) {
    links.append(" · ", link(href, text));
  }
  return links;
}

/** The regent's stated expansion for this kecamatan alone, in a sentence; the figures marked for the tests. */
export function expansionNote(expansion: ExpansionOutlook | null, nama: string, sektorNama: ReadonlyMap<string, string>, wilayah: string): HTMLParagraphElement {
  const p = document.createElement("p");
  if (!expansion) {
    p.textContent = `Data referensi ${wilayah} tidak menyatakan rencana perluasan. Susun skenario untuk kecamatan ini di halaman Skenario.`;
    return p;
  }
  const extra = expansion.perluasan.biayaTahun - expansion.statusQuo.biayaTahun;
  const figure = (text: string, key: string) => {
    const strong = Object.assign(document.createElement("strong"), {textContent: text});
    strong.dataset.profile = key;
    return strong;
  };
  p.append(
    `Perluasan yang dinyatakan Bupati (${expansion.sektor.map((s) => sektorNama.get(s) ?? s).join(", ")}; target cakupan ${formatPercent(expansion.target, 0)}), diterapkan di Kecamatan ${nama} saja pada ${expansion.tahun}: `,
    figure(formatInteger(expansion.perluasan.pesertaBaru), "perluasan-baru"),
    " peserta baru, tambahan iuran ",
    figure(formatMoney(extra), "perluasan-biaya"),
    ` setahun (${formatRupiah(extra)}), dihitung dengan model yang sama dengan halaman Skenario.`
  );
  return p;
}

export function unsplitNote(unsplit: number): HTMLParagraphElement | string {
  if (!unsplit) return "";
  return Object.assign(document.createElement("p"), {
    className: "jaring-note",
    textContent: `${formatInteger(unsplit)} peserta tidak dirinci menurut umur dan jenis kelamin karena kelompoknya kecil; mereka ada di tabel.`
  });
}
