// A short note under a chart or a card, as text (never HTML).

/** A note paragraph (class "jaring-note", or "jaring-warning" for one that changes how to read a figure). */
export function note(text: string, className = "jaring-note"): HTMLParagraphElement {
  const p = document.createElement("p");
  p.className = className;
  p.textContent = text;
  return p;
}
