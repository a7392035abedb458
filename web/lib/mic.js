// Live captions from the browser's speech recognition, sent as interim and final snippets.

const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;

export const micSupported = Boolean(Recognition);

export class Mic {
  constructor(onSnippet) {
    this.onSnippet = onSnippet;
    this.rec = null;
  }

  get on() { return this.rec !== null; }

  start(lang = "en-US") {
    const rec = new Recognition();
    rec.continuous = true;
    rec.interimResults = true;
    rec.lang = lang;
    let lastInterim = 0;
    rec.onresult = (ev) => {
      for (let i = ev.resultIndex; i < ev.results.length; i++) {
        const r = ev.results[i];
        const text = r[0].transcript.trim();
        if (!text) continue;
        if (r.isFinal) this.onSnippet(text, true);
        else if (Date.now() - lastInterim > 150) {
          lastInterim = Date.now();
          this.onSnippet(text, false);
        }
      }
    };
    rec.onend = () => { if (this.rec === rec) rec.start(); }; // keep listening through pauses
    this.rec = rec;
    rec.start();
  }

  stop() {
    const rec = this.rec;
    this.rec = null;
    if (rec) rec.stop();
  }
}
