// Review: past sessions, a timeline per session with the cards shown, per-answer coverage,
// structure, pace, fillers and partner ratings, a chart across sessions, search and export.
import { api, auth, download, el, when } from "./lib/api.js";
import { correctable, correction } from "./lib/correct.js";

const $ = (id) => document.getElementById(id);
const SVG = "http://www.w3.org/2000/svg";
let sessions = [];

function pct(x) { return Math.round(x * 100) + "%"; }

async function load() {
  if (!auth.token) {
    $("signin").hidden = false;
    return;
  }
  $("review").hidden = false;
  sessions = (await api("GET", "/api/sessions")).sessions;
  $("session-list").replaceChildren(...sessions.map((s) => el("li", { "data-session-id": s.id },
    el("a", { href: "#" + s.id }, s.title), " ", el("span", { class: "when" }, when(s.createdAt)))));
  chart().catch(() => {});
  drills().catch(() => {});
  if (location.hash.length > 1) openSession(location.hash.slice(1));
}

async function chart() {
  const recent = sessions.slice(0, 20).reverse();
  const summaries = await Promise.all(recent.map((s) => api("GET", `/api/sessions/${s.id}/summary`)));
  const points = summaries.filter((s) => s.totals.answers > 0).map((s) => ({
    title: s.title, coverage: s.totals.averageCoverage, fillers: s.totals.fillers / s.totals.answers }));
  const box = $("chart");
  box.replaceChildren();
  if (!points.length) {
    box.append(el("p", { class: "muted" }, "No answers recorded yet."));
    return;
  }
  const w = 320, h = 120, step = w / points.length, maxF = Math.max(5, ...points.map((p) => p.fillers));
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.setAttribute("class", "chart");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", "Coverage and fillers across sessions");
  let line = "";
  points.forEach((p, i) => {
    const bar = document.createElementNS(SVG, "rect");
    bar.setAttribute("x", i * step + 2);
    bar.setAttribute("width", Math.max(2, step - 4));
    bar.setAttribute("y", h - p.coverage * h);
    bar.setAttribute("height", p.coverage * h);
    bar.setAttribute("class", "bar");
    const t = document.createElementNS(SVG, "title");
    t.textContent = `${p.title}: coverage ${pct(p.coverage)}, ${p.fillers.toFixed(1)} fillers per answer`;
    bar.append(t);
    svg.append(bar);
    line += `${i ? "L" : "M"}${i * step + step / 2},${h - (p.fillers / maxF) * h} `;
  });
  const path = document.createElementNS(SVG, "path");
  path.setAttribute("d", line);
  path.setAttribute("class", "line");
  svg.append(path);
  box.append(svg);
}

/** The next drill cards and the coverage per topic per week. */
async function drills() {
  const next = (await api("GET", "/api/drills?limit=5")).next;
  $("drill-next").replaceChildren(...next.map((d) => el("li", {}, d.question, " ",
    el("span", { class: "muted" }, `${d.due ? "due now" : "due " + when(d.dueAt)} · last ${pct(d.lastCoverage)}`
      + (d.lastRating ? ` · rated ${d.lastRating}/5` : "")))));
  const topics = (await api("GET", "/api/drills/progress")).topics;
  const weeks = [...new Set(topics.flatMap((t) => t.weeks.map((w) => w.week)))].sort((a, b) => a - b).slice(-6);
  if (!topics.length) {
    $("progress").replaceChildren(el("caption", {}, "No answers yet."));
    return;
  }
  const head = el("tr", {}, el("th", {}, "Topic"),
    ...weeks.map((w) => el("th", {}, "week of " + new Date(w).toISOString().slice(5, 10))));
  const rows = topics.map((t) => el("tr", {}, el("td", {}, t.category), ...weeks.map((w) => {
    const cell = t.weeks.find((x) => x.week === w);
    return el("td", { title: cell ? `${cell.answers} answers` : "" }, cell ? pct(cell.averageCoverage) : "");
  })));
  $("progress").replaceChildren(el("caption", {}, "Average coverage per topic"), head, ...rows);
}

async function openSession(id) {
  const [summary, transcript] = await Promise.all([
    api("GET", `/api/sessions/${id}/summary`), api("GET", `/api/sessions/${id}/transcript`)]);
  const t = summary.totals;
  const d = $("detail");
  d.replaceChildren(
    el("div", { class: "row between" }, el("h2", {}, summary.title),
      el("span", { class: "row" },
        el("button", { class: "secondary", id: "export-md", onclick: () => exportAs(id, "md") }, "Export Markdown"),
        el("button", { class: "secondary", id: "export-json", onclick: () => exportAs(id, "json") }, "Export JSON"),
        el("button", { class: "secondary danger", id: "delete", onclick: () => remove(id) }, "Delete"))),
    el("p", { class: "muted" }, when(summary.createdAt)),
    el("dl", { class: "totals" },
      el("dt", {}, "Questions"), el("dd", {}, t.questionsAsked),
      el("dt", {}, "Follow-ups"), el("dd", {}, t.followUps ?? 0),
      el("dt", {}, "Answers"), el("dd", {}, t.answers),
      el("dt", {}, "Average coverage"), el("dd", { id: "avg-coverage" }, pct(t.averageCoverage)),
      el("dt", {}, "Pace"), el("dd", {}, t.averageWordsPerMinute ? `${t.averageWordsPerMinute} words/min` : "–"),
      el("dt", {}, "Fillers"), el("dd", {}, t.fillers),
      el("dt", {}, "You talked"), el("dd", {}, pct(t.talk.candidateShare) + " of the words"),
      el("dt", {}, "Partner rating"), el("dd", {}, t.averageRating === null ? "–" : `${t.averageRating} / 5`)),
    el("pre", { id: "export", hidden: true }),
    el("h3", {}, "Answers"),
    el("ol", { class: "answers" }, summary.answers.map(answerItem)),
    el("h3", {}, "Timeline"),
    el("ol", { class: "timeline" }, transcript.items.map((i) => timelineItem(i, id))));
  for (const li of document.querySelectorAll("#session-list li")) {
    li.classList.toggle("active", li.dataset.sessionId === id);
  }
}

/** The answers, the chart and the drills again, after a correction scored an answer against another card. */
async function refreshAnswers(id) {
  const summary = await api("GET", `/api/sessions/${id}/summary`);
  const list = document.querySelector("#detail .answers");
  if (list) list.replaceChildren(...summary.answers.map(answerItem));
  $("avg-coverage").textContent = pct(summary.totals.averageCoverage);
  await Promise.all([chart(), drills()]);
}

/** What your own story and your own answer points added to an answer (only you see the review). */
function ownItem(own) {
  if (!own) return null;
  const part = (label, x) => x && el("div", { class: "own" },
    el("p", { class: "muted" }, `${label}: ${x.covered} of ${x.total} said`),
    el("ul", { class: "points" }, x.points.map((p) => el("li", { class: p.covered ? "covered" : "missed" },
      p.part === "mine" ? p.text : `${p.part}: ${p.text}`))));
  return el("div", {}, part(own.story ? `Your story "${own.story.title}"` : "", own.story),
    part("Your own points", own.mine));
}

function answerItem(a) {
  return el("li", { class: "answer", "data-card-id": a.cardId },
    el("p", { class: "question" }, a.question,
      a.correctedFrom ? el("span", { class: "muted" }, " (corrected after the session)") : null),
    el("p", { class: "muted" }, `coverage ${pct(a.coverage)} · ${a.words} words · `
      + `${a.wordsPerMinute || "–"} words/min · ${a.fillers} fillers · structure: ${a.structure.join(" → ") || "–"}`),
    el("ul", { class: "points" },
      a.covered.map((p) => el("li", { class: "covered" }, p)),
      a.missed.map((p) => el("li", { class: "missed" }, p))),
    ownItem(a.own),
    a.nudges.length ? el("p", { class: "muted" }, "Nudges: " + a.nudges.map((n) => n.text).join(" · ")) : null,
    a.ratings.map((r) => el("p", { class: "rating" }, `Partner: ${r.score}/5`, r.note ? ` — ${r.note}` : "")));
}

function timelineItem(i, sessionId) {
  if (i.kind === "utterance") {
    return el("li", { class: i.speaker + (i.echoOf ? " echo" : "") },
      el("span", { class: "who" }, i.speaker === "interviewer" ? "Interviewer" : "Candidate"), i.text,
      i.echoOf ? el("span", { class: "merged" }, `echo of the ${i.echoOf}, merged`) : null);
  }
  if (i.kind === "cue") {
    return el("li", { class: "cue", "data-card-id": i.cardId }, "Card: ", i.question,
      correctable(i) ? correction(i, sessionId, () => refreshAnswers(sessionId)) : null);
  }
  if (i.kind === "followup") return el("li", { class: "cue followup" }, "Follow-up: ", i.question);
  if (i.kind === "rating") return el("li", { class: "rating" }, `Partner rating ${i.score}/5`, i.note ? ` — ${i.note}` : "");
  return el("li", { class: "note" }, "Note: ", i.text);
}

async function exportAs(id, format) {
  const text = format === "md"
    ? await api("GET", `/api/sessions/${id}/transcript?format=md`)
    : JSON.stringify({
      summary: await api("GET", `/api/sessions/${id}/summary`),
      transcript: await api("GET", `/api/sessions/${id}/transcript`),
    }, null, 2);
  $("export").textContent = text;
  $("export").hidden = false;
  download(`cuecard-${id}.${format}`, text, format === "md" ? "text/markdown" : "application/json");
}

async function remove(id) {
  if (!confirm("Delete this session and its transcript for good?")) return;
  await api("DELETE", `/api/sessions/${id}`);
  location.hash = "";
  $("detail").replaceChildren(el("p", { class: "muted" }, "Session deleted."));
  await load();
}

$("search-form").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const q = $("search").value.trim();
  if (!q) return;
  const data = await api("GET", "/api/search?q=" + encodeURIComponent(q));
  $("results").replaceChildren(...(data.results.length ? data.results.map((r) => el("li", {},
    el("a", { href: "#" + r.sessionId }, r.title), ": ", el("span", { class: "who" }, r.speaker), " ", r.text))
    : [el("li", { class: "muted" }, "No matches.")]));
});
window.addEventListener("hashchange", () => { if (location.hash.length > 1) openSession(location.hash.slice(1)); });
load().catch((e) => { $("detail").textContent = e.message; });
