import {ExtractError} from "../errors.ts";
import type {TableSpec} from "../tables/index.ts";

/** EXTRACTS.md: headers match case-insensitively, ignoring spaces, dots, underscores and hyphens. */
export function headerKey(header: string): string {
  return header.replace(/^\uFEFF/, "").toLowerCase().replace(/[\s._\-]/g, "");
}

/** Canonical column name → index of the source column that supplies it. */
export type HeaderMapping = Record<string, number>;

/** Matches source headers to the table's columns; a canonical name beats an alias, the first beats a later one. */
export function matchHeaders(spec: TableSpec, headers: string[]): HeaderMapping {
  const keys = headers.map(headerKey);
  const mapping: HeaderMapping = {};
  for (const column of spec.columns) {
    const wanted = [column.name, ...column.aliases].map(headerKey);
    for (const key of wanted) {
      const index = keys.indexOf(key);
      if (index >= 0) {
        mapping[column.name] = index;
        break;
      }
    }
  }
  return mapping;
}

/** How many of the table's columns a candidate header row supplies (finds the header row in XLSX). */
export function headerScore(spec: TableSpec, headers: string[]): number {
  return Object.keys(matchHeaders(spec, headers)).length;
}

/** Throws the fatal error EXTRACTS.md asks for: file, column, aliases accepted. */
export function requireColumns(spec: TableSpec, mapping: HeaderMapping, file: string, headers: string[]): void {
  const found = headers.filter((h) => h.trim() !== "").map((h) => `"${h.trim()}"`).join(", ") || "(tidak ada)";
  for (const column of spec.columns) {
    if (column.required && !(column.name in mapping)) {
      const accepted = [column.name, ...column.aliases].join(", ");
      throw new ExtractError(
        file,
        `kolom wajib "${column.name}" tidak ditemukan. Nama kolom yang diterima: ${accepted}. Kolom yang ada: ${found}.`,
        `required column "${column.name}" is missing; accepted names: ${accepted}; found: ${found}`,
        column.name
      );
    }
  }
  for (const group of spec.oneOf ?? []) {
    if (!group.some((name) => name in mapping)) {
      throw new ExtractError(
        file,
        `salah satu kolom ${group.map((g) => `"${g}"`).join(" atau ")} wajib ada. Kolom yang ada: ${found}.`,
        `one of the columns ${group.join(", ")} is required; found: ${found}`,
        group.join("/")
      );
    }
  }
}
