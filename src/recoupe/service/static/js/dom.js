// Building the page from data without ever parsing data as markup: every string becomes a text
// node (textContent), attributes go through setAttribute, links only for http(s) addresses.

const EVENT_ATTR = /^on/i;

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (EVENT_ATTR.test(key)) throw new Error(`event attribute ${key} refused: use addEventListener`);
    if (key === "class") el.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
    else if (key === "href") {
      const safe = safeHref(value);
      if (safe) el.setAttribute("href", safe);
    } else if (key === "dataset") Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// Only absolute http(s) links and the app's own paths/fragments; never javascript:, data:, etc.
export function safeHref(value) {
  const text = String(value || "").trim();
  if (text.startsWith("#") || (text.startsWith("/") && !text.startsWith("//"))) return text;
  try {
    const url = new URL(text);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function fmt(value, digits = 2) {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return typeof value === "number" ? value.toFixed(digits) : String(value);
}
