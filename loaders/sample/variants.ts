// How offices actually type things: the spellings of kecamatan, desa, sector, sex and dates the
// pipeline must accept, and the ones it must refuse. Every "must match" and "must not match" text
// is checked here against the keys of docs/ARCHITECTURE.md, so a variant cannot silently flip.
import { isValidDate, pad2, type Ymd } from "./calendar.ts";
import { chance, pick, type Rng } from "./random.ts";
import { desaKeys, kecamatanKeys, placeKey, sectorKey, sectorKeys, type Desa, type Kecamatan, type Reference } from "./reference.ts";

/** Date text: mostly DD/MM/YYYY, a few ISO and DD-MM-YYYY (one style per row). */
export type DateStyle = "dmy/" | "iso" | "dmy-";

export function pickDateStyle(rng: Rng): DateStyle {
  const x = rng();
  return x < 0.9 ? "dmy/" : x < 0.95 ? "iso" : "dmy-";
}

export function dateText(date: Ymd, style: DateStyle): string {
  const { y, m, d } = date;
  if (style === "iso") return `${y}-${pad2(m)}-${pad2(d)}`;
  const sep = style === "dmy/" ? "/" : "-";
  return `${pad2(d)}${sep}${pad2(m)}${sep}${y}`;
}

/** Impossible TMTs near the intended month: the 31st of a 30-day month, 30/31 February. */
export function impossibleDateText(near: Ymd, rng: Rng): string {
  const candidates: string[] = [];
  for (const m of [near.m, near.m === 1 ? 2 : near.m - 1, 2]) {
    for (const d of [29, 30, 31]) if (!isValidDate(near.y, m, d)) candidates.push(`${pad2(d)}/${pad2(m)}/${near.y}`);
  }
  return pick(rng, candidates);
}

const SEX_TEXT = {
  L: ["L", "L", "L", "L", "Laki-laki", "LAKI-LAKI", "Laki laki"],
  P: ["P", "P", "P", "P", "Perempuan", "PEREMPUAN", "perempuan"],
} as const;

export function sexText(sex: "L" | "P", rng: Rng): string {
  return pick(rng, SEX_TEXT[sex]);
}

/**
 * Split a long one-word name where people hear two words ("Watukumpul" → "Watu Kumpul",
 * "Bantarbolang" → "Bantar Bolang"): before a consonant that opens a syllable, nearest the middle.
 */
export function splitWord(name: string): string | null {
  if (name.includes(" ") || name.length < 10) return null;
  const vowel = (c: string | undefined) => c !== undefined && /[aeiou]/i.test(c);
  let best: number | null = null;
  for (let i = 2; i < name.length - 2; i++) {
    const opensSyllable = !vowel(name[i]) && (vowel(name[i + 1]) || /[rly]/i.test(name[i + 1] ?? ""));
    const insideNg = /n/i.test(name[i - 1] ?? "") && /g/i.test(name[i] ?? "");
    if (!opensSyllable || insideNg) continue;
    if (best === null || Math.abs(i - name.length / 2) < Math.abs(best - name.length / 2)) best = i;
  }
  if (best === null) return null;
  return `${name.slice(0, best)} ${name[best]!.toUpperCase()}${name.slice(best + 1)}`;
}

export interface PlaceVariants {
  /** A spelling of the kecamatan that must still match it. */
  kecamatanVariant(kec: Kecamatan, rng: Rng): string;
  /** A spelling that matches no kecamatan. */
  kecamatanUnknown(kec: Kecamatan, rng: Rng): string;
  /** Case and spacing variants of a desa name that must still match. */
  desaVariant(desa: Desa, rng: Rng): string;
  /** A desa name that matches nothing in the kecamatan. */
  desaUnknown(kodeKec: string, rng: Rng): string;
  /** Sector text that maps to the code, in varied case and spacing. */
  sectorText(kode: string, rng: Rng): string;
  /** Job text that maps to no sector. */
  sectorUnknown(rng: Rng): string;
}

const UNKNOWN_DESA = ["Krajan", "Dukuh Tengah", "Kampung Baru", "Sidomulyo Wetan", "Karanganyar Lor", "Tegalsari Kidul", "Sumberejo Timur"];
const UNKNOWN_JOBS = ["Serabutan", "Tukang Kayu", "Penjahit", "Pemulung", "Tukang Parkir", "Buruh Serabutan", "Kerja Apa Saja"];
const SUFFIXES = ["Selatan", "Utara", "Timur", "Barat", "Baru"];

export function placeVariants(ref: Reference): PlaceVariants {
  const kecKeys = kecamatanKeys(ref);
  const secKeys = sectorKeys(ref);
  const aliasesOf = (kode: string) => ref.aliasWilayah.filter((a) => a.tingkat === "kecamatan" && a.kode === kode).map((a) => a.alias);
  const sectorTexts = new Map<string, string[]>();
  for (const s of ref.sektor) {
    // The aliases clerks use, weighted towards the first ones listed; the name and code rarely.
    const aliases = ref.aliasSektor.filter((a) => a.kode === s.kode).map((a) => a.alias);
    sectorTexts.set(s.kode, [...aliases, ...aliases.slice(0, 2), ...aliases.slice(0, 1), s.nama]);
  }

  const mustMatch = (text: string, kode: string, keys: Map<string, string>) => {
    if (keys.get(placeKey(text)) !== kode) throw new Error(`variant "${text}" does not match ${kode}`);
    return text;
  };

  return {
    kecamatanVariant(kec, rng) {
      const forms = [
        `Kec. ${kec.nama}`,
        `Kecamatan ${kec.nama.toUpperCase()}`,
        `  ${kec.nama.toLowerCase()}  `,
        kec.nama.toUpperCase(),
        kec.kode,
        kec.kodeBps,
        kec.kode.replace(/\D/g, ""),
        ...aliasesOf(kec.kode).map((a) => ` ${a} `),
      ];
      const split = splitWord(kec.nama);
      if (split) forms.push(split.toUpperCase(), split);
      return mustMatch(pick(rng, forms), kec.kode, kecKeys);
    },
    kecamatanUnknown(kec, rng) {
      for (let attempt = 0; attempt < 50; attempt++) {
        let text: string;
        if (chance(rng, 0.5) && kec.nama.length > 5) {
          // Drop one interior letter: "Pemalang" → "Pemalng".
          const i = 2 + Math.floor(rng() * (kec.nama.length - 4));
          text = kec.nama.slice(0, i) + kec.nama.slice(i + 1);
        } else {
          text = `${kec.nama} ${pick(rng, SUFFIXES)}`;
        }
        if (!kecKeys.has(placeKey(text))) return text;
      }
      throw new Error(`no unmatched variant found for ${kec.nama}`);
    },
    desaVariant(desa, rng) {
      const prefix = desa.tipe === "kelurahan" ? "Kel. " : "Desa ";
      const forms = [desa.nama.toUpperCase(), ` ${desa.nama.toLowerCase()} `, desa.nama.replace(/ /g, "  ")];
      // A prefix only where it cannot be mistaken for part of the name ("Kelangdepok", "Kecepit").
      if (!/^(kec|kel|desa)/i.test(desa.nama)) forms.push(prefix + desa.nama, (prefix + desa.nama).toUpperCase());
      return mustMatch(pick(rng, forms), desa.kode, desaKeys(ref, desa.kodeKec));
    },
    desaUnknown(kodeKec, rng) {
      const keys = desaKeys(ref, kodeKec);
      const options = UNKNOWN_DESA.filter((n) => !keys.has(placeKey(n)));
      return pick(rng, options);
    },
    sectorText(kode, rng) {
      const base = pick(rng, sectorTexts.get(kode) ?? [kode]);
      const x = rng();
      const text =
        x < 0.35 ? titleCase(base) : x < 0.6 ? base.toUpperCase() : x < 0.7 ? base.replace(/ /g, "  ") : x < 0.72 ? kode : base;
      if (secKeys.get(sectorKey(text)) !== kode) throw new Error(`sector text "${text}" does not map to ${kode}`);
      return text;
    },
    sectorUnknown(rng) {
      const text = pick(rng, UNKNOWN_JOBS);
      if (secKeys.has(sectorKey(text))) throw new Error(`"${text}" is a known sector alias`);
      return text;
    },
  };
}

function titleCase(text: string): string {
  return text.replace(/(^|[\s/])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
