import {describe, expect, it} from "vitest";
import {duckdbMemoryLimit, openDatabase} from "../../loaders/pipeline.ts";
import {ExtractError} from "../../loaders/errors.ts";

describe("DuckDB's memory limit", () => {
  it("is 1 GB unless JARING_DUCKDB_MEMORY says otherwise", () => {
    expect(duckdbMemoryLimit({})).toBe("1GB");
    expect(duckdbMemoryLimit({JARING_DUCKDB_MEMORY: " 4GB "})).toBe("4GB");
    expect(duckdbMemoryLimit({JARING_DUCKDB_MEMORY: "512MiB"})).toBe("512MiB");
  });

  it("refuses a value DuckDB would misread, naming the variable", () => {
    expect(() => duckdbMemoryLimit({JARING_DUCKDB_MEMORY: "banyak"})).toThrow(ExtractError);
    expect(() => duckdbMemoryLimit({JARING_DUCKDB_MEMORY: "4"})).toThrow(/JARING_DUCKDB_MEMORY/);
  });

  it("is what the pipeline's database runs with", async () => {
    const conn = await openDatabase();
    try {
      const limit = (await conn.runAndReadAll("SELECT current_setting('memory_limit')")).getRowsJS()[0][0];
      // DuckDB reports 1GB as 953.6 MiB.
      expect(String(limit)).toMatch(/^953\.6 MiB$/);
    } finally {
      conn.closeSync();
    }
  });
});
