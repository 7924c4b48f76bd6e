// peserta.csv: one row per member per coverage period, as Disnaker's spreadsheet exports it, with
// the planned defects. Each row also carries what the pipeline must make of it (reject or warning)
// and, for accepted rows, the values it must read, so expectations never re-parse our own text.
import type { Calibration } from "../calibration.ts";
import { addDays, dayReaching, firstOfMonth, lastOfMonth, monthOf, type Ymd } from "../calendar.ts";
import { REJECT_OF, WARNING_OF, type RejectCode, type WarningCode } from "../defects.ts";
import type { Person } from "../identity.ts";
import type { Lifecycle } from "../lifecycle.ts";
import { dropOneDigit, excelMangled } from "../nik.ts";
import { chance, pick, randInt, type Rng } from "../random.ts";
import type { Desa, Kecamatan, Reference } from "../reference.ts";
import { dateText, impossibleDateText, pickDateStyle, sexText, type PlaceVariants } from "../variants.ts";

/** Export-style headers; each normalises to a canonical name or alias of docs EXTRACTS.md. */
export const PESERTA_HEADER = [
  "NIK", // nik
  "No. KPJ", // nokpj = no_kpj
  "Nama Lengkap", // namalengkap = nama_lengkap
  "JK", // jk
  "Tgl Lahir", // tgllahir = tgl_lahir
  "Kecamatan", // kecamatan
  "Desa Kelurahan", // desakelurahan = desa_kelurahan
  "Pekerjaan", // pekerjaan → sektor
  "TMT", // tmt → mulai
  "Tanggal Akhir", // tanggalakhir = tanggal_akhir → akhir
  "Sumber Dana", // sumberdana = sumber_dana
  "Status", // status
] as const;

export interface PesertaRow {
  personId: number;
  cells: string[];
  reject: RejectCode | null;
  warning: WarningCode | null;
  /** Values of the row as the pipeline reads them (meaningful for accepted rows). */
  nik: string;
  kpj: string;
  mulai: Ymd;
  akhir: Ymd | null;
  kodeKec: string;
  kodeDesa: string | null;
  /** Ordering: month of the intended TMT, then a random key (copies just after their original). */
  sortMonth: number;
  sortKey: number;
}

export interface PesertaInput {
  ref: Reference;
  cal: Calibration;
  persons: Person[];
  lifecycles: Lifecycle[];
  /** personId → month index of the move to another kecamatan. */
  pindah: Map<number, number>;
  variants: PlaceVariants;
  rng: Rng;
}

export function buildPesertaRows(input: PesertaInput): PesertaRow[] {
  const { ref, cal, persons, lifecycles, pindah, variants, rng } = input;
  const kecByKode = new Map(ref.kecamatan.map((k) => [k.kode, k]));
  const desaByKode = new Map(ref.desa.map((d) => [d.kode, d]));
  const desaOfKec = (kode: string) => ref.desa.filter((d) => d.kodeKec === kode);
  const rows: PesertaRow[] = [];

  for (const p of persons) {
    const life = lifecycles[p.id]!;
    const kec = kecByKode.get(p.kodeKec)!;
    const desa = desaByKode.get(p.kodeDesa)!;

    // Status and akhir as the office knows them: most recorded deaths, half the age exits.
    let status = "AKTIF";
    let akhir: Ymd | null = null;
    const dicatat = chance(rng, cal.porsiMeninggalDicatat);
    const nonaktif = chance(rng, cal.porsiNonaktifUsia);
    if (life.meninggal && dicatat) {
      status = "MENINGGAL";
      akhir = life.meninggal;
    } else if (life.keluar === "usia" && nonaktif) {
      status = "NONAKTIF";
      akhir = addDays(dayReaching(p.lahir, ref.parameter.usia_maks), -1); // last day aged 64
    }
    const move = pindah.get(p.id);
    if (move !== undefined && chance(rng, 0.5)) {
      // Half the movers were closed in the old kecamatan; the rest left open (overlapping rows).
      status = "NONAKTIF";
      akhir = lastOfMonth(move - 1);
    }

    const row = pesertaRow(p, kec, desa, p.mulai, akhir, status);
    rows.push(row);
    if (p.kategori === "duplikat") {
      rows.push({ ...row, cells: [...row.cells], reject: "DUPLIKAT", warning: null, sortKey: row.sortKey + 0.002 });
    }
    if (move !== undefined) {
      const others = ref.kecamatan.filter((k) => k.kode !== p.kodeKec);
      const kec2 = pick(rng, others);
      const desa2 = pick(rng, desaOfKec(kec2.kode));
      rows.push(pesertaRow({ ...p, kategori: null }, kec2, desa2, firstOfMonth(move), null, "AKTIF"));
    }
  }
  return rows.sort((a, b) => a.sortMonth - b.sortMonth || a.sortKey - b.sortKey);

  function pesertaRow(
    p: Person,
    kec: Kecamatan,
    desa: Desa,
    mulai: Ymd,
    akhir: Ymd | null,
    status: string,
  ): PesertaRow {
    const k = p.kategori;
    const style = pickDateStyle(rng);
    const opposite = p.sex === "L" ? "P" : "L";

    let nik = p.nik;
    if (k === "nik_excel") nik = excelMangled(p.nik);
    if (k === "nik_format") nik = dropOneDigit(p.nik);

    let jk = sexText(p.sex, rng);
    if (k === "jk_beda") jk = sexText(opposite, rng);
    if (k === "jk_kosong") jk = "";

    let lahir = dateText(p.lahir, style);
    if (k === "tgl_lahir_beda") {
      const shift = randInt(rng, 1, 400) * (chance(rng, 0.5) ? 1 : -1);
      lahir = dateText(addDays(p.lahir, shift), style);
    }
    if (k === "tgl_lahir_kosong") lahir = "";

    let kecText = kec.nama;
    if (k === "kecamatan_varian") kecText = variants.kecamatanVariant(kec, rng);
    if (k === "kecamatan_tidak_dikenal") kecText = variants.kecamatanUnknown(kec, rng);

    let desaText = desa.nama;
    let kodeDesa: string | null = desa.kode;
    if (k === "desa_varian") desaText = variants.desaVariant(desa, rng);
    if (k === "desa_kode") desaText = desa.kode;
    if (k === "desa_tidak_dikenal") [desaText, kodeDesa] = [variants.desaUnknown(kec.kode, rng), null];
    // Unknown kecamatan: no desa either, so the rejected row raises no desa warning.
    if (k === "desa_kosong" || k === "kecamatan_tidak_dikenal") [desaText, kodeDesa] = ["", null];

    const pekerjaan = k === "sektor_tidak_dikenal" ? variants.sectorUnknown(rng) : variants.sectorText(p.sektor, rng);
    const tmt = k === "mulai_tidak_valid" ? impossibleDateText(mulai, rng) : dateText(mulai, style);
    // The default fund is sometimes left blank: the pipeline fills it in.
    const sumber = p.sumberDana === ref.parameter.sumber_dana_bawaan && chance(rng, 0.02) ? "" : p.sumberDana;
    const nama = chance(rng, 0.5) ? p.nama.toUpperCase() : p.nama;

    return {
      personId: p.id,
      cells: [nik, p.kpj, nama, jk, lahir, kecText, desaText, pekerjaan, tmt, akhir ? dateText(akhir, style) : "", sumber, status],
      reject: (k && REJECT_OF[k]) ?? null,
      warning: (k && WARNING_OF[k]) ?? null,
      nik,
      kpj: p.kpj,
      mulai,
      akhir,
      kodeKec: kec.kode,
      kodeDesa,
      sortMonth: monthOf(mulai),
      sortKey: rng(),
    };
  }
}
