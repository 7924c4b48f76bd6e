// Page state (filters, scenario inputs) in the URL's query string, so a link reproduces the view.
// Pure functions; the page calls `history.replaceState` with what `writeState` returns.

export type StateValue = string | number | boolean | string[];
export type State = Record<string, StateValue>;

/** Reads `search` ("?a=1&b=x,y") into a state shaped like `defaults`; unknown or bad values fall back. */
export function readState<S extends State>(search: string, defaults: S): S {
  const params = new URLSearchParams(search);
  const state = {...defaults};
  for (const [key, fallback] of Object.entries(defaults) as [keyof S & string, StateValue][]) {
    const raw = params.get(key);
    if (raw === null) continue;
    let value: StateValue | undefined;
    if (Array.isArray(fallback)) value = raw === "" ? [] : raw.split(",");
    else if (typeof fallback === "number") value = raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
    else if (typeof fallback === "boolean") value = raw === "1" || raw === "true" ? true : raw === "0" || raw === "false" ? false : undefined;
    else value = raw;
    if (value !== undefined) (state as State)[key] = value;
  }
  return state;
}

/** The query string for `state`, leaving out values equal to their default (short, stable links). */
export function writeState<S extends State>(state: S, defaults: S): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(defaults).sort()) {
    const value = state[key];
    const fallback = defaults[key];
    const text = (v: StateValue) => (Array.isArray(v) ? v.join(",") : typeof v === "boolean" ? (v ? "1" : "0") : String(v));
    if (value !== undefined && text(value) !== text(fallback)) params.set(key, text(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}
