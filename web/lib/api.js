// REST helpers and the stored sign-in. Plain ES module.

const KEY = "cuecard.token";
const USER = "cuecard.user";

export const auth = {
  get token() { return localStorage.getItem(KEY); },
  get user() { return localStorage.getItem(USER); },
  set(token, user) { localStorage.setItem(KEY, token); localStorage.setItem(USER, user); },
  clear() { localStorage.removeItem(KEY); localStorage.removeItem(USER); },
};

/** Calls the API with the given token (default: the stored one); throws Error(message) on failure. */
export async function api(method, path, body, token = auth.token) {
  const headers = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = "Bearer " + token;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let data = null;
  if (text && (res.headers.get("Content-Type") || "").includes("json")) data = JSON.parse(text);
  if (!res.ok) {
    const err = new Error((data && data.message) || res.statusText || "request failed");
    err.status = res.status;
    err.code = data && data.error;
    err.field = data && data.field; // the field at fault, where the API names one
    throw err;
  }
  return data === null ? text : data;
}

/** A GET of a binary download (the data export) with the stored token, saved under the given name. */
export async function downloadFrom(path, name) {
  const res = await fetch(path, { headers: { Authorization: "Bearer " + auth.token } });
  if (!res.ok) throw new Error(res.status === 429 ? "too many requests; try again shortly" : "download failed");
  saveBlob(name, await res.blob());
}

/** A small element builder: el("li", {class: "x"}, "text", child...). Text is never parsed as HTML. */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function when(ms) {
  return new Date(ms).toLocaleString();
}

/** Saves text as a file download. */
export function download(name, text, type) {
  saveBlob(name, new Blob([text], { type }));
}

function saveBlob(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
