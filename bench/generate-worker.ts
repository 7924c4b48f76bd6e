// Child process of bench/generate.ts: generates one range of synthetic regencies into part files
// and prints the row counts as JSON on its last line.
import { generatePart } from "./generate.ts";

const args = JSON.parse(process.argv[2] ?? "{}") as Parameters<typeof generatePart>[0];
console.log(JSON.stringify(generatePart(args)));
