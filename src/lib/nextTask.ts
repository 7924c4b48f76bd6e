// Lets the browser paint and answer input before the next heavy step. A phone's main thread that runs
// one long task (all of a page's derivations the moment its data arrive) cannot respond to a tap until
// it ends; cut into steps, each a task of its own, it can (Lighthouse: total blocking time).

/** Resolves in a new task: `scheduler.yield()` where the browser has it, else a zero timeout. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as {scheduler?: {yield?: () => Promise<void>}}).scheduler;
  if (typeof scheduler?.yield === "function") return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
