// The bank editor: your own banks and cards (create, edit, duplicate, delete), import and export
// of bank files, search across the server's bank and yours, and the wordings you corrected. Plain ES module.
import { api, auth, download, el } from "./lib/api.js";
import { showRemembered } from "./lib/remembered.js";

const $ = (id) => document.getElementById(id);
const state = { banks: [], bank: null, editing: null };

async function loadBanks() {
  state.banks = (await api("GET", "/api/my/banks")).banks;
  $("bank-list").replaceChildren(...state.banks.map((b) => el("li", {},
    el("button", { class: "link", onclick: () => openBank(b.bank) }, b.title), ` (${b.cards} cards)`)));
}

async function openBank(name) {
  state.bank = await api("GET", `/api/my/banks/${encodeURIComponent(name)}`);
  state.editing = null;
  drawBank();
}

function drawBank() {
  const b = state.bank;
  $("bank-view").hidden = !b;
  if (!b) return;
  $("bank-heading").textContent = b.title || b.bank;
  $("card-form").hidden = !state.editing;
  $("card-list").replaceChildren(...(b.cards || []).map((c) => el("li", { "data-id": c.id },
    el("span", {}, c.question, " ", el("span", { class: "muted" }, `${c.id} · ${c.framework}`)),
    el("span", { class: "row" },
      el("button", { class: "secondary", onclick: () => editCard(c) }, "Edit"),
      el("button", { class: "secondary", onclick: () => cardAction("POST", c.id, "/duplicate", {}) }, "Duplicate"),
      el("button", { class: "secondary", onclick: () => cardAction("DELETE", c.id, "") }, "Delete")))));
}

function lines(id) {
  return $(id).value.split("\n").map((s) => s.trim()).filter(Boolean);
}

function editCard(c) {
  state.editing = c || { isNew: true };
  const v = c || {};
  $("c-id").value = v.id || "";
  $("c-id").readOnly = !!c;
  $("c-question").value = v.question || "";
  $("c-aliases").value = (v.aliases || []).join("\n");
  $("c-category").value = v.category || "";
  $("c-framework").value = v.framework || "TECHNICAL";
  $("c-difficulty").value = v.difficulty || "medium";
  $("c-answer").value = v.answer || "";
  $("c-points").value = (v.keyPoints || []).map((p) => `${p.text} | ${p.terms.join(", ")}`).join("\n");
  $("c-followups").value = (v.followUps || []).join("\n");
  $("c-tags").value = (v.tags || []).join(", ");
  $("card-error").textContent = "";
  drawBank();
  $(c ? "c-question" : "c-id").focus();
}

function formCard() {
  const card = {
    id: $("c-id").value.trim(), question: $("c-question").value.trim(), category: $("c-category").value.trim(),
    framework: $("c-framework").value, difficulty: $("c-difficulty").value, answer: $("c-answer").value.trim(),
    keyPoints: lines("c-points").map((l) => {
      const [text, terms = ""] = l.split("|");
      return { text: text.trim(), terms: terms.split(",").map((t) => t.trim()).filter(Boolean) };
    }),
  };
  const aliases = lines("c-aliases");
  if (aliases.length) card.aliases = aliases;
  const followUps = lines("c-followups");
  if (followUps.length) card.followUps = followUps;
  const tags = $("c-tags").value.split(",").map((t) => t.trim()).filter(Boolean);
  if (tags.length) card.tags = tags;
  return card;
}

async function saveCard(ev) {
  ev.preventDefault();
  const card = formCard();
  const bank = encodeURIComponent(state.bank.bank);
  try {
    if (state.editing.isNew) await api("POST", `/api/my/banks/${bank}/cards`, card);
    else await api("PUT", `/api/my/banks/${bank}/cards/${encodeURIComponent(card.id)}`, card);
    await openBank(state.bank.bank);
    await loadBanks();
  } catch (e) {
    $("card-error").textContent = e.message; // names the card and the field
  }
}

async function cardAction(method, id, suffix, body) {
  const bank = encodeURIComponent(state.bank.bank);
  try {
    await api(method, `/api/my/banks/${bank}/cards/${encodeURIComponent(id)}${suffix}`, body);
    await openBank(state.bank.bank);
    await loadBanks();
  } catch (e) {
    $("bank-msg").textContent = e.message;
  }
}

async function createBank(ev, body) {
  if (ev) ev.preventDefault();
  const b = body || { bank: $("bank-name").value.trim(), title: $("bank-title").value.trim() || undefined, cards: [] };
  try {
    await api("POST", "/api/my/banks", b);
    $("bank-msg").textContent = "";
    $("new-bank").reset();
    await loadBanks();
    await openBank(b.bank);
  } catch (e) {
    $("bank-msg").textContent = e.message;
  }
}

async function importFile(ev) {
  const file = ev.target.files[0];
  if (!file) return;
  const format = /\.(ya?ml)$/i.test(file.name) ? "yaml" : /\.(md|markdown)$/i.test(file.name) ? "md" : "json";
  try {
    if (format === "json") {
      await createBank(null, JSON.parse(await file.text()));
    } else { // the server reads YAML and Markdown bank files (docs/bank-format.md)
      const res = await fetch(`/api/my/banks?format=${format}`, {
        method: "POST", headers: { Authorization: "Bearer " + auth.token }, body: await file.text() });
      const data = await res.json();
      if (!res.ok) throw new Error(data.message);
      await loadBanks();
      await openBank(data.bank);
    }
  } catch (e) {
    $("bank-msg").textContent = `${file.name}: ${e.message}`;
  }
  ev.target.value = "";
}

async function search(ev) {
  ev.preventDefault();
  const q = $("q").value.trim();
  if (!q) return;
  const shared = (await api("GET", `/api/questions?q=${encodeURIComponent(q)}&limit=10`)).questions;
  const words = q.toLowerCase().split(/\s+/);
  const mine = [];
  for (const b of state.banks) {
    const full = await api("GET", `/api/my/banks/${encodeURIComponent(b.bank)}`);
    for (const c of full.cards || []) {
      const text = [c.question, ...(c.aliases || []), ...(c.tags || [])].join(" ").toLowerCase();
      if (words.every((w) => text.includes(w))) mine.push({ ...c, bank: b.bank, yours: true });
    }
  }
  $("results").replaceChildren(...[...mine, ...shared].map((c) => el("li", {},
    c.question, " ", el("span", { class: "muted" }, c.yours ? `yours · ${c.bank}` : c.bank))));
}

if (!auth.token) {
  $("signin").hidden = false;
} else {
  $("editor").hidden = false;
  loadBanks().catch((e) => { $("bank-msg").textContent = e.message; });
  showRemembered($("remembered"), $("remembered-forget-all"), (e) => { $("bank-msg").textContent = e.message; })
    .catch((e) => { $("bank-msg").textContent = e.message; });
  $("new-bank").addEventListener("submit", createBank);
  $("import").addEventListener("change", importFile);
  $("card-new").addEventListener("click", () => editCard(null));
  $("card-cancel").addEventListener("click", () => { state.editing = null; drawBank(); });
  $("card-form").addEventListener("submit", saveCard);
  $("export").addEventListener("click", () => download(`${state.bank.bank}.json`,
    JSON.stringify(state.bank, null, 2), "application/json"));
  for (const [id, format, type] of [["export-yaml", "yaml", "application/yaml"], ["export-md", "md", "text/markdown"]]) {
    $(id).addEventListener("click", async () => download(`${state.bank.bank}.${format}`,
      await api("GET", `/api/my/banks/${encodeURIComponent(state.bank.bank)}?format=${format}`), type));
  }
  $("bank-duplicate").addEventListener("click", async () => {
    try {
      const copy = await api("POST", `/api/my/banks/${encodeURIComponent(state.bank.bank)}/duplicate`, {});
      await loadBanks();
      await openBank(copy.bank);
    } catch (e) {
      $("bank-msg").textContent = e.message;
    }
  });
  $("bank-retitle").addEventListener("click", async () => {
    const title = prompt("New title", state.bank.title || state.bank.bank);
    if (!title) return;
    try {
      await api("PUT", `/api/my/banks/${encodeURIComponent(state.bank.bank)}`, { ...state.bank, title });
      await loadBanks();
      await openBank(state.bank.bank);
    } catch (e) {
      $("bank-msg").textContent = e.message;
    }
  });
  $("bank-delete").addEventListener("click", async () => {
    if (!confirm(`Delete the bank "${state.bank.title || state.bank.bank}" and its cards?`)) return;
    await api("DELETE", `/api/my/banks/${encodeURIComponent(state.bank.bank)}`);
    state.bank = null;
    drawBank();
    await loadBanks();
  });
  $("search").addEventListener("submit", (ev) => search(ev).catch((e) => { $("bank-msg").textContent = e.message; }));
}
