// Running text built as elements, for sentences inside ${…} in a page: Markdown there would print
// its asterisks, and a link written in the Markdown would be checked as a page link.

/** Text in bold. */
export function strong(text: string): HTMLElement {
  const b = document.createElement("strong");
  b.textContent = text;
  return b;
}

/** A paragraph of text and elements; null and empty parts are left out. */
export function paragraph(...parts: (Node | string | null)[]): HTMLParagraphElement {
  const p = document.createElement("p");
  p.append(...parts.filter((part): part is Node | string => part !== null && part !== ""));
  return p;
}

export interface BoldListOptions {
  /** Between two items but the last two (", " by default); " dan " before the last. */
  separator?: string;
  /** What an empty list reads ("" by default). */
  empty?: string;
  /** Text before and after a list that is not empty. */
  before?: string;
  after?: string;
}

/** "A (38,3%), B (34,2%) dan C (34,1%)": each item's `bold` part in bold, its `rest` after it. */
export function boldList(items: readonly {bold: string; rest: string}[], {separator = ", ", empty = "", before = "", after = ""}: BoldListOptions = {}): HTMLSpanElement {
  const span = document.createElement("span");
  if (items.length && before) span.append(before);
  items.forEach((item, i) => {
    if (i) span.append(i === items.length - 1 ? " dan " : separator);
    span.append(strong(item.bold), item.rest);
  });
  if (items.length && after) span.append(after);
  if (!items.length && empty) span.append(empty);
  return span;
}

/** The licence as a link (rel="license"), underlined: in running text a link needs more than colour (WCAG 1.4.1). */
export function licenceLink(lisensi: {url: string; nama: string}): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = lisensi.url;
  a.rel = "license";
  a.textContent = lisensi.nama;
  a.style.textDecoration = "underline";
  return a;
}

/** A download link whose accessible name begins with the visible text (WCAG 2.5.3), then says what is downloaded. */
export function fileLink(href: string, download: string, text: string, what: string): HTMLAnchorElement {
  const a = document.createElement("a");
  a.href = href;
  a.download = download;
  a.textContent = text;
  a.setAttribute("aria-label", `${text}: ${what}`);
  return a;
}

/** "CSV · Arrow": a published file's download links (either may be missing). */
export function downloadLinks({nama, judul, files}: {nama: string; judul: string; files: {csv?: string; arrow?: string}}): HTMLSpanElement {
  const span = document.createElement("span");
  span.className = "jaring-files";
  if (files.csv) span.append(fileLink(files.csv, nama + ".csv", "CSV", "unduh " + judul));
  if (files.arrow) span.append(" · ", fileLink(files.arrow, nama + ".arrow", "Arrow", "unduh " + judul));
  return span;
}
