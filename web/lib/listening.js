// The overlay's two listening channels: the mic (the candidate, or whoever the speaker picker
// names while no call is heard) and a shared call tab's audio (the interviewer). Each shows where
// its speech is recognised before it starts, and the user decides about cloud recognition.
import { el } from "./api.js";
import { Channel, recognition, trackRecognitionSupported } from "./speech.js";
import { LANGUAGES, MODE_TEXT, cloudPolicy, decideMode, setCloudPolicy, setSpeechLang, speechLang } from "./privacy.js";

const $ = (id) => document.getElementById(id);

const NO_CALL = "This browser cannot transcribe a call tab's audio (Chrome and Edge can). Ask your partner to open "
  + "an invite link and ask from the partner console, or type the questions as you hear them.";

export class Listening {
  /**
   * @param send (speaker, text, final) for every recognised snippet
   * @param fixedMicSpeaker the mic's speaker where the page has no speaker picker (the partner console)
   */
  constructor(send, fixedMicSpeaker = null) {
    this.fixedMicSpeaker = fixedMicSpeaker;
    this.decision = null; // the pending or settled decideMode() for the current language and setting
    this.mic = new Channel({
      speaker: () => this.micSpeaker(),
      onSnippet: send,
      onStop: (why) => this.stopped("mic", why),
    });
    this.call = new Channel({
      speaker: () => "interviewer",
      onSnippet: send,
      onStop: (why) => this.stopped("call", why),
    });
  }

  /** Wires the panel; hides what this browser cannot do. */
  wire() {
    $("speech-panel").replaceChildren(...panel());
    if (!recognition()) {
      $("listen-buttons").hidden = true;
      this.message("This browser has no speech recognition: type what is said, or use Chrome or Edge.");
    }
    const lang = speechLang();
    const langs = LANGUAGES.includes(lang) ? LANGUAGES : [lang, ...LANGUAGES];
    $("lang").replaceChildren(...langs.map((l) => new Option(l, l, false, l === lang)));
    $("cloud-policy").value = cloudPolicy();
    $("lang").addEventListener("change", () => { setSpeechLang($("lang").value); this.settingsChanged(); });
    $("cloud-policy").addEventListener("change", () => { setCloudPolicy($("cloud-policy").value); this.settingsChanged(); });
    $("mic").addEventListener("click", () => (this.mic.on ? this.stop("mic") : this.startMic()));
    if ($("call")) $("call").addEventListener("click", () => (this.call.on ? this.stop("call") : this.startCall()));
    if ($("speaker")) $("speaker").addEventListener("change", () => this.label());
    this.label();
  }

  micSpeaker() {
    if (this.fixedMicSpeaker) return this.fixedMicSpeaker;
    return this.call.on ? "candidate" : $("speaker").value;
  }

  label() {
    if (!this.fixedMicSpeaker) $("mic-who").textContent = this.micSpeaker() === "candidate" ? "Mic: you" : "Mic: interviewer";
  }

  /** How speech is recognised, decided once per language and setting (both channels share it). */
  mode() {
    if (!this.decision) {
      this.decision = decideMode(speechLang(), {
        install: (lang) => this.ask(`Speech recognition for ${lang} can run on this device once your browser downloads `
          + "its language pack (a one-time download from the browser's vendor). After that, nothing you say leaves this "
          + "computer for recognition.", "Download it", "Not now"),
        cloud: (lang) => this.ask(`This browser can recognise ${lang} only with its cloud service: while a channel `
          + "listens, its audio goes to the browser vendor's servers (Google's, for Chrome), not to Cuecard. Allow it? "
          + "Your answer is remembered; change it under Speech settings.", "Allow cloud recognition", "No, never"),
      });
      this.decision.then((d) => {
        $("cloud-policy").value = cloudPolicy(); // the answer to "ask once", as it now stands
        if (!d.mode) this.decision = null; // refused: decided afresh next time (the setting may change)
      });
    }
    return this.decision;
  }

  async startMic() {
    if (this.deciding) return; // a second click while the first is still being decided
    this.deciding = true;
    this.show("mic", "deciding…", "wait");
    const d = await this.mode().finally(() => { this.deciding = false; });
    if (!d.mode) return this.refused("mic", d.why);
    this.show("mic", MODE_TEXT[d.mode], d.mode); // shown before any audio is sent anywhere
    this.mic.start({ lang: speechLang(), local: d.mode === "device" });
    $("mic").textContent = "Stop mic";
  }

  async startCall() {
    if (!trackRecognitionSupported()) return this.message(NO_CALL);
    let stream;
    try {
      // asked first, while the click still counts as the user's gesture
      stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: { echoCancellation: false },
        selfBrowserSurface: "exclude", systemAudio: "include" });
    } catch (e) {
      return this.message(`The call was not shared (${e.message}).`);
    }
    stream.getVideoTracks().forEach((t) => t.stop()); // only its sound is needed
    const track = stream.getAudioTracks()[0];
    if (!track) {
      return this.message("The shared tab or window brought no sound: share the call's tab and tick "
        + "\u201cAlso share tab audio\u201d.");
    }
    this.show("call", "deciding…", "wait");
    const d = await this.mode();
    if (!d.mode) {
      track.stop();
      return this.refused("call", d.why);
    }
    this.show("call", MODE_TEXT[d.mode], d.mode);
    this.call.start({ lang: speechLang(), local: d.mode === "device", track });
    $("call").textContent = "Stop listening to call";
    this.label();
    this.message("Listening to the shared tab as the interviewer; the mic is you.");
  }

  stop(name) {
    this[name].stop();
    this.idle(name);
  }

  stopAll() {
    this.stop("mic");
    if ($("call")) this.stop("call");
  }

  stopped(name, why) {
    this.idle(name);
    this.message(`${name === "mic" ? "The mic" : "Listening to the call"} stopped: ${why}.`);
  }

  idle(name) {
    this.show(name, "off", "off");
    $(name).textContent = name === "mic" ? "Start mic" : "Listen to call";
    this.label();
  }

  refused(name, why) {
    this.show(name, "off", "off");
    this.message(`${why} Type what is said instead, or have your partner ask from the partner console.`);
  }

  settingsChanged() {
    this.decision = null;
    if (this.mic.on || this.call.on) {
      this.stopAll();
      this.message("Speech settings changed: start the mic or the call again to use them.");
    }
  }

  show(name, text, kind) {
    const el = $(`${name}-mode`);
    el.textContent = text;
    el.className = `mode ${kind}`;
  }

  message(text) {
    $("speech-msg").textContent = text;
  }

  /** Asks a yes/no question in the panel. */
  ask(text, yes, no) {
    $("speech-ask-text").textContent = text;
    $("speech-yes").textContent = yes;
    $("speech-no").textContent = no;
    $("speech-ask").hidden = false;
    return new Promise((resolve) => {
      const answer = (v) => () => {
        $("speech-ask").hidden = true;
        $("speech-yes").onclick = null;
        $("speech-no").onclick = null;
        resolve(v);
      };
      $("speech-yes").onclick = answer(true);
      $("speech-no").onclick = answer(false);
    });
  }
}

/** The question box, the status line and the settings, the same on every page that listens. */
function panel() {
  return [
    el("div", { id: "speech-ask", class: "ask", hidden: true, role: "alertdialog", "aria-labelledby": "speech-ask-text" },
      el("p", { id: "speech-ask-text" }),
      el("div", { class: "row" },
        el("button", { type: "button", id: "speech-yes" }),
        el("button", { type: "button", id: "speech-no", class: "secondary" }))),
    el("p", { id: "speech-msg", class: "muted", role: "status" }),
    el("details", { id: "speech-settings" },
      el("summary", {}, "Speech settings"),
      el("div", { class: "row wrap" },
        el("label", {}, "Language ", el("select", { id: "lang" })),
        el("label", {}, "Cloud recognition ",
          el("select", { id: "cloud-policy" },
            new Option("Ask me once", "ask"), new Option("Allow", "allow"), new Option("Never", "refuse")))),
      el("p", { class: "muted" }, "On this device: the browser's own recogniser runs here and no audio leaves the "
        + "computer. Cloud service: the browser sends the channel's audio to its vendor (Google, for Chrome) for "
        + "recognition. Either way, Cuecard's server receives only the text.")),
  ];
}
