// Where speech is recognised, decided before any audio goes anywhere: on this device when the
// browser has (or can install) an on-device recogniser for the language, else the browser's own
// service, which for Chrome and Edge means their vendor's cloud. Cloud recognition needs the
// user's consent: the setting is "ask" (ask once, then remember), "allow" or "refuse".
import { recognition } from "./speech.js";

const POLICY_KEY = "cuecard.cloudSpeech";
const LANG_KEY = "cuecard.speechLang";

export const LANGUAGES = ["en-US", "en-GB", "en-IN", "en-AU", "en-CA", "de-DE", "fr-FR", "es-ES", "it-IT", "pt-BR",
  "nl-NL", "pl-PL", "hi-IN", "ja-JP", "zh-CN"];

export const MODE_TEXT = {
  device: "on this device",
  cloud: "the browser's cloud service",
};

export function cloudPolicy() {
  const p = localStorage.getItem(POLICY_KEY);
  return p === "allow" || p === "refuse" ? p : "ask";
}

export function setCloudPolicy(p) {
  if (p === "ask") localStorage.removeItem(POLICY_KEY);
  else localStorage.setItem(POLICY_KEY, p);
}

/** The chosen recognition language; by default the browser's. */
export function speechLang() {
  return localStorage.getItem(LANG_KEY) || navigator.language || "en-US";
}

export function setSpeechLang(lang) {
  localStorage.setItem(LANG_KEY, lang);
}

/**
 * Decides how speech in `lang` is recognised. Resolves to {mode: "device"} or {mode: "cloud"},
 * or {mode: null, why} when it must not (or cannot) be. `ask.install(lang)` and
 * `ask.cloud(lang)` are the page's questions to the user, each resolving to true or false.
 */
export async function decideMode(lang, ask) {
  const R = recognition();
  if (!R) return { mode: null, why: "This browser has no speech recognition." };
  let status = "unavailable";
  if (typeof R.available === "function") {
    try {
      status = await R.available({ langs: [lang], processLocally: true });
    } catch {
      status = "unavailable";
    }
  }
  if ((status === "downloadable" || status === "downloading") && await ask.install(lang)) {
    try {
      if (await R.install({ langs: [lang], processLocally: true })) status = "available";
    } catch {
      // fall through to the browser's service, with consent
    }
  }
  if (status === "available") return { mode: "device" };
  let policy = cloudPolicy();
  if (policy === "ask") {
    policy = await ask.cloud(lang) ? "allow" : "refuse";
    setCloudPolicy(policy); // asked once: the answer stands until changed in the settings
  }
  if (policy === "refuse") {
    return { mode: null, why: `No on-device recogniser for ${lang} here, and cloud recognition is off (your setting).` };
  }
  return { mode: "cloud" };
}
