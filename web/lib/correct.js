// Review: a question that brought the wrong card, or only a fallback, is tied to the right card
// afterwards (POST /api/remembered), so your next sessions bring that card for those words.
// Plain ES module.
import { api, el } from "./api.js";

/** Fewer words ask too little to tie to one card (the server's rule: OwnCards.MIN_WORDS). */
const MIN_WORDS = 4;
const SOURCES = new Set(["match", "semantic", "fallback", "remembered", "yours"]);

/** Whether a timeline cue can be corrected: decided from the words heard, with enough of them. */
export function correctable(cue) {
  return SOURCES.has(cue.source) && typeof cue.heard === "string"
    && cue.heard.trim().split(/\s+/).length >= MIN_WORDS;
}

/** A "Wrong card?" button that opens a picker of the bank's nearest cards for the words heard. */
export function correction(cue) {
  const box = el("div", { class: "correction" });
  const open = el("button", { class: "secondary small", onclick: () => picker(cue, box) },
    cue.source === "fallback" ? "Which card was it?" : "Wrong card?");
  box.append(open);
  return box;
}

function picker(cue, box) {
  const results = el("ul", { class: "picks" });
  const status = el("p", { class: "muted", role: "status" });
  const input = el("input", { type: "search", value: cue.heard, "aria-label": "Search the bank for the right card" });
  let timer = null;
  const search = async () => {
    const q = input.value.trim();
    if (!q) { results.replaceChildren(); return; }
    try {
      const { questions } = await api("GET", `/api/questions?limit=6&q=${encodeURIComponent(q)}`);
      const picks = questions.filter((c) => c.id !== cue.cardId).slice(0, 5);
      results.replaceChildren(...(picks.length ? picks.map((c) => el("li", {},
        el("button", { class: "secondary", "data-card-id": c.id, onclick: () => pick(cue, c, box) }, c.question)))
        : [el("li", { class: "muted" }, "No card found for these words.")]));
    } catch (e) {
      status.textContent = e.message;
    }
  };
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 250); });
  box.replaceChildren(el("p", {}, "Which card was it? Your next sessions will bring it for “", cue.heard, "”."),
    input, results, status);
  search();
}

async function pick(cue, card, box) {
  try {
    const w = await api("POST", "/api/remembered", { heard: cue.heard, cardId: card.id });
    box.replaceChildren(el("p", { class: "remembered-note" },
      `Remembered: “${w.wording}” now brings “${w.question}”. Listed under Banks, where you can forget it.`));
  } catch (e) {
    box.append(el("p", { class: "error" }, e.message));
  }
}
