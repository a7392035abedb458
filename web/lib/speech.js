// Live captions from the browser's speech recognition: one Channel per audio source (the mic, or
// the audio track of a shared call tab), each sending interim and final snippets as one speaker.
// Where the recognition runs (on this device or the browser's cloud service) is decided before
// a channel starts (privacy.js) and set here with processLocally.

/** The browser's recogniser class, looked up when needed. */
export function recognition() {
  return window.SpeechRecognition || window.webkitSpeechRecognition || null;
}

/**
 * Whether this browser can recognise a MediaStreamTrack (a call tab's audio), not only the mic.
 * Browsers that have it reject a non-track argument to start() with a TypeError before starting
 * anything; it is only probed where the on-device API (which came later) exists, so an older
 * browser never starts its mic by accident.
 */
export function trackRecognitionSupported() {
  const R = recognition();
  if (!R || typeof R.available !== "function") return false;
  const probe = new R();
  try {
    probe.start(0);
  } catch (e) {
    return e instanceof TypeError;
  }
  probe.abort();
  return false;
}

const ERRORS = {
  "not-allowed": "the browser was not allowed to listen (check the site's microphone permission)",
  "service-not-allowed": "the browser refused its speech service",
  "network": "the browser's speech service could not be reached",
  "language-not-supported": "the browser cannot recognise this language",
  "audio-capture": "no audio came from the source",
};

export class Channel {
  /**
   * @param speaker function returning "interviewer" or "candidate" for the next snippet
   * @param onSnippet (speaker, text, final) for each result
   * @param onStop (reason) when the channel stops by itself (an error, the shared tab closed)
   */
  constructor({ speaker, onSnippet, onStop = () => {} }) {
    Object.assign(this, { speaker, onSnippet, onStop });
    this.rec = null;
    this.track = null;
  }

  get on() { return this.rec !== null; }

  /** Starts recognising `track` (or the mic when none) in `lang`, on this device when `local`. */
  start({ lang, local, track = null }) {
    const R = recognition();
    const rec = new R();
    rec.continuous = true;
    rec.interimResults = true;
    rec.lang = lang;
    if (local) rec.processLocally = true;
    // interim results are sent at most every 150 ms, and the latest one held back by that limit is
    // sent when it ends: the words heard as the speaker stops always reach the server before the
    // final, which is when it embeds them to land the card early
    let lastInterim = 0;
    let held = null;
    const sendInterim = (text) => {
      lastInterim = Date.now();
      this.onSnippet(this.speaker(), text, false);
    };
    rec.onresult = (ev) => {
      for (let i = ev.resultIndex; i < ev.results.length; i++) {
        const r = ev.results[i];
        const text = r[0].transcript.trim();
        if (!text) continue;
        if (held) clearTimeout(held);
        held = null;
        if (r.isFinal) this.onSnippet(this.speaker(), text, true);
        else if (Date.now() - lastInterim > 150) sendInterim(text);
        else held = setTimeout(() => { held = null; if (this.rec === rec) sendInterim(text); },
          150 - (Date.now() - lastInterim));
      }
    };
    rec.onerror = (ev) => {
      if (ev.error === "no-speech" || ev.error === "aborted") return; // silence: keep listening
      this.stop(ERRORS[ev.error] || `speech recognition failed (${ev.error})`);
    };
    rec.onend = () => { // keep listening through pauses
      if (this.rec === rec) this.begin(rec);
    };
    this.rec = rec;
    this.track = track;
    if (track) track.addEventListener("ended", () => { if (this.track === track) this.stop("the shared tab stopped sharing"); });
    this.begin(rec);
  }

  begin(rec) {
    try {
      if (this.track) rec.start(this.track);
      else rec.start();
    } catch (e) {
      this.stop(`speech recognition could not start (${e.message})`);
    }
  }

  /** Stops listening; with a reason when it was not the user's choice. */
  stop(reason = null) {
    const rec = this.rec;
    const track = this.track;
    this.rec = null;
    this.track = null;
    if (rec) rec.abort();
    if (track) track.stop();
    if (rec && reason) this.onStop(reason);
  }
}
