// The names of the groups members are counted by besides place and sector: sex and age band, as the
// pages, their tables and their filter sentences print them. Pure.

export const SEX_NAMES = {L: "Laki-laki", P: "Perempuan"} as const;

/** "L" → "Laki-laki"; an unknown code stays as it is. */
export const sexName = (kode: string): string => (Object.hasOwn(SEX_NAMES, kode) ? SEX_NAMES[kode as keyof typeof SEX_NAMES] : kode);

/** "55-59" → "55–59 tahun". */
export const bandName = (kode: string): string => `${kode.replace("-", "–")} tahun`;
