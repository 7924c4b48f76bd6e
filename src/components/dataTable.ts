// The table beside every chart: a plain, accessible HTML table (caption, <th scope>), so every
// figure a chart draws can also be read, copied and heard by a screen reader — and downloaded as CSV.
import {toCsv} from "../lib/csv.js";

export interface Column<T> {
  /** Header text. */
  label: string;
  /** The cell's text (already formatted). */
  value: (row: T, index: number) => string;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** This column names the row (rendered as <th scope="row">). The first column by default. */
  rowHeader?: boolean;
  /** The raw value in the CSV download (numbers unformatted); the cell's text otherwise. */
  csv?: (row: T, index: number) => string | number | null | undefined;
  /** Content other than text (a sparkline, a button); `value` stays the text for the CSV. */
  cell?: (row: T, index: number) => Node;
}

export interface DataTableOptions<T> {
  caption: string;
  columns: readonly Column<T>[];
  /** A totals row (same columns) in <tfoot>. */
  footer?: T | null;
  /** Extra class names for a row (e.g. "nodata"). */
  rowClass?: (row: T) => string | null | undefined;
  /** Maximum height before the table scrolls (CSS length); none by default. */
  maxHeight?: string;
  /** A stable name for tests and links (`data-table` attribute on the wrapper). */
  name?: string;
  /** Hide the caption visually (it stays for screen readers) when a card title already says it. */
  captionHidden?: boolean;
  /** File name for a "Unduh CSV" link with exactly these rows and columns. */
  download?: string;
}

/** Renders `rows` as an accessible table inside a scrollable wrapper. */
export function dataTable<T>(rows: readonly T[], options: DataTableOptions<T>): HTMLElement {
  const {caption, columns, footer, rowClass, maxHeight, name, captionHidden = false, download} = options;
  const headerIndex = Math.max(0, columns.findIndex((c) => c.rowHeader));
  const table = document.createElement("table");
  table.className = "jaring-table";

  const cap = document.createElement("caption");
  cap.textContent = caption;
  if (captionHidden) cap.className = "sr-only";
  table.append(cap);

  const thead = document.createElement("thead");
  const headRow = document.createElement("tr");
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = column.label;
    if (column.numeric) th.className = "num";
    headRow.append(th);
  }
  thead.append(headRow);
  table.append(thead);

  const renderRow = (row: T, index: number): HTMLTableRowElement => {
    const tr = document.createElement("tr");
    columns.forEach((column, j) => {
      const cell = document.createElement(j === headerIndex ? "th" : "td");
      if (j === headerIndex) (cell as HTMLTableCellElement).scope = "row";
      if (column.cell) cell.append(column.cell(row, index));
      else cell.textContent = column.value(row, index);
      if (column.numeric) cell.className = "num";
      tr.append(cell);
    });
    return tr;
  };

  const tbody = document.createElement("tbody");
  rows.forEach((row, i) => {
    const tr = renderRow(row, i);
    const extra = rowClass?.(row);
    if (extra) tr.className = extra;
    tbody.append(tr);
  });
  if (!rows.length) {
    const tr = document.createElement("tr");
    const td = document.createElement("td");
    td.colSpan = columns.length;
    td.textContent = "Tidak ada data.";
    tr.className = "nodata";
    tr.append(td);
    tbody.append(tr);
  }
  table.append(tbody);

  if (footer) {
    const tfoot = document.createElement("tfoot");
    tfoot.append(renderRow(footer, rows.length));
    table.append(tfoot);
  }

  const wrap = document.createElement("div");
  wrap.className = "jaring-table-wrap";
  if (name) wrap.dataset.table = name;
  if (maxHeight) wrap.style.maxHeight = maxHeight;
  else wrap.style.maxHeight = "none";
  // A scrollable region must be reachable by keyboard.
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption);
  wrap.append(table);
  if (!download) return wrap;
  const container = document.createElement("div");
  container.className = "jaring-table-block";
  container.append(wrap, downloadLink(toCsv(rows, columns), download, caption));
  return container;
}

/** "Unduh CSV": the file is made when clicked, with a BOM so Excel reads UTF-8. */
export function downloadLink(csv: string, filename: string, what: string): HTMLAnchorElement {
  const link = document.createElement("a");
  link.className = "jaring-download";
  link.textContent = "Unduh CSV";
  link.download = filename.endsWith(".csv") ? filename : `${filename}.csv`;
  link.href = "#";
  link.setAttribute("aria-label", `Unduh CSV: ${what}`);
  link.addEventListener("click", () => {
    link.href = URL.createObjectURL(new Blob(["\uFEFF", csv], {type: "text/csv;charset=utf-8"}));
  });
  return link;
}

/** The table folded into a <details> under a chart ("Lihat tabel data"), for long series. */
export function tableDetails(table: Element, summary = "Lihat tabel data"): HTMLDetailsElement {
  const details = document.createElement("details");
  details.className = "jaring-alt";
  const s = document.createElement("summary");
  s.textContent = summary;
  details.append(s, table);
  return details;
}

/**
 * One long table cut into `parts` tables side by side, each with the header and the last with the
 * footer: a list of 40 kecamatan still fits beside a map on one printed A4 page. No download link
 * (the whole table beside it has one).
 */
export function splitTables<T>(rows: readonly T[], options: DataTableOptions<T> & {parts: number}): HTMLElement {
  const {parts, footer, caption, name, ...rest} = options;
  const size = Math.max(1, Math.ceil(rows.length / Math.max(1, parts)));
  const wrap = document.createElement("div");
  wrap.className = "jaring-split-tables";
  const count = Math.max(1, Math.ceil(rows.length / size));
  wrap.style.gridTemplateColumns = `repeat(${count}, minmax(0, 1fr))`;
  for (let k = 0; k < count; k++)
    wrap.append(
      dataTable(rows.slice(k * size, (k + 1) * size), {
        ...rest,
        caption: count > 1 ? `${caption} (bagian ${k + 1} dari ${count})` : caption,
        name: name ? `${name}-${k + 1}` : undefined,
        footer: k === count - 1 ? footer : null,
        download: undefined
      })
    );
  return wrap;
}
