// TEST STAND-IN, the only one in the browser tests: Debian's Chromium has no speech service, so
// this replaces the page's SpeechRecognition with a recogniser that replays the results the test
// dictates (window.__replay.say). Everything around it is real: the page, its privacy decisions,
// getDisplayMedia choosing the mock call tab, and that tab's live audio track, which this
// recogniser checks and measures. available() asks the real browser unless a test sets an answer.
(() => {
  const Real = window.SpeechRecognition || window.webkitSpeechRecognition;
  const replay = {
    availability: null, // null: the real browser's answer
    trackless: false, // true: behave like a browser whose start() ignores a track (before Chrome 135)
    installs: [],
    starts: [],
    active: {},
    say(source, text, isFinal) {
      const rec = this.active[source];
      if (!rec) throw new Error(`no ${source} recogniser is listening`);
      rec.emit(text, isFinal);
    },
  };

  /** The loudest sample of the track over a second: proof that the call tab's sound arrives. */
  async function loudness(track) {
    const ctx = new AudioContext();
    const analyser = ctx.createAnalyser();
    ctx.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const buf = new Float32Array(analyser.fftSize);
    let max = 0;
    for (let i = 0; i < 10; i++) {
      await new Promise((r) => setTimeout(r, 100));
      analyser.getFloatTimeDomainData(buf);
      for (const v of buf) max = Math.max(max, Math.abs(v));
    }
    ctx.close();
    return max;
  }

  class ReplayRecognition extends EventTarget {
    constructor() {
      super();
      Object.assign(this, { continuous: false, interimResults: false, lang: "", processLocally: false });
      this.results = [];
      this.running = false;
    }

    start(track) {
      if (replay.trackless) track = undefined;
      else if (arguments.length && !(track instanceof MediaStreamTrack)) {
        throw new TypeError("Failed to execute 'start' on 'SpeechRecognition': parameter 1 is not of type 'MediaStreamTrack'.");
      }
      if (track && (track.kind !== "audio" || track.readyState !== "live")) {
        throw new DOMException("the track is not live audio", "InvalidStateError");
      }
      if (this.running) throw new DOMException("already started", "InvalidStateError");
      this.running = true;
      this.source = track ? "call" : "mic";
      const mode = document.getElementById(`${this.source}-mode`);
      const entry = { source: this.source, lang: this.lang, processLocally: this.processLocally,
        continuous: this.continuous, interimResults: this.interimResults, trackLabel: track ? track.label : null,
        indicator: mode ? mode.textContent : null, level: null };
      replay.starts.push(entry);
      replay.active[this.source] = this;
      if (track) loudness(track).then((l) => { entry.level = l; });
      setTimeout(() => this.onstart && this.onstart(new Event("start")));
    }

    stop() { this.end(); }

    abort() { this.end(); }

    end() {
      if (!this.running) return;
      this.running = false;
      if (replay.active[this.source] === this) delete replay.active[this.source];
      setTimeout(() => this.onend && this.onend(new Event("end")));
    }

    /** A result as the browser gives it: the open (interim) result is replaced until it is final. */
    emit(text, isFinal) {
      const result = Object.assign([{ transcript: text, confidence: 0.9 }], { isFinal });
      const last = this.results.length - 1;
      const index = last >= 0 && !this.results[last].isFinal ? last : this.results.length;
      this.results[index] = result;
      const ev = new Event("result");
      ev.resultIndex = index;
      ev.results = this.results;
      if (this.onresult) this.onresult(ev);
    }

    static available(options) {
      return replay.availability ? Promise.resolve(replay.availability) : Real.available(options);
    }

    static install(options) {
      replay.installs.push(options);
      replay.availability = "available";
      return Promise.resolve(true);
    }
  }

  window.SpeechRecognition = ReplayRecognition;
  window.webkitSpeechRecognition = ReplayRecognition;
  window.__replay = replay;
})();
