// Drills: ask the next card the schedule picks (the server decides: SM-2, worst first) and read
// its question aloud with the browser's speech synthesis, as an interviewer would. Plain ES module.

/**
 * A voice that speaks on this device (`localService`): some browsers also offer voices that send
 * the text to a cloud service, and the question may be one of the user's own cards. None: the
 * question is only shown.
 */
function localVoice() {
  if (!("speechSynthesis" in window)) return null;
  const voices = window.speechSynthesis.getVoices().filter((v) => v.localService);
  const lang = (navigator.language || "en").slice(0, 2);
  return voices.find((v) => v.default) || voices.find((v) => v.lang.startsWith(lang)) || voices[0] || null;
}

/** Sends a drill request on the live connection; the cue that answers it is read aloud. */
export class Drill {
  constructor(live) {
    this.live = live;
    this.waiting = false;
    this.asked = []; // drill questions asked, read aloud where a local voice exists (kept for the browser tests)
  }

  next() {
    this.waiting = true;
    this.live.drill();
  }

  /** Call with every cue: the first "ask" cue after a drill request is the drill question. */
  onCue(cue) {
    if (!this.waiting || cue.source !== "ask") return;
    this.waiting = false;
    this.asked.push(cue.card.question);
    const voice = localVoice();
    if (voice) {
      const u = new SpeechSynthesisUtterance(cue.card.question);
      u.voice = voice;
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(u);
    }
  }

  /** The server could not pick one (nothing answered yet): stop waiting. */
  onError() {
    this.waiting = false;
  }
}
