// Observable Framework configuration for Jaring.
// Offline rules (../shared/docs/FRAMEWORK-OFFLINE.md): no global stylesheets (Google Fonts), our own
// style.css that imports the theme, and <html lang="id"> set by a tiny head script.

// Deployments under a sub-path (e.g. a regency's portal at /jaring/) set JARING_BASE=/jaring/.
const base = process.env.JARING_BASE || "/";

export default {
  title: "Jaring",
  root: "src",
  base,
  pages: [
    {name: "Ringkasan", path: "/"},
    {name: "Cakupan", path: "/cakupan"},
    {name: "Anggaran", path: "/anggaran"},
    {name: "Skenario", path: "/skenario"},
    {name: "Transparansi", path: "/publik"},
    {name: "Metodologi", path: "/metodologi"}
  ],
  globalStylesheets: [],
  style: "style.css",
  head: `<meta name="description" content="Dasbor terbuka program bantuan iuran BPJS Ketenagakerjaan bagi pekerja rentan">
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%230072b2'/%3E%3Cpath d='M3 5h10M3 8h10M3 11h10M5 3v10M8 3v10M11 3v10' stroke='white' stroke-width='1.2'/%3E%3C/svg%3E">
<script>document.documentElement.lang = "id";</script>`,
  footer: "Jaring — dasbor terbuka program bantuan iuran BPJS Ketenagakerjaan pekerja rentan",
  toc: false,
  pager: false,
  search: false,
  linkify: true,
  cleanUrls: true
};
