// Drills: ask the next card the schedule picks (the server decides: SM-2, worst first) and read
// its question aloud with the browser's speech synthesis, as an interviewer would. Plain ES module.

/** Sends a drill request on the live connection; the cue that answers it is read aloud. */
export class Drill {
  constructor(live) {
    this.live = live;
    this.waiting = false;
    this.spoken = []; // questions read aloud (kept for the browser tests)
  }

  next() {
    this.waiting = true;
    this.live.drill();
  }

  /** Call with every cue: the first "ask" cue after a drill request is the drill question. */
  onCue(cue) {
    if (!this.waiting || cue.source !== "ask") return;
    this.waiting = false;
    this.spoken.push(cue.card.question);
    if ("speechSynthesis" in window) {
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(cue.card.question));
    }
  }

  /** The server could not pick one (nothing answered yet): stop waiting. */
  onError() {
    this.waiting = false;
  }
}
