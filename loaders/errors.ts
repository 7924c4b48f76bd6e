/** A problem that stops the whole run: the table cannot be read, so nothing may be published. */
export class ExtractError extends Error {
  constructor(
    readonly file: string,
    readonly pesan: string,
    readonly english: string,
    readonly column?: string
  ) {
    super(`${file}${column ? ` [kolom ${column}]` : ""}: ${pesan}\n  (${english})`);
    this.name = "ExtractError";
  }
}
