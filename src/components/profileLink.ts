// A kecamatan's name as a link to its profile page (src/kecamatan/[kode].md), from the region pages'
// tables and maps; a line that names no place ("Tidak dirinci", the total) stays text.
import {profileHref} from "../lib/profil.js";
import {NOT_ITEMISED} from "../lib/suppression.js";

export function profileLink(row: {kode?: string; kode_kec?: string; nama: string}): Node {
  const kode = row.kode ?? row.kode_kec ?? "";
  if (!kode || kode === NOT_ITEMISED) return document.createTextNode(row.nama);
  const a = document.createElement("a");
  a.href = profileHref(kode);
  a.textContent = row.nama;
  a.className = "jaring-profile-link";
  return a;
}

/** What choosing a kecamatan on a region map does: open its profile. */
export function openProfile(kode: string): void {
  if (kode && kode !== NOT_ITEMISED) window.location.assign(profileHref(kode));
}

/** A drilled-in view's way to the kecamatan's whole profile. */
export function profileButtonLink(kode: string, nama: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = profileHref(kode);
  a.className = "jaring-profile-open";
  a.textContent = `Profil Kecamatan ${nama} →`;
  return a;
}
