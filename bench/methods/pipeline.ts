// Method 1: the project's pipeline, exactly as `npm run pipeline` runs it (read, normalise, validate,
// aggregate, write every Arrow output, summary and quality report). Its result is digested afterwards,
// in another process (digest-arrow.ts), so reading the output back is not measured.
import { runPipeline } from "../../loaders/pipeline.ts";
import { runMethod } from "../spec.ts";

await runMethod(async ({ extracts, reference, out }, timer) => {
  timer.start();
  // Internal build: every cell itemised, the same table the other methods compute. (The public build,
  // the default, also suppresses small cells: see the step table.)
  await runPipeline({ extracts, reference, out, audience: "internal" });
  timer.stop();
  return { groups: 0, aktif_total: 0, aktif_by_month: {}, digest: "" };
});
