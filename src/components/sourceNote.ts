// The closing line of every page: data month, source, synthetic-data notice, contact, and the way to
// the method page. Text from src/lib/sourceNote.ts; this only lays it out.
import {sourceNoteParts, type SourceNoteInput} from "../lib/sourceNote.js";

export interface SourceNoteOptions {
  /** Link to the method page ("./metodologi"); null on the method page itself. */
  methodHref?: string | null;
}

export function sourceNote(summary: SourceNoteInput["summary"], referensi: SourceNoteInput["referensi"], {methodHref = "./metodologi"}: SourceNoteOptions = {}): HTMLElement {
  const note = document.createElement("p");
  note.className = "jaring-source";
  note.dataset.sourceNote = "";
  const parts = sourceNoteParts({summary, referensi}).map((part) => {
    const span = document.createElement("span");
    span.dataset.part = part.key;
    span.textContent = part.text;
    return span;
  });
  parts.forEach((part, i) => note.append(...(i ? [document.createTextNode(" · "), part] : [part])));
  if (methodHref) {
    // Link and separator together, so print (where a link means nothing) can drop both.
    const method = document.createElement("span");
    method.className = "jaring-source-method";
    const link = document.createElement("a");
    link.href = methodHref;
    link.textContent = "Cara menghitung: Metodologi";
    method.append(" · ", link);
    note.append(method);
  }
  return note;
}
