// Synthetic names: Javanese ("jawa", the default region's) or names common across Indonesia ("netral",
// for a region whose pack asks for nothing else). Always two or three words (the pipeline only checks that a
// name is present, but the pages' quality notes assume full names), unique per person.
import { chance, pick, type Rng } from "./random.ts";

export const namaDepanLaki = [
  "Ahmad", "Slamet", "Sutrisno", "Suparman", "Sugiyanto", "Bambang", "Joko", "Budi", "Agus", "Wahyudi",
  "Sukirno", "Darsono", "Kasmadi", "Warsito", "Tarmuji", "Rasman", "Casmadi", "Sukardi", "Mulyono", "Sarwono",
  "Paryono", "Karyadi", "Sunarto", "Suwarno", "Hartono", "Haryanto", "Teguh", "Rohmat", "Muhammad", "Abdul",
  "Imam", "Edi", "Sigit", "Tarno", "Rusdi", "Kusnadi", "Dasuki", "Samsudin", "Waluyo", "Tukiman",
  "Ngadiman", "Sumardi", "Kartono", "Subur", "Rahmat", "Saefudin", "Mustofa", "Khaerudin", "Darmaji", "Tasripin",
  "Carman", "Warso", "Raswad", "Kamad", "Sanusi", "Juremi", "Taryono", "Sobari", "Nasikin", "Ma'ruf",
];

export const namaDepanPerempuan = [
  "Siti", "Sri", "Suminah", "Sumiati", "Tarsini", "Wartini", "Casmini", "Rasmi", "Darsih", "Kastini",
  "Sukaesih", "Warsini", "Sunarti", "Suparti", "Rukmini", "Sulastri", "Ngatini", "Tumini", "Painem", "Sartini",
  "Kartini", "Dasimah", "Khotimah", "Aminah", "Nurhayati", "Maryam", "Rohimah", "Fatimah", "Musripah", "Tasiah",
  "Karsih", "Warsih", "Suwarni", "Endang", "Yuliati", "Lestari", "Marsinah", "Wagiyem", "Suratmi", "Juwariyah",
  "Sumarni", "Tukinah", "Rasiyem", "Kasmirah", "Sutinah", "Watini", "Castini", "Darmini", "Romlah", "Saodah",
  "Umiyati", "Mujiati", "Sariyem", "Ngatinah", "Sriyani", "Parsini", "Waginah", "Ruminah", "Jumiati", "Kuswati",
];

export const namaBelakang = [
  "Santoso", "Wibowo", "Prasetyo", "Susanto", "Purnomo", "Hidayat", "Nugroho", "Setiawan", "Wijaya", "Saputra",
  "Kurniawan", "Gunawan", "Suryadi", "Rahayu", "Handoko", "Supriyadi", "Riyanto", "Sugiarto", "Widodo", "Suharto",
  "Permana", "Firmansyah", "Hakim", "Maulana", "Ramadhan", "Anwar", "Syafi'i", "Arifin", "Hasan", "Ismail",
  "Rosyid", "Zaenal", "Mukti", "Utomo", "Raharjo", "Darmawan", "Priyono", "Sudarmo", "Wiyono", "Suwito",
  "Pranoto", "Harjono", "Mardiyanto", "Kuncoro", "Mulyadi", "Subekti", "Suyitno", "Tarjo", "Sanjaya", "Hermawan",
  "Budiman", "Yulianto", "Sasmito", "Legowo", "Kusuma", "Pamungkas", "Saleh", "Rosadi", "Suprapto", "Hartanto",
];

const netralLaki = [
  "Ahmad", "Muhammad", "Abdul", "Ali", "Hasan", "Husin", "Ismail", "Yusuf", "Ibrahim", "Umar",
  "Usman", "Hamzah", "Ridwan", "Rahmat", "Hidayat", "Syamsul", "Zainal", "Amir", "Anwar", "Arifin",
  "Basri", "Darwis", "Fauzi", "Hamid", "Hasyim", "Idris", "Jafar", "Kamal", "Latif", "Mahmud",
  "Mansur", "Nasir", "Rasyid", "Saleh", "Sulaiman", "Taufik", "Yahya", "Zakaria", "Halim", "Ilyas",
  "Muslim", "Nurdin", "Rusli", "Syarif", "Jamal", "Karim", "Malik", "Rauf", "Salim", "Thamrin",
  "Bakri", "Marzuki", "Mukhtar", "Harun", "Rahman", "Subhan", "Jufri", "Hambali", "Ramli", "Amin",
];

const netralPerempuan = [
  "Siti", "Nur", "Aminah", "Fatimah", "Khadijah", "Aisyah", "Maryam", "Halimah", "Rahmah", "Zainab",
  "Salmah", "Hafsah", "Rukiah", "Sakinah", "Hasanah", "Jamilah", "Nurhayati", "Nurjanah", "Rohani", "Rosmiati",
  "Rosdiana", "Hamidah", "Hartati", "Herlina", "Juwita", "Kartika", "Mardiana", "Murni", "Nurlela", "Rahmawati",
  "Ratna", "Rusmini", "Syamsiah", "Wahidah", "Yuliana", "Zubaidah", "Asiah", "Habibah", "Latifah", "Mahmudah",
  "Nafisah", "Rabiah", "Saodah", "Ummi", "Wardah", "Farida", "Hindun", "Masitah", "Rosmawati", "Darmawati",
  "Erna", "Fitri", "Hayati", "Indah", "Kalsum", "Maimunah", "Nurbaya", "Suryani", "Zulaikha", "Sofiah",
];

const netralBelakang = [
  "Hasan", "Ismail", "Saleh", "Anwar", "Arifin", "Hakim", "Hidayat", "Rahman", "Siregar", "Nasution",
  "Harahap", "Lubis", "Daulay", "Hasibuan", "Sinaga", "Tanjung", "Rangkuti", "Pulungan", "Batubara", "Matondang",
  "Lestari", "Wahyuni", "Setiawan", "Kurniawan", "Gunawan", "Permana", "Saputra", "Firmansyah", "Maulana", "Ramadhan",
  "Syahputra", "Pratama", "Nugraha", "Hamdani", "Sulaiman", "Marzuki", "Yusuf", "Hamzah", "Ibrahim", "Idris",
  "Amin", "Latif", "Karim", "Malik", "Umar", "Husin", "Jamal", "Basri", "Rasyid", "Zakaria",
  "Mahmud", "Mansur", "Nasir", "Rusli", "Syarif", "Thamrin", "Bakri", "Harun", "Jufri", "Hambali",
];

/** Name sets a pack may ask for in wilayah.json `program.nama_sampel`. */
export const NAME_SETS = {
  jawa: { laki: namaDepanLaki, perempuan: namaDepanPerempuan, belakang: namaBelakang },
  netral: { laki: netralLaki, perempuan: netralPerempuan, belakang: netralBelakang },
} as const;
export type NameSet = keyof typeof NAME_SETS;

export function nameSetOf(requested: string | undefined): NameSet {
  if (requested === undefined) return "netral";
  if (requested in NAME_SETS) return requested as NameSet;
  throw new Error(`wilayah.json program.nama_sampel: "${requested}" unknown (${Object.keys(NAME_SETS).join(", ")})`);
}

/** Hands out names no one else in this sample carries. */
export function nameGenerator(rng: Rng, set: NameSet = "jawa"): (sex: "L" | "P") => string {
  const used = new Set<string>();
  const { laki, perempuan, belakang } = NAME_SETS[set];
  return (sex) => {
    const first = sex === "L" ? laki : perempuan;
    // Mostly given + given + family name; two words by chance, or never once retries pile up.
    for (let attempt = 0; attempt < 200; attempt++) {
      const words = [pick(rng, first)];
      if (attempt > 20 || chance(rng, 0.7)) words.push(pick(rng, first));
      words.push(pick(rng, belakang));
      if (words[0] === words[1]) continue;
      const name = words.join(" ");
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    throw new Error("nameGenerator: name space exhausted (add names for this scale)");
  };
}
