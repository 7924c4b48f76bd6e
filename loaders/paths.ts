import {fileURLToPath} from "node:url";
import {resolve} from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));

/** JARING_EXTRACTS and JARING_REFERENCE point the pipeline at real data; the defaults are the sample. */
export function defaultPaths(env: NodeJS.ProcessEnv = process.env): {extracts: string; reference: string} {
  return {
    extracts: resolve(root, env.JARING_EXTRACTS ?? "data/extracts"),
    reference: resolve(root, env.JARING_REFERENCE ?? "data/reference"),
  };
}
