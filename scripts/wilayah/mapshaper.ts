// The one door to mapshaper: commands as an argument array (no shell quoting), files in memory.
import {createRequire} from "node:module";
import mapshaper from "mapshaper";

export const MAPSHAPER_VERSION: string = (createRequire(import.meta.url)("mapshaper/package.json") as {version: string}).version;

/** Runs mapshaper on in-memory inputs (file name → GeoJSON/TopoJSON text); returns its -o outputs as text. */
export async function runMapshaper(commands: string[], inputs: Record<string, string>): Promise<Record<string, string>> {
  const out = await mapshaper.applyCommands(["-quiet", ...commands], inputs);
  return Object.fromEntries(Object.entries(out).map(([name, content]) => [name, typeof content === "string" ? content : new TextDecoder().decode(content)]));
}
