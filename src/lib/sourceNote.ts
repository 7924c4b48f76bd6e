// The line at the foot of every page (and of the printed brief) that tells a reader how fresh the
// figures are, where they come from and whom to ask: all read from summary.json and referensi.json,
// nothing about the region assumed. Pure: the component in src/components/sourceNote.ts renders it.
import {formatDateLong, formatMonth} from "./format.js";

export interface SourceNoteInput {
  summary:
    | {
        as_of?: string | null;
        extract_date?: string | null;
        eligible_source?: string | null;
        synthetic?: boolean | null;
        audience?: string | null;
        suppression_threshold?: number | null;
      }
    | null
    | undefined;
  referensi: {wilayah?: {nama?: string | null; kontak?: string | null} | null} | null | undefined;
}

/** One part of the note: `key` names it for tests and styling, `text` is what a reader sees. */
export interface SourceNotePart {
  key: "as_of" | "sumber" | "sintetis" | "penekanan" | "kontak";
  text: string;
}

/** The parts of the source note, in reading order; a part whose data is missing is left out. */
export function sourceNoteParts({summary, referensi}: SourceNoteInput): SourceNotePart[] {
  const parts: SourceNotePart[] = [];
  const wilayah = referensi?.wilayah?.nama;
  if (summary?.as_of) parts.push({key: "as_of", text: `Data ${wilayah ? `${wilayah} ` : ""}s.d. ${formatMonth(summary.as_of)}`});
  const extract = summary?.extract_date ? ` per ${formatDateLong(summary.extract_date)}` : "";
  const eligible = summary?.eligible_source ? `; sasaran: ${summary.eligible_source}` : "";
  parts.push({key: "sumber", text: `Sumber: ekstrak bulanan program (kepesertaan, iuran, anggaran, klaim)${extract}${eligible}`});
  if (summary?.synthetic === true) parts.push({key: "sintetis", text: "Data sampel sintetis, bukan data peserta sebenarnya"});
  // A public build hides counts of fewer people than the threshold (docs/ARCHITECTURE.md, "Small-cell suppression").
  if (summary?.audience === "public") parts.push({key: "penekanan", text: `Jumlah di bawah ${summary.suppression_threshold ?? 5} orang ditekan untuk melindungi peserta`});
  if (referensi?.wilayah?.kontak) parts.push({key: "kontak", text: `Kontak: ${referensi.wilayah.kontak}`});
  return parts;
}
