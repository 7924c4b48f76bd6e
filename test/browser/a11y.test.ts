// Accessibility of every page of the built site, checked with axe-core inside Chromium after the page
// has fully rendered (charts, tables, inputs), at desktop and phone width. Fails on any WCAG 2.1 A/AA
// violation axe rates "serious" or "critical", printed as rule, help text and the offending elements.
// Keyboard use of the maps and inputs is covered by the page tests (cakupan.test.ts drills in by key).
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {describe, expect, inject, it} from "vitest";
import {findPages} from "./site.ts";
import {VIEWPORTS, useSite} from "./visit.ts";

const dist = inject("distDir");
const pages = findPages(dist);
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Findings that come from markup Jaring cannot change, each with the reason; matched by rule and exact
 * element so nothing else of the kind slips through.
 */
const WAIVERS: {rule: string; selector: string; why: string}[] = [
  {
    rule: "list",
    selector: "#observablehq-sidebar > ol:first-child",
    why: "Framework 1.13 writes the sidebar's close <label> inside its first <ol>; no config option changes that markup"
  }
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: {target: unknown[]; failureSummary?: string}[];
}

const site = useSite(dist);

/** One line per rule: impact, rule id and count, what it asks for, the offending elements, axe's advice for the first. */
function describeViolations(violations: Violation[]): string[] {
  return violations.map((v) => {
    const targets = v.nodes.map((node) => node.target.map(String).join(" ")).join(" | ");
    const advice = v.nodes[0]?.failureSummary?.replace(/\s+/g, " ").trim();
    return `${v.impact} ${v.id} ×${v.nodes.length}: ${v.help} — ${targets}${advice ? ` (contoh: ${advice})` : ""}`;
  });
}

describe("accessibility (axe-core, WCAG 2.1 A and AA)", () => {
  for (const path of pages) {
    for (const viewport of VIEWPORTS) {
      it(`${path} has no serious or critical violations at ${viewport.name} width (${viewport.width}px)`, async () => {
        const {page, problems, close} = await site.visit(path, {viewport});
        try {
          expect(problems).toEqual([]);
          // With a chart's tip open: Plot redraws the tip on hover, and that redraw must stay accessible too.
          const chart = page.locator("figure.jaring-figure svg[role='img']").first();
          if (await chart.count()) await chart.hover();
          await page.addScriptTag({content: AXE});
          const violations: Violation[] = await page.evaluate(
            async ({tags, waivers}) => {
              const axe = (window as any).axe;
              const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"], elementRef: true});
              const waived = (id: string, element: Element) => waivers.some((w) => w.rule === id && element.matches(w.selector));
              return result.violations
                .map((v: any) => ({
                  id: v.id,
                  impact: v.impact,
                  help: v.help,
                  nodes: v.nodes
                    .filter((n: any) => !waived(v.id, n.element))
                    .map((n: any) => ({target: n.target, failureSummary: n.failureSummary}))
                }))
                .filter((v: Violation) => v.nodes.length > 0);
            },
            {tags: TAGS, waivers: WAIVERS}
          );
          const blocking = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
          const minor = violations.filter((v) => !blocking.includes(v));
          if (minor.length) console.log(`${path} @${viewport.width}: pelanggaran ringan/sedang (tidak menggagalkan):\n  ${describeViolations(minor).join("\n  ")}`);
          expect(describeViolations(blocking)).toEqual([]);
        } finally {
          await close();
        }
      });
    }
  }
});
