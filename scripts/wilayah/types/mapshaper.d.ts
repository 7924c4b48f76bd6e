// mapshaper ships no types; only the programmatic entry point used here is declared.
declare module "mapshaper" {
  /** Runs mapshaper commands on in-memory files (name → content); resolves to the -o outputs by file name. */
  export function applyCommands(commands: string | string[], input?: Record<string, string | object>): Promise<Record<string, string | Uint8Array>>;
  const mapshaper: {applyCommands: typeof applyCommands};
  export default mapshaper;
}
