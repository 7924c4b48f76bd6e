import {defineConfig} from "vitest/config";

// Two projects: fast unit tests, and the site tests (browser, privacy) that share ONE `npm run build`
// made by test/browser/global-setup.ts. The build runs the whole pipeline, so site tests get long
// timeouts; files run one after another (2-core machines, one shared dist/).
const siteTests = ["test/browser/**/*.test.ts", "test/privacy.test.ts"];

export default defineConfig({
  test: {
    fileParallelism: false,
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["test/**/*.test.ts"],
          exclude: ["**/node_modules/**", ...siteTests],
          testTimeout: 30_000,
          hookTimeout: 60_000
        }
      },
      {
        extends: true,
        test: {
          name: "site",
          environment: "node",
          include: siteTests,
          globalSetup: ["test/browser/global-setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000
        }
      }
    ]
  }
});
