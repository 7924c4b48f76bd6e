// Charts drawn when they come near the screen. A phone opening a page downloads, parses and runs
// Plot and d3 (about 170 KB compressed, some 45 modules) only when a chart is about to be seen, so
// the text and the figures above the fold come first. The placeholder keeps the chart's height, so
// nothing below it moves when the chart arrives. Printing and the browser tests draw every chart at
// once ("jaring:draw-all"; `beforeprint` draws those whose library has already arrived).

/** An import done once, on first use; `loaded` holds the module once it has arrived. */
export interface Lazy<M> {
  (): Promise<M>;
  loaded?: M;
}

export function lazy<M>(importer: () => Promise<M>): Lazy<M> {
  let promise: Promise<M> | null = null;
  const load = (() => (promise ??= importer().then((m) => ((load.loaded = m), m)))) as Lazy<M>;
  return load;
}

export type PlotModule = typeof import("@observablehq/plot");

/** Observable Plot, and d3 with it, fetched on the first chart that is drawn. */
export const loadPlot: Lazy<PlotModule> = lazy(() => import("@observablehq/plot"));

/** Height a chart's legend row usually adds above the plot, reserved with it. */
export const LEGEND_ROOM = 32;

/** The event that draws every waiting chart now, wherever it is on the page. */
export const DRAW_ALL = "jaring:draw-all";

const waiting = new Set<() => void>();
if (typeof window !== "undefined") {
  window.addEventListener(DRAW_ALL, () => [...waiting].forEach((start) => start()));
  window.addEventListener("beforeprint", () => [...waiting].forEach((start) => start()));
}

/**
 * A placeholder `height` pixels tall that becomes `draw(module)` once it is within a quarter screen
 * of the viewport (or at once where IntersectionObserver is missing). An error while drawing is shown in
 * place, styled as Framework's error cells, and reported to the console.
 */
export function deferred<M>(height: number, load: Lazy<M>, draw: (module: M) => Element): HTMLElement {
  const box = document.createElement("div");
  box.className = "jaring-deferred";
  box.style.minHeight = `${Math.round(height)}px`;
  box.setAttribute("aria-busy", "true");
  let started = false;
  const show = (module: M) => {
    waiting.delete(start);
    try {
      box.replaceChildren(draw(module));
    } catch (error) {
      box.replaceChildren(failure(error));
      console.error(error);
    }
    box.style.minHeight = "";
    box.removeAttribute("aria-busy");
  };
  function start() {
    if (started) return;
    started = true;
    observer?.disconnect();
    if (!box.isConnected && !load.loaded) return void waiting.delete(start);
    if (load.loaded) show(load.loaded);
    else
      load().then(show, (error) => {
        waiting.delete(start);
        box.replaceChildren(failure(error));
        console.error(error);
      });
  }
  waiting.add(start);
  const observer =
    typeof IntersectionObserver === "undefined"
      ? null
      : // A quarter screen ahead: drawn as the reader reaches it, not for what is far below.
        new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && start(), {rootMargin: "25% 0px"});
  if (observer) observer.observe(box);
  else queueMicrotask(start);
  return box;
}

function failure(error: unknown): HTMLElement {
  const p = document.createElement("p");
  p.className = "observablehq--error";
  p.textContent = `Grafik gagal digambar: ${error instanceof Error ? error.message : String(error)}`;
  return p;
}
