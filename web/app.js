// Cuecard overlay: sign in, start a session, send what is said, show the cue card.
// Plain ES module, no build step. All text from the server is inserted with textContent.

const $ = (id) => document.getElementById(id);
const store = window.localStorage;

const state = {
  token: store.getItem("cuecard.token"),
  user: store.getItem("cuecard.user"),
  session: null,
  ws: null,
  seq: 0,
  unacked: new Map(), // seq -> snippet message, re-sent after a reconnect
  retry: 0,
  closing: false,
  interimNode: null,
};

function show(section) {
  for (const id of ["auth", "sessions", "live"]) $(id).hidden = id !== section;
  $("signout").hidden = section === "auth";
  $("who").textContent = section === "auth" ? "" : state.user || "";
}

function setConn(kind, text) {
  const c = $("conn");
  c.className = "conn " + kind;
  c.textContent = text;
}

async function api(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  if (state.token) headers.Authorization = "Bearer " + state.token;
  const res = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  const data = text ? JSON.parse(text) : null;
  if (res.status === 401 && state.token) {
    signOut();
    throw new Error("Your sign-in expired; please sign in again.");
  }
  if (!res.ok) throw new Error((data && data.message) || res.statusText);
  return data;
}

// ---- auth

async function authenticate(path) {
  $("auth-error").textContent = "";
  try {
    const data = await api("POST", path, { username: $("username").value, password: $("password").value });
    state.token = data.token;
    state.user = data.user.username;
    store.setItem("cuecard.token", state.token);
    store.setItem("cuecard.user", state.user);
    $("password").value = "";
    await listSessions();
  } catch (e) {
    $("auth-error").textContent = e.message;
  }
}

function signOut() {
  disconnect();
  state.token = null;
  state.user = null;
  store.removeItem("cuecard.token");
  store.removeItem("cuecard.user");
  setConn("off", "offline");
  show("auth");
}

// ---- sessions

async function listSessions() {
  disconnect();
  show("sessions");
  const list = $("session-list");
  list.replaceChildren();
  const data = await api("GET", "/api/sessions");
  for (const s of data.sessions) {
    const li = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = s.title + " ";
    const when = document.createElement("span");
    when.className = "when";
    when.textContent = new Date(s.createdAt).toLocaleString();
    name.append(when);
    const open = document.createElement("button");
    open.className = "secondary";
    open.textContent = "Open";
    open.addEventListener("click", () => openSession(s));
    li.append(name, open);
    list.append(li);
  }
}

async function startSession(ev) {
  ev.preventDefault();
  const title = $("title").value.trim();
  const s = await api("POST", "/api/sessions", title ? { title } : {});
  $("title").value = "";
  openSession(s);
}

function openSession(s) {
  state.session = s;
  state.seq = 0;
  state.unacked.clear();
  $("session-title").textContent = s.title;
  $("transcript").replaceChildren();
  renderCard(null);
  show("live");
  connect();
  $("text").focus();
}

// ---- live socket

function connect() {
  state.closing = false;
  setConn("wait", "connecting");
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const url = `${scheme}://${location.host}/ws/sessions/${encodeURIComponent(state.session.id)}`
    + `?token=${encodeURIComponent(state.token)}`;
  const ws = new WebSocket(url);
  state.ws = ws;
  ws.onmessage = (ev) => onMessage(JSON.parse(ev.data));
  ws.onclose = (ev) => {
    if (state.ws !== ws) return;
    state.ws = null;
    if (state.closing || ev.code === 4404 || ev.code === 4000) {
      setConn("off", ev.code === 4000 ? "open in another tab" : "offline");
      return;
    }
    const delay = Math.min(10000, 500 * 2 ** state.retry++);
    setConn("wait", `reconnecting in ${Math.round(delay / 1000)}s`);
    setTimeout(() => { if (!state.closing && state.session) connect(); }, delay);
  };
}

function disconnect() {
  state.closing = true;
  if (state.ws) state.ws.close(1000, "bye");
  state.ws = null;
  stopMic();
}

function onMessage(m) {
  switch (m.type) {
    case "welcome":
      state.retry = 0;
      state.seq = Math.max(state.seq, m.lastSeq);
      setConn("on", "live");
      if (m.cue) renderCard(m.cue);
      for (const msg of state.unacked.values()) state.ws.send(JSON.stringify(msg)); // nothing lost on reconnect
      break;
    case "transcript":
      addLine(m);
      break;
    case "cue":
      renderCard(m);
      break;
    case "ack":
      state.unacked.delete(m.seq);
      break;
    case "error":
      $("live-error").textContent = m.message;
      setTimeout(() => { $("live-error").textContent = ""; }, 6000);
      break;
  }
}

function sendSnippet(speaker, text, final) {
  const msg = { type: "snippet", v: 1, speaker, text, final, seq: ++state.seq, ts: Date.now() };
  if (final) state.unacked.set(msg.seq, msg);
  if (state.ws && state.ws.readyState === WebSocket.OPEN) state.ws.send(JSON.stringify(msg));
}

// ---- rendering

function addLine(m) {
  const list = $("transcript");
  if (state.interimNode && state.interimNode.dataset.speaker === m.speaker) {
    state.interimNode.remove();
    state.interimNode = null;
  }
  const li = document.createElement("li");
  li.className = m.speaker + (m.final ? "" : " interim");
  li.dataset.speaker = m.speaker;
  const who = document.createElement("span");
  who.className = "who";
  who.textContent = m.speaker === "interviewer" ? "Interviewer" : "You";
  const text = document.createElement("span");
  text.textContent = m.text;
  li.append(who, text);
  list.prepend(li);
  if (!m.final) state.interimNode = li;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function list(cls, items) {
  const ul = el("ul", cls);
  for (const i of items) ul.append(el("li", null, i));
  return ul;
}

function renderCard(cue) {
  const card = $("card");
  card.replaceChildren();
  if (!cue) {
    card.className = "card empty";
    card.append(el("p", "hint", "Type or say what the interviewer asks. The matching cue card shows up here."));
    return;
  }
  const c = cue.card;
  card.className = "card";
  card.dataset.cardId = c.id;
  card.append(el("p", "question", c.question));
  card.append(el("p", "heard", `Heard: “${cue.heard}”`));
  card.append(list("steps", c.steps));
  card.append(el("h4", null, "Cover"));
  card.append(list("points", c.keyPoints.map((k) => k.text)));
  if (c.clarify) {
    card.append(el("h4", null, "Ask first"));
    card.append(el("p", "clarify", c.clarify));
  }
  card.append(el("h4", null, "Remember"));
  card.append(list("reminders", c.reminders));
  card.append(el("h4", null, "Likely follow-ups"));
  card.append(list("followups", c.followUps));
}

// ---- microphone (browser speech recognition, where available)

const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
let recognizer = null;

function startMic() {
  recognizer = new Recognition();
  recognizer.continuous = true;
  recognizer.interimResults = true;
  recognizer.lang = "en-US";
  let lastInterim = 0;
  recognizer.onresult = (ev) => {
    for (let i = ev.resultIndex; i < ev.results.length; i++) {
      const r = ev.results[i];
      const text = r[0].transcript.trim();
      if (!text) continue;
      if (r.isFinal) {
        sendSnippet($("speaker").value, text, true);
      } else if (Date.now() - lastInterim > 150) {
        lastInterim = Date.now();
        sendSnippet($("speaker").value, text, false);
      }
    }
  };
  recognizer.onend = () => { if (recognizer) recognizer.start(); }; // keep listening
  recognizer.start();
  $("mic").textContent = "Stop mic";
}

function stopMic() {
  if (!recognizer) return;
  const r = recognizer;
  recognizer = null;
  r.stop();
  $("mic").textContent = "Start mic";
}

// ---- wiring

$("auth-form").addEventListener("submit", (ev) => { ev.preventDefault(); authenticate("/api/auth/login"); });
$("register").addEventListener("click", () => {
  if ($("auth-form").reportValidity()) authenticate("/api/auth/register");
});
$("signout").addEventListener("click", signOut);
$("new-session").addEventListener("submit", (ev) => startSession(ev).catch((e) => alert(e.message)));
$("leave").addEventListener("click", () => listSessions().catch((e) => alert(e.message)));
$("say").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const text = $("text").value.trim();
  if (!text) return;
  sendSnippet($("speaker").value, text, true);
  $("text").value = "";
});
if (Recognition) {
  $("mic").hidden = false;
  $("mic").addEventListener("click", () => (recognizer ? stopMic() : startMic()));
}

if (state.token) {
  listSessions().catch(() => show("auth"));
} else {
  show("auth");
}
