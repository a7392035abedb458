// Partner console: joins one session from an invite link (no account), plays the interviewer,
// asks questions from the bank, watches coverage live, rates answers and leaves notes.
import { api, el } from "./lib/api.js";
import { Live } from "./lib/live.js";
import { Listening } from "./lib/listening.js";
import { applyCoverage, applyStage, renderCard, showNudge } from "./lib/card.js";
import { Drill } from "./lib/drill.js";

const $ = (id) => document.getElementById(id);
const token = new URLSearchParams(location.hash.slice(1)).get("invite");
let claims = null;
try {
  claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
} catch (e) {
  claims = null;
}

let live = null;
let drill = null;
let interimNode = null;

function setConn(text) {
  $("conn").className = "conn " + (text === "live" ? "on" : text.startsWith("reconnecting") || text === "connecting" ? "wait" : "off");
  $("conn").textContent = text;
}

function status(text) {
  $("status").textContent = text;
  setTimeout(() => { if ($("status").textContent === text) $("status").textContent = ""; }, 5000);
}

/** The cue on the partner's screen and its latest coverage and stage, kept so a follow-up can be drawn into it. */
let shown = { cue: null, coverage: null, stage: null };

function drawShown() {
  renderCard($("card"), shown.cue, { onAsk: (id) => live.ask(id) });
  applyCoverage($("card"), shown.coverage);
  applyStage($("card"), shown.stage);
}

function onMessage(m) {
  switch (m.type) {
    case "welcome":
      shown = { cue: m.cue, coverage: m.coverage, stage: m.stage };
      drawShown();
      break;
    case "cue": shown = { cue: m, coverage: null, stage: null }; drawShown(); if (drill) drill.onCue(m); break;
    case "followup":
      if (shown.cue && shown.cue.card.id === m.cardId) {
        shown.cue.followUp = m.followUp;
        drawShown();
      }
      break;
    case "coverage": shown.coverage = m; applyCoverage($("card"), m); break;
    case "stage": shown.stage = m; applyStage($("card"), m); break;
    case "nudge": showNudge($("card"), m); break;
    case "transcript": addLine(m); break;
    case "rating": status(`Rated ${m.score}/5`); break;
    case "note": status("Note saved"); break;
    case "error": status(m.message); if (drill) drill.onError(); break;
  }
}

function addLine(m) {
  if (interimNode && interimNode.dataset.speaker === m.speaker) {
    interimNode.remove();
    interimNode = null;
  }
  const li = el("li", { class: m.speaker + (m.final ? "" : " interim"), "data-speaker": m.speaker },
    el("span", { class: "who" }, m.speaker === "interviewer" ? "Interviewer" : "Candidate"), m.text);
  $("transcript").prepend(li);
  if (!m.final) interimNode = li;
}

async function loadBank() {
  const banks = await api("GET", "/api/banks", undefined, token);
  $("category").append(...banks.categories.map((c) => el("option", {}, c)));
  await search();
}

async function search() {
  const p = new URLSearchParams({ limit: "60" });
  if ($("q").value.trim()) p.set("q", $("q").value.trim());
  if ($("category").value) p.set("category", $("category").value);
  if ($("difficulty").value) p.set("difficulty", $("difficulty").value);
  const data = await api("GET", "/api/questions?" + p, undefined, token);
  $("questions").replaceChildren(...data.questions.map((q) => el("li", { "data-card-id": q.id },
    el("span", {}, q.question, " ", el("span", { class: "muted" }, `${q.category} · ${q.difficulty}`)),
    el("button", { class: "ask", onclick: () => live.ask(q.id) }, "Ask"))));
}

function start() {
  if (!claims || !claims.sid) {
    $("bad-invite").textContent = "This invite link is incomplete. Ask for a new one.";
    $("bad-invite").hidden = false;
    return;
  }
  if (claims.exp * 1000 < Date.now()) {
    $("bad-invite").textContent = "This invite has expired. Ask for a new one.";
    $("bad-invite").hidden = false;
    return;
  }
  $("console").hidden = false;
  renderCard($("card"), null);
  live = new Live({ sessionId: claims.sid, token, role: "partner", onMessage, onState: setConn });
  live.connect();
  drill = new Drill(live);
  window.cuecardDrill = drill; // for the browser tests
  loadBank().catch((e) => status(e.message));
}

let debounce = null;
$("filters").addEventListener("input", () => {
  clearTimeout(debounce);
  debounce = setTimeout(() => search().catch((e) => status(e.message)), 200);
});
$("filters").addEventListener("submit", (ev) => ev.preventDefault());
for (const b of document.querySelectorAll(".score")) {
  b.addEventListener("click", () => {
    const note = $("rate-note").value.trim();
    live.send({ type: "rate", score: Number(b.dataset.score), ...(note ? { note } : {}) });
    $("rate-note").value = "";
  });
}
$("drill").addEventListener("click", () => drill && drill.next());
$("note-form").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = $("note").value.trim();
  if (text) live.send({ type: "note", text });
  $("note").value = "";
});
$("say").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = $("text").value.trim();
  if (text) live.snippet("interviewer", text, true, true);
  $("text").value = "";
});
new Listening((speaker, text, final) => live && live.snippet(speaker, text, final), "interviewer").wire();
start();
