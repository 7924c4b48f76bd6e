// iuran.csv: monthly invoices BPJS sends and the regency pays, one per funded month per fund, as
// the finance office's Excel saves them (`;`, CRLF, Windows-1252). Two discrepancies are planted
// on purpose; the manifest lists them.
import type { Calibration } from "../calibration.ts";
import { monthYear, pad2, parseMonthKey, type Ymd } from "../calendar.ts";
import { rupiahText } from "../csv.ts";
import { chance, randInt, type Rng } from "../random.ts";
import type { Parameter } from "../reference.ts";

// Headers normalise to periode, sumberdana, jumlahpeserta, nominal, tanggalbayar; Keterangan is an
// extra column the reader ignores, there for its en dash (the encoding must be honoured).
export const IURAN_HEADER = ["Periode", "Sumber Dana", "Jumlah Peserta", "Nominal", "Tanggal Bayar", "Keterangan"] as const;

const BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

export interface IuranRow {
  periode: string; // YYYY-MM
  sumberDana: string;
  jumlahPeserta: number;
  nominal: number;
  tanggalBayar: Ymd | null;
  cells: string[];
}

export interface InvoiceDiscrepancy {
  periode: string;
  sumber_dana: string;
  kind: "nominal_tidak_sama_dengan_jumlah_x_iuran" | "peserta_ditagih_melebihi_terdaftar";
  jumlah_peserta: number;
  peserta_riil: number;
  nominal: number;
  nominal_sesuai_jumlah: number;
  selisih_peserta: number;
  selisih_nominal: number;
}

export function buildIuranRows(
  truth: Record<string, Record<string, number>>,
  funds: string[],
  parameter: Parameter,
  cal: Calibration,
  rng: Rng,
): { rows: IuranRow[]; discrepancies: InvoiceDiscrepancy[] } {
  const rows: IuranRow[] = [];
  const discrepancies: InvoiceDiscrepancy[] = [];
  const iuran = parameter.iuran_per_bulan;
  const { nominal: typo, peserta: extra } = cal.selisihIuran;

  for (const [periode, byFund] of Object.entries(truth)) {
    const { y, m } = monthYear(parseMonthKey(periode));
    for (const fund of funds) {
      const riil = byFund[fund] ?? 0;
      if (riil === 0) continue; // a fund invoices only the months it pays for
      let jumlah = riil;
      if (periode === extra.periode && fund === extra.sumberDana) jumlah += extra.tambahanPeserta;
      let nominal = jumlah * iuran;
      if (periode === typo.periode && fund === typo.sumberDana) nominal += typo.selisihPeserta * iuran;
      if (jumlah !== riil || nominal !== jumlah * iuran) {
        discrepancies.push({
          periode,
          sumber_dana: fund,
          kind: jumlah !== riil ? "peserta_ditagih_melebihi_terdaftar" : "nominal_tidak_sama_dengan_jumlah_x_iuran",
          jumlah_peserta: jumlah,
          peserta_riil: riil,
          nominal,
          nominal_sesuai_jumlah: jumlah * iuran,
          selisih_peserta: jumlah - riil,
          selisih_nominal: nominal - jumlah * iuran,
        });
      }

      const unpaid = periode === cal.periodeAkhir;
      const next = monthYear(parseMonthKey(periode) + 1);
      const bayar = unpaid ? null : { ...next, d: randInt(rng, cal.hariBayarIuran[0], cal.hariBayarIuran[1]) };
      const periodeText = chance(rng, 0.6) ? periode : `01/${pad2(m)}/${y}`;
      const nominalText = rupiahText(nominal, randInt(rng, 0, 2) as 0 | 1 | 2);
      const keterangan = unpaid
        ? "Tagihan – belum dibayar; menunggu SP2D"
        : `Pembayaran iuran – BPU ${fund} ${BULAN[m - 1]} ${y}`;
      rows.push({
        periode,
        sumberDana: fund,
        jumlahPeserta: jumlah,
        nominal,
        tanggalBayar: bayar,
        cells: [
          periodeText,
          fund,
          String(jumlah),
          nominalText,
          bayar ? `${pad2(bayar.d)}/${pad2(bayar.m)}/${bayar.y}` : "",
          keterangan,
        ],
      });
    }
  }
  return { rows, discrepancies };
}
