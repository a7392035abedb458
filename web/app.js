// Cuecard overlay: sign in, start a session, send what is said (mic or typing), and follow the
// cue card with live coverage, stage and nudges. Plain ES modules, no build step.
import { api, auth, downloadFrom, el, when } from "./lib/api.js";
import { Live } from "./lib/live.js";
import { Listening } from "./lib/listening.js";
import { applyCoverage, applyStage, renderCard, showNudge, toggleAnswerHelp } from "./lib/card.js";
import { StoryEditor, StoryPanel } from "./lib/stories.js";
import { MinePanel } from "./lib/mine.js";
import { Drill } from "./lib/drill.js";

const $ = (id) => document.getElementById(id);
const storyPanel = new StoryPanel($("my-stories"), {
  pin: (storyId) => state.live && state.live.send({ type: "pin", storyId }),
});
const storyEditor = new StoryEditor($("story-editor"));
const minePanel = new MinePanel($("my-answer"), { reload: () => state.live && state.live.send({ type: "mine" }) });

const state = {
  session: null,
  live: null,
  cards: [], // cue history of this visit
  pos: -1, // which history entry is shown
  pinned: false,
  coverage: new Map(), // cardId -> last coverage
  stage: new Map(),
  interim: new Map(), // speaker -> the line of their utterance still being heard
};

function show(section) {
  for (const id of ["auth", "sessions", "live"]) $(id).hidden = id !== section;
  // the account on this computer has no password to change
  $("password-form").hidden = auth.user === "local";
  $("signout").hidden = section === "auth";
  $("review-link").hidden = section === "auth";
  $("banks-link").hidden = section === "auth";
  $("who").textContent = section === "auth" ? "" : auth.user || "";
}

function setConn(text) {
  const c = $("conn");
  c.className = "conn " + (text === "live" ? "on" : text.startsWith("reconnecting") || text === "connecting" ? "wait" : "off");
  const pending = state.live ? state.live.pending : 0;
  c.textContent = pending && text !== "live" ? `${text} (${pending} unsent)` : text;
}

// ---- auth

async function authenticate(path) {
  $("auth-error").textContent = "";
  const body = { username: $("username").value, password: $("password").value };
  if ($("signup-code").value.trim()) body.signupCode = $("signup-code").value.trim();
  try {
    const data = await api("POST", path, body, null);
    auth.set(data.token, data.user.username);
    $("password").value = "";
    await listSessions();
  } catch (e) {
    if (e.code === "signup_code_required" || e.code === "invalid_signup_code") {
      $("code-row").hidden = false;
      $("code-help").hidden = false;
    }
    $("auth-error").textContent = e.message;
  }
}

// ---- the account on this computer (loopback servers only)

/** Offers "Use Cuecard on this computer" when the server does; a #local=<key> link signs in at once. */
async function offerLocal() {
  const key = new URLSearchParams(location.hash.slice(1)).get("local");
  const status = await api("GET", "/api/auth/local", undefined, null).catch(() => ({ available: false }));
  if (!status.available) return;
  if (key) {
    history.replaceState(null, "", location.pathname); // the key does not stay in the address bar
    return useLocal(key);
  }
  if (!auth.token) {
    $("local-box").hidden = false;
    $("local-help").hidden = !status.keyNeeded;
    $("use-local").hidden = status.keyNeeded;
  }
}

async function useLocal(key) {
  try {
    const data = await api("POST", "/api/auth/local", key ? { key } : {}, null);
    auth.set(data.token, data.user.username);
    await listSessions();
  } catch (e) {
    $("auth-error").textContent = e.message;
  }
}

/** Signs out here; the token stops working on the server too (best effort when offline). */
function signOut() {
  const token = auth.token;
  leaveSession();
  auth.clear();
  setConn("offline");
  show("auth");
  if (token) api("POST", "/api/auth/logout", undefined, token).catch(() => {});
}

function onLiveState(text) {
  setConn(text);
  if (text === "signed out") { // the token was revoked: a password change or "sign out everywhere"
    leaveSession();
    auth.clear();
    show("auth");
    $("auth-error").textContent = "You were signed out (password changed or signed out on another device).";
  }
}

// ---- account

function accountMessage(text) {
  $("account-msg").textContent = text;
}

async function changePassword(ev) {
  ev.preventDefault();
  const data = await api("PUT", "/api/me/password", { currentPassword: $("pw-current").value, newPassword: $("pw-new").value });
  auth.set(data.token, data.user.username);
  $("pw-current").value = "";
  $("pw-new").value = "";
  accountMessage("Password changed; every other sign-in has ended.");
}

async function signOutEverywhere() {
  await api("POST", "/api/auth/logout-all");
  auth.clear();
  show("auth");
  $("auth-error").textContent = "Signed out on every device.";
}

async function deleteAccount(ev) {
  ev.preventDefault();
  if (!confirm("Delete your account and every session, transcript and note in it? This cannot be undone.")) return;
  await api("DELETE", "/api/me", auth.user === "local" ? {} : { password: $("delete-pw").value });
  auth.clear();
  show("auth");
  $("auth-error").textContent = "Your account and all its data were deleted.";
}

// ---- sessions

async function listSessions() {
  leaveSession();
  show("sessions");
  storyEditor.load().catch((e) => { $("story-editor").textContent = e.message; });
  const data = await api("GET", "/api/sessions");
  $("session-list").replaceChildren(...data.sessions.map((s) => el("li", {},
    el("span", {}, s.title + " ", el("span", { class: "when" }, when(s.createdAt))),
    el("span", { class: "row" },
      el("a", { href: `review.html#${s.id}` }, "Review"),
      el("button", { class: "secondary", onclick: () => openSession(s) }, "Open")))));
}

async function startSession(ev) {
  ev.preventDefault();
  const title = $("title").value.trim();
  const s = await api("POST", "/api/sessions", title ? { title } : {});
  $("title").value = "";
  openSession(s);
}

function openSession(s) {
  Object.assign(state, { session: s, cards: [], pos: -1, pinned: false });
  state.interim.clear();
  state.coverage.clear();
  state.stage.clear();
  $("session-title").textContent = s.title;
  $("transcript").replaceChildren();
  $("invite-box").hidden = true;
  storyPanel.clear();
  minePanel.cardChanged(null);
  drawCard();
  show("live");
  state.live = new Live({ sessionId: s.id, token: auth.token, onMessage, onState: onLiveState });
  state.live.connect();
  state.drill = new Drill(state.live);
  $("text").focus();
}

function leaveSession() {
  if (state.live) state.live.close();
  state.live = null;
  listening.stopAll();
}

// ---- live messages

function onMessage(m) {
  switch (m.type) {
    case "welcome":
      if (m.cue && !state.cards.some((c) => c.card.id === m.cue.card.id)) addCue(m.cue);
      if (m.coverage) onCoverage(m.coverage);
      if (m.stage) onStage(m.stage);
      if (m.stories) storyPanel.onStories(m.stories);
      if (m.story) storyPanel.onStory(m.story);
      if (m.mine) minePanel.onMine(m.mine);
      break;
    case "mine": minePanel.onMine(m); break;
    case "stories": storyPanel.onStories(m); break;
    case "story": storyPanel.onStory(m); break;
    case "transcript": addLine(m); break;
    case "cue": addCue(m); if (state.drill) state.drill.onCue(m); break;
    case "followup": onFollowUp(m); break;
    case "coverage": onCoverage(m); break;
    case "stage": onStage(m); break;
    case "nudge": if (current() && current().card.id === m.cardId) showNudge($("card"), m); break;
    case "error":
      if (state.drill) state.drill.onError();
      $("live-error").textContent = m.message;
      setTimeout(() => { $("live-error").textContent = ""; }, 6000);
      break;
  }
}

function current() { return state.cards[state.pos]; }

function addCue(cue) {
  storyPanel.cardChanged(cue.card.id);
  minePanel.cardChanged(cue.card.id);
  state.cards.push(cue);
  if (!state.pinned) state.pos = state.cards.length - 1;
  drawCard();
}

/** A follow-up goes inside the card it follows up (the latest cue of that card). */
function onFollowUp(m) {
  const cue = [...state.cards].reverse().find((c) => c.card.id === m.cardId);
  if (!cue) return;
  cue.followUp = m.followUp;
  if (current() === cue) drawCard();
}

function onCoverage(c) {
  state.coverage.set(c.cardId, c);
  applyCoverage($("card"), c);
}

function onStage(s) {
  state.stage.set(s.cardId, s);
  applyStage($("card"), s);
}

function drawCard(dismissed = false) {
  const cue = dismissed ? null : current();
  renderCard($("card"), cue, { onAsk: (id) => state.live && state.live.ask(id), numberKeys: true });
  if (cue) {
    applyCoverage($("card"), state.coverage.get(cue.card.id));
    applyStage($("card"), state.stage.get(cue.card.id));
  }
  $("card-pos").textContent = state.cards.length ? `card ${state.pos + 1} of ${state.cards.length}` : "";
  $("pinned").hidden = !state.pinned;
  $("newer").hidden = state.pos >= state.cards.length - 1;
}

const WHO = { interviewer: "Interviewer", candidate: "You" };

/** A transcript line; an utterance still being heard is one line, replaced as it grows, per speaker. */
function addLine(m) {
  const before = state.interim.get(m.speaker);
  if (before) before.remove();
  state.interim.delete(m.speaker);
  const cls = [m.speaker, m.final ? "" : "interim", m.echoOf ? "echo" : ""].join(" ").trim();
  const li = el("li", { class: cls, "data-speaker": m.speaker },
    el("span", { class: "who" }, WHO[m.speaker]), m.text);
  if (m.echoOf) {
    // the other speaker's words heard again (the call carrying your voice back, or the interviewer in your mic)
    li.append(el("span", { class: "merged", title: "Heard on both channels: kept once, as the other speaker's" },
      `echo of ${m.echoOf === "candidate" ? "you" : "the interviewer"}, merged`));
  }
  $("transcript").prepend(li);
  if (!m.final) state.interim.set(m.speaker, li);
}

// ---- input: typing, the mic and the call tab, keys

const listening = new Listening((speaker, text, final) => state.live && state.live.snippet(speaker, text, final));

function onKey(ev) {
  if ($("live").hidden || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName);
  if (ev.key === "Escape") {
    if (typing) document.activeElement.blur();
    else drawCard(true);
    return;
  }
  if (typing) return;
  if (ev.key === "/") { ev.preventDefault(); $("text").focus(); }
  else if (ev.key === "n" && state.pos < state.cards.length - 1) { state.pos++; drawCard(); }
  else if (ev.key === "p" && state.pos > 0) { state.pos--; drawCard(); }
  else if (ev.key === "a") toggleAnswerHelp($("card"));
  else if (ev.key === ".") { state.pinned = !state.pinned; if (!state.pinned) state.pos = state.cards.length - 1; drawCard(); }
  else if (["1", "2", "3"].includes(ev.key)) askNearby(Number(ev.key) - 1);
}

/** Brings up the card's i-th alternative, or the fallback's i-th related card (keys 1-3, as numbered on the card). */
function askNearby(i) {
  const cue = current();
  const near = cue && (cue.fallback ? cue.related : cue.alternatives);
  if (near && near[i] && state.live) state.live.ask(near[i].id);
}

async function invite() {
  const inv = await api("POST", `/api/sessions/${state.session.id}/invites`, {});
  $("invite-url").value = new URL(inv.url, location.href).href;
  $("invite-box").hidden = false;
  $("invite-url").select();
}

// Document Picture-in-Picture: keep the card in a small always-on-top window (Chromium).
async function popOut() {
  const pip = await window.documentPictureInPicture.requestWindow({ width: 420, height: 560 });
  for (const sheet of document.styleSheets) {
    const link = pip.document.createElement("link");
    link.rel = "stylesheet";
    link.href = sheet.href;
    pip.document.head.append(link);
  }
  const wrap = $("card-wrap");
  pip.document.body.append(wrap);
  pip.addEventListener("pagehide", () => $("say").before(wrap));
}

// ---- wiring

$("auth-form").addEventListener("submit", (ev) => { ev.preventDefault(); authenticate("/api/auth/login"); });
$("register").addEventListener("click", () => { if ($("auth-form").reportValidity()) authenticate("/api/auth/register"); });
$("signout").addEventListener("click", signOut);
$("password-form").addEventListener("submit", (ev) => changePassword(ev).catch((e) => accountMessage(e.message)));
$("export").addEventListener("click", () => downloadFrom("/api/me/export", `cuecard-${auth.user}.zip`)
  .then(() => accountMessage("Your data was downloaded as a zip archive."))
  .catch((e) => accountMessage(e.message)));
$("signout-all").addEventListener("click", () => signOutEverywhere().catch((e) => accountMessage(e.message)));
$("delete-start").addEventListener("click", () => {
  $("delete-form").hidden = false;
  $("delete-pw").closest("label").hidden = auth.user === "local";
  $("delete-pw").required = auth.user !== "local";
  if (auth.user !== "local") $("delete-pw").focus();
});
$("use-local").addEventListener("click", () => useLocal(null));
$("delete-form").addEventListener("submit", (ev) => deleteAccount(ev).catch((e) => accountMessage(e.message)));
$("new-session").addEventListener("submit", (ev) => startSession(ev).catch((e) => alert(e.message)));
$("leave").addEventListener("click", () => listSessions().catch((e) => alert(e.message)));
$("invite").addEventListener("click", () => invite().catch((e) => alert(e.message)));
$("drill").addEventListener("click", () => {
  if (!state.drill) return;
  state.drill.next();
  // then listen for the answer: the mic as you, through the usual on-device / cloud decision
  $("speaker").value = "candidate";
  listening.label();
  if (!listening.mic.on && !$("listen-buttons").hidden) listening.startMic().catch(() => {});
});
$("copy-invite").addEventListener("click", () => navigator.clipboard.writeText($("invite-url").value));
$("say").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = $("text").value.trim();
  if (!text || !state.live) return;
  state.live.snippet($("speaker").value, text, true, true);
  $("text").value = "";
});
document.addEventListener("keydown", onKey);
listening.wire();
if ("documentPictureInPicture" in window) {
  $("popout").hidden = false;
  $("popout").addEventListener("click", () => popOut().catch((e) => alert(e.message)));
}

window.cuecard = state; // a handle for debugging from the console (and the browser tests)

if (auth.token && !location.hash.includes("local=")) listSessions().catch(() => show("auth"));
else show("auth");
offerLocal();
window.addEventListener("hashchange", offerLocal); // the start-up link opened in a tab already showing Cuecard
