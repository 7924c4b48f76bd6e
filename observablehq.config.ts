// Observable Framework configuration for Jaring.
// Offline rules (../shared/docs/FRAMEWORK-OFFLINE.md): no global stylesheets (Google Fonts), our own
// style.css that imports the theme, and <html lang="id"> set by a tiny head script.

import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {dropStaleData} from "./scripts/lib/dataCache.ts";
import {profilePaths} from "./scripts/lib/profilePaths.ts";

// Never serve one input's data for another (scripts/lib/dataCache.ts).
dropStaleData(resolve(dirname(fileURLToPath(import.meta.url))));

// Deployments under a sub-path (e.g. a regency's portal at /jaring/) set JARING_BASE=/jaring/.
const base = process.env.JARING_BASE || "/";
// Where the site is written; tests build a second copy (under a base path) without touching dist/.
const output = process.env.JARING_OUTPUT || "dist";

export default {
  title: "Jaring",
  root: "src",
  output,
  base,
  pages: [
    {name: "Ringkasan", path: "/"},
    {name: "Cakupan", path: "/cakupan"},
    {name: "Anggaran", path: "/anggaran"},
    {name: "Skenario", path: "/skenario"},
    {name: "Peta Jalan", path: "/peta-jalan"},
    {name: "Transparansi", path: "/publik"},
    {name: "Metodologi", path: "/metodologi"},
    {name: "Kualitas Data", path: "/kualitas-data"}
  ],
  // One profile page per kecamatan of the chosen region (src/kecamatan/[kode].md).
  dynamicPaths: profilePaths(),
  globalStylesheets: [],
  style: "style.css",
  head: `<meta name="description" content="Dasbor terbuka program bantuan iuran BPJS Ketenagakerjaan bagi pekerja rentan">
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%230072b2'/%3E%3Cpath d='M3 5h10M3 8h10M3 11h10M5 3v10M8 3v10M11 3v10' stroke='white' stroke-width='1.2'/%3E%3C/svg%3E">
<script>document.documentElement.lang = "id";
// Framework's viewport tag sets maximum-scale=1, which stops a phone user zooming in (WCAG 1.4.4).
document.querySelector('meta[name="viewport"]')?.setAttribute("content", "width=device-width, initial-scale=1");</script>`,
  // Static on every page: the data month, source and contact come from the data, in each page's
  // closing source note (src/components/sourceNote.ts).
  footer: "Jaring — dasbor terbuka program bantuan iuran BPJS Ketenagakerjaan bagi pekerja rentan. Semua angka adalah agregat, tanpa data pribadi; bulan data, sumber dan kontak tercantum di akhir setiap halaman.",
  toc: false,
  pager: false,
  search: false,
  linkify: true,
  cleanUrls: true
};
