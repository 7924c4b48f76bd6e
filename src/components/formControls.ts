// The form controls the planner pages share (Skenario's scenarioForm, Peta Jalan's roadmapForm). Each
// page styles its own: `prefix` names its classes ("sk" → sk-field, sk-hint, sk-group, sk-radios).
import {uniqueId} from "./common.js";

export const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) => {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
};

/** A labelled control, with an optional hint under it. */
export function field(prefix: string, label: string, control: HTMLElement, hint?: string | Node): HTMLDivElement {
  const id = control.id || (control.id = uniqueId(prefix));
  const wrap = el("div", {className: `${prefix}-field`});
  wrap.append(el("label", {htmlFor: id, textContent: label}), control);
  if (hint) wrap.append(el("p", {className: `${prefix}-hint`}, hint));
  return wrap;
}

export function group(prefix: string, legend: string, ...children: Node[]): HTMLFieldSetElement {
  const fs = el("fieldset", {className: `${prefix}-group`});
  fs.append(el("legend", {textContent: legend}), ...children);
  return fs;
}

/** A radio group; a disabled option says why in its title. */
export function radios<T extends string | number>(
  prefix: string,
  name: string,
  options: readonly {value: T; label: string; disabled?: boolean; title?: string}[],
  value: T,
  onChange: (v: T) => void
): HTMLDivElement {
  const wrap = el("div", {className: `${prefix}-radios`});
  wrap.setAttribute("role", "radiogroup");
  wrap.dataset.name = name;
  const key = uniqueId(name);
  for (const option of options) {
    const input = el("input", {type: "radio", name: key, value: String(option.value), checked: option.value === value, disabled: !!option.disabled});
    input.dataset.value = String(option.value);
    input.addEventListener("input", () => input.checked && onChange(option.value));
    const label = el("label", {className: option.disabled ? `${prefix}-disabled` : ""}, input, " ", option.label);
    if (option.title) label.title = option.title;
    wrap.append(label);
  }
  return wrap;
}

export function setRadio(wrap: Element, value: string | number): void {
  for (const input of wrap.querySelectorAll<HTMLInputElement>("input[type=radio]")) input.checked = input.dataset.value === String(value);
}
