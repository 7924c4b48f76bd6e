// Drilling into a kecamatan and back out: the buttons of the Cakupan page's table and map card.
// The page passes what choosing does (it sets the kecamatan input, so the input stays the one source).
import {NOT_ITEMISED} from "../lib/suppression.js";

/** A kecamatan's name as a button that drills in; plain text for a line that names no place ("Tidak dirinci"). */
export function drillButton(row: {kode: string; nama: string}, onSelect: (kode: string) => void): Node {
  if (!row.kode || row.kode === NOT_ITEMISED) return document.createTextNode(row.nama);
  const button = document.createElement("button");
  button.type = "button";
  button.className = "jaring-drill";
  button.textContent = row.nama;
  button.setAttribute("aria-label", `${row.nama}: lihat desa`);
  button.addEventListener("click", () => onSelect(row.kode));
  return button;
}

/** "← Semua kecamatan": back to the region. */
export function backButton(onBack: () => void): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "jaring-back";
  button.textContent = "← Semua kecamatan";
  button.addEventListener("click", onBack);
  return button;
}
