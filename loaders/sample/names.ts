// Synthetic Javanese/Indonesian names. Always two or three words (the pipeline only checks that a
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

/** Hands out names no one else in this sample carries. */
export function nameGenerator(rng: Rng): (sex: "L" | "P") => string {
  const used = new Set<string>();
  return (sex) => {
    const first = sex === "L" ? namaDepanLaki : namaDepanPerempuan;
    // Mostly given + given + family name; two words by chance, or never once retries pile up.
    for (let attempt = 0; attempt < 200; attempt++) {
      const words = [pick(rng, first)];
      if (attempt > 20 || chance(rng, 0.7)) words.push(pick(rng, first));
      words.push(pick(rng, namaBelakang));
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
