// Rendering of the cue card with live coverage ticks, the answer stage and fading nudges.
import { el } from "./api.js";

/**
 * Draws a cue. A fallback (no card answered the question with confidence) shows the question as
 * heard, the structure for its kind and the nearest cards; a card shows the next cards of its
 * ranking ("Not this one?"), in case it is not the question asked; `onAsk(cardId)` brings one up,
 * and `numberKeys` numbers them for the keys 1-3 that do the same.
 */
export function renderCard(root, cue, { compact = false, onAsk = null, numberKeys = false } = {}) {
  root.replaceChildren();
  if (!cue) {
    root.className = "card empty";
    root.removeAttribute("data-card-id");
    root.append(el("p", { class: "hint" }, "Type or say what the interviewer asks. The matching cue card shows up here."));
    return;
  }
  const c = cue.card;
  root.className = cue.fallback ? "card fallback" : "card";
  root.dataset.cardId = c.id;
  if (cue.fallback) {
    root.append(el("p", { class: "fallback-note" }, "No card for this question yet: answer with this structure."));
  }
  root.append(el("p", { class: "question" }, c.question));
  if (!cue.fallback) root.append(el("p", { class: "heard" }, `Heard: “${cue.heard}”`)); // a fallback's question is what was heard
  if (cue.source === "remembered") {
    // the owner's correction, made by them or their partner; the owner manages them under Banks
    root.append(el("p", { class: "muted remembered-note" },
      "Remembered: words like these were corrected to this card before (listed under Banks)."));
  }
  if (!cue.fallback && cue.alternatives && cue.alternatives.length) root.append(alternatives(cue.alternatives, onAsk, numberKeys));
  if (cue.followUp) root.append(followUpBox(cue.followUp, onAsk));
  root.append(el("ol", { class: "steps" }, c.steps.map((s) => el("li", { "data-step": s }, s))));
  if (c.keyPoints.length) {
    root.append(el("h4", {}, "Cover"),
      el("ul", { class: "points" }, c.keyPoints.map((k, i) => el("li", { "data-index": i }, k.text))));
  }
  if (cue.fallback && cue.related && cue.related.length) {
    // nearest first: the closest is often the card that answers it
    root.append(el("h4", {}, "Related cards"), el("ul", { class: "related" }, cue.related.map((r, i) => el("li",
      i === 0 ? { class: "closest" } : {}, numbered(i, r, onAsk, numberKeys)))));
  }
  if (c.clarify) root.append(el("h4", {}, "Ask first"), el("p", { class: "clarify" }, c.clarify));
  if (c.opening) root.append(answerHelp(c));
  root.append(el("div", { class: "nudges", "aria-live": "assertive" }));
  if (!compact) {
    root.append(el("h4", {}, "Remember"), el("ul", { class: "reminders" }, c.reminders.map((r) => el("li", {}, r))));
    if (c.followUps.length) {
      root.append(el("h4", {}, "Likely follow-ups"), el("ul", { class: "followups" }, c.followUps.map((f) => el("li", {}, f))));
    }
  }
}

/** The next cards of a card's ranking, one click each: the card shown may be a neighbour of the one asked. */
function alternatives(cards, onAsk, numberKeys) {
  return el("p", { class: "alternatives" }, "Not this one? ",
    ...cards.flatMap((r, i) => [i > 0 ? " · " : "", numbered(i, r, onAsk, numberKeys)]));
}

/** A nearby card, numbered for its key when there are keys, and a button that brings it up when asking is possible. */
function numbered(i, r, onAsk, numberKeys) {
  const label = numberKeys ? [el("kbd", {}, String(i + 1)), " ", r.question] : [r.question];
  return onAsk ? el("button", { type: "button", class: "link", "data-card-id": r.id, onclick: () => onAsk(r.id) }, label)
    : el("span", { "data-card-id": r.id }, label);
}

/**
 * Words to begin with for a candidate who freezes: an opening line and the card's model answer,
 * collapsed so the card is not read as a script; the `a` key (or a click) opens it.
 */
function answerHelp(c) {
  const help = el("details", { class: "answer-help" },
    el("summary", {}, "Stuck? Opening line and model answer (a)"),
    el("p", { class: "opening" }, c.opening));
  if (c.answer) help.append(el("p", { class: "model-answer" }, c.answer));
  return help;
}

/** Opens or closes the card's opening line and model answer; returns whether it is open now. */
export function toggleAnswerHelp(root) {
  const help = root.querySelector("details.answer-help");
  if (!help) return false;
  help.open = !help.open;
  return help.open;
}

/**
 * A follow-up the interviewer asked about the card on screen: what was heard, what kind of
 * follow-up it is, and pointers for answering it; a follow-up that has a card of its own links to it.
 */
function followUpBox(f, onAsk) {
  const box = el("section", { class: "followup", "data-kind": f.kind, "aria-live": "polite" },
    el("h4", {}, `Follow-up: “${f.heard}”`),
    el("p", { class: "followup-label" }, f.listed ? `${f.label}: ${f.listed}` : f.label),
    el("ul", { class: "followup-points" }, f.pointers.map((p) => el("li", {}, p))));
  if (f.linked && onAsk) {
    box.append(el("button", { type: "button", class: "link", onclick: () => onAsk(f.linked.id) },
      `Open the card: ${f.linked.question}`));
  }
  return box;
}

export function applyCoverage(root, coverage) {
  if (!coverage || root.dataset.cardId !== coverage.cardId) return;
  for (const p of coverage.points) {
    const li = root.querySelector(`.points li[data-index="${p.index}"]`);
    if (li) li.classList.toggle("covered", p.covered);
  }
}

export function applyStage(root, stage) {
  if (!stage || root.dataset.cardId !== stage.cardId) return;
  for (const li of root.querySelectorAll(".steps li")) {
    li.classList.toggle("reached", stage.reached.includes(li.dataset.step));
    li.classList.toggle("current", li.dataset.step === stage.stage);
  }
}

export function showNudge(root, nudge) {
  const box = root.querySelector(".nudges");
  if (!box) return;
  const n = el("p", { class: "nudge", title: nudge.reason, "data-kind": nudge.kind }, nudge.text);
  box.append(n);
  setTimeout(() => n.classList.add("fading"), 8000);
  setTimeout(() => n.remove(), 10000);
}
