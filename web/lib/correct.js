// Review: a question that brought the wrong card, or only a fallback, is put right afterwards
// (POST /api/sessions/{id}/corrections): your answer to it is scored against the right card, and
// your next sessions bring that card for those words. Plain ES module.
import { api, el } from "./api.js";

/** Fewer words ask too little to tie to one card (the server's rule: OwnCards.MIN_WORDS). */
const MIN_WORDS = 4;
const SOURCES = new Set(["match", "semantic", "fallback", "remembered", "yours"]);

/** Whether a timeline cue can be corrected: decided from the words heard, with enough of them. */
export function correctable(cue) {
  return SOURCES.has(cue.source) && typeof cue.heard === "string"
    && cue.heard.trim().split(/\s+/).length >= MIN_WORDS;
}

/**
 * A "Wrong card?" button that opens a picker of the bank's nearest cards for the words heard;
 * `corrected` runs once one is picked (to show the answer's new coverage).
 */
export function correction(cue, sessionId, corrected) {
  const box = el("div", { class: "correction" });
  const open = el("button", { class: "secondary small", onclick: () => picker(cue, box, sessionId, corrected) },
    cue.source === "fallback" ? "Which card was it?" : "Wrong card?");
  box.append(open);
  return box;
}

function picker(cue, box, sessionId, corrected) {
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
        el("button", { class: "secondary", "data-card-id": c.id, onclick: () => pick(cue, c, box, sessionId, corrected) }, c.question)))
        : [el("li", { class: "muted" }, "No card found for these words.")]));
    } catch (e) {
      status.textContent = e.message;
    }
  };
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 250); });
  box.replaceChildren(el("p", {}, "Which card was it? Your answer is scored against it, and your next sessions bring it for “",
    cue.heard, "”."),
    input, results, status);
  search();
}

async function pick(cue, card, box, sessionId, corrected) {
  try {
    const r = await api("POST", `/api/sessions/${sessionId}/corrections`, { shownAt: cue.at, cardId: card.id });
    const answer = r.answers[0];
    box.replaceChildren(el("p", { class: "remembered-note" },
      r.remembered ? `Remembered: “${r.remembered.wording}” now brings “${card.question}”. Listed under Banks, where you can forget it.`
        : `Corrected to “${card.question}”.`,
      answer ? ` Your answer is now scored against it: ${Math.round(answer.coverage * 100)}% of its points.` : ""));
    if (corrected) await corrected();
  } catch (e) {
    box.append(el("p", { class: "error" }, e.message));
  }
}
