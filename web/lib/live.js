// One participant's live connection: reconnects with backoff, numbers snippets, keeps every
// final snippet until it is acked and re-sends it after a reconnect or a store failure, pings to
// stay alive.

export class Live {
  constructor({ sessionId, token, role = "candidate", onMessage = () => {}, onState = () => {} }) {
    Object.assign(this, { sessionId, token, role, onMessage, onState });
    this.seq = 0;
    this.unacked = new Map();
    this.retry = 0;
    this.storeRetry = 0;
    this.closed = false;
    this.ws = null;
    this.pinger = null;
  }

  connect() {
    this.closed = false;
    this.onState("connecting");
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const url = `${scheme}://${location.host}/ws/sessions/${encodeURIComponent(this.sessionId)}`
      + `?role=${this.role}&token=${encodeURIComponent(this.token)}`;
    const ws = new WebSocket(url);
    this.ws = ws;
    ws.onmessage = (ev) => this.receive(JSON.parse(ev.data));
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      clearInterval(this.pinger);
      if (this.closed) return this.onState("offline");
      if ([4000, 4401, 4403, 4404, 1007].includes(ev.code)) {
        this.closed = true;
        return this.onState({ 4000: "open elsewhere", 4401: "signed out", 4403: "invite revoked", 4404: "session deleted",
          1007: "bad data" }[ev.code]);
      }
      const delay = Math.min(10000, 500 * 2 ** this.retry++);
      this.onState(`reconnecting in ${Math.ceil(delay / 1000)}s`);
      setTimeout(() => { if (!this.closed) this.connect(); }, delay);
    };
  }

  receive(m) {
    if (m.type === "welcome") {
      this.retry = 0;
      this.seq = Math.max(this.seq, m.lastSeq);
      this.onState("live");
      for (const msg of this.unacked.values()) this.raw(msg); // nothing lost across a reconnect
      clearInterval(this.pinger);
      this.pinger = setInterval(() => this.raw({ type: "ping" }), 25000);
    } else if (m.type === "ack") {
      this.unacked.delete(m.seq);
      this.storeRetry = 0;
    } else if (m.type === "error" && m.code === "store_failed" && this.unacked.has(m.seq)) {
      // the server could not store it (a full disk, say): try the same seq again, backing off
      const delay = Math.min(30000, 1000 * 2 ** Math.min(5, this.storeRetry++));
      setTimeout(() => { const msg = this.unacked.get(m.seq); if (msg) this.raw(msg); }, delay);
    }
    this.onMessage(m);
  }

  raw(msg) {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  /** A piece of transcript; `typed` when the user typed it rather than a recogniser heard it. */
  snippet(speaker, text, final, typed = false) {
    const msg = { type: "snippet", v: 1, speaker, text, final, seq: ++this.seq, ts: Date.now() };
    if (typed) msg.typed = true;
    if (final) this.unacked.set(msg.seq, msg);
    this.raw(msg);
  }

  ask(cardId) {
    const msg = { type: "ask", cardId, seq: ++this.seq };
    this.unacked.set(msg.seq, msg);
    this.raw(msg);
  }

  /** Asks the session owner's next drill question (an ask of the card the schedule picks). */
  drill() {
    const msg = { type: "drill", seq: ++this.seq };
    this.unacked.set(msg.seq, msg);
    this.raw(msg);
  }

  send(msg) { this.raw(msg); }

  get pending() { return this.unacked.size; }

  close() {
    this.closed = true;
    clearInterval(this.pinger);
    if (this.ws) this.ws.close(1000, "bye");
  }
}
