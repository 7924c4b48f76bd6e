import {spawnSync} from "node:child_process";
import {fileURLToPath} from "node:url";
import {expect, it} from "vitest";

// Framework runs loaders and pages without type checking, so the type checker runs here.
it("type-checks the whole project (tsc --noEmit)", () => {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const tsc = spawnSync(process.execPath, [fileURLToPath(new URL("../node_modules/typescript/bin/tsc", import.meta.url)), "--noEmit", "-p", root], {
    cwd: root,
    encoding: "utf8",
  });
  expect(tsc.stdout + tsc.stderr).toBe("");
  expect(tsc.status).toBe(0);
}, 240_000);
