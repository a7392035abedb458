// The user's own stories: the overlay's panel of fitting stories under a behavioural card (pin
// one, watch its points tick), and the editor on the sessions screen. Plain ES module.
import { api, el } from "./api.js";

const PARTS = { s: "S", t: "T", a: "A", r: "R" };
const COMPETENCIES = ["conflict", "failure", "leadership", "deadline", "ownership", "feedback", "influence",
  "mistakes", "teamwork", "ambiguity", "learning", "prioritisation", "customer", "impact"];

/** The overlay's panel: `stories` and `story` messages for the card on screen. */
export class StoryPanel {
  constructor(root, { pin }) {
    Object.assign(this, { root, pin, offer: null, pinned: null });
  }

  /** A new card: its stories come in their own message, if it is a behavioural card. */
  cardChanged(cardId) {
    if (this.offer && this.offer.cardId !== cardId) this.clear();
  }

  clear() {
    this.offer = null;
    this.pinned = null;
    this.draw();
  }

  onStories(m) {
    this.offer = m;
    this.pinned = null;
    this.draw();
  }

  onStory(m) {
    this.pinned = m.story;
    this.draw();
  }

  draw() {
    const o = this.offer;
    this.root.hidden = !o;
    if (!o) return this.root.replaceChildren();
    const head = el("h3", {}, "Your stories");
    if (!o.stories.length) {
      return this.root.replaceChildren(head, el("p", { class: "muted" }, o.youHave
        ? "None of your stories fits this question by its competencies or words."
        : "You have no stories yet: add them under My stories on the sessions page."));
    }
    const items = o.stories.map((s) => {
      const isPinned = this.pinned && this.pinned.storyId === s.id;
      return el("li", { class: "story" + (isPinned ? " pinned" : ""), "data-id": s.id },
        el("div", { class: "row between" },
          el("strong", {}, s.title),
          s.told ? el("span", { class: "badge told" }, "told already") : null,
          el("button", { class: "secondary pin", onclick: () => this.pin(isPinned ? null : s.id) },
            isPinned ? "Unpin" : "Pin")),
        // pinned: its points, ticked as they are told; else a one-line S/T/A/R and the number
        isPinned ? this.points() : el("ul", { class: "brief" }, Object.entries(PARTS).filter(([k]) => s.brief[k])
          .map(([k, label]) => el("li", {}, el("b", {}, label + " "), s.brief[k]))),
        !isPinned && s.metric ? el("p", { class: "metric" }, "Number: ", s.metric) : null);
    });
    this.root.replaceChildren(head, el("ol", { class: "stories" }, items));
  }

  points() {
    const p = this.pinned;
    return el("div", { class: "story-points" },
      el("p", { class: "muted" }, `Told so far: ${p.covered} of ${p.total}`),
      el("ul", { class: "points" }, p.points.map((x) => el("li", { class: x.covered ? "covered" : "" },
        el("b", {}, x.part + ": "), x.text))));
  }
}

/** The editor on the sessions screen: list, add, edit and delete your stories. */
export class StoryEditor {
  constructor(root) {
    this.root = root;
    this.editing = null;
  }

  async load() {
    const data = await api("GET", "/api/stories");
    this.stories = data.stories;
    this.draw();
  }

  draw() {
    const list = el("ul", { class: "story-list" }, this.stories.map((s) => el("li", {},
      el("span", {}, s.title, " ", el("span", { class: "muted" }, s.competencies.join(", "))),
      el("span", { class: "row" },
        el("button", { class: "secondary", onclick: () => this.edit(s) }, "Edit"),
        el("button", { class: "secondary", onclick: () => this.remove(s) }, "Delete")))));
    this.root.replaceChildren(
      el("p", { class: "muted" }, "Write each story once, in STAR form. When a behavioural question comes up,"
        + " the overlay shows the ones that fit. Only you see them; a partner never does."),
      list,
      el("div", { class: "row wrap" },
        el("button", { id: "story-new", class: "secondary", onclick: () => this.edit(null) }, "Add a story"),
        el("label", {}, "Import a stories file (JSON) ",
          el("input", { type: "file", id: "story-import", accept: ".json,application/json",
            onchange: (ev) => this.importFile(ev) }))),
      el("p", { id: "story-import-msg", class: "error", role: "alert" }),
      this.form());
  }

  edit(story) {
    this.editing = story || {};
    this.draw();
    this.root.querySelector("#story-title").focus();
  }

  form() {
    const s = this.editing;
    if (!s) return el("div");
    const field = (name, label, long) => el("label", {}, label,
      long ? el("textarea", { id: "story-" + name, name, rows: 2 }, s[name] || "")
        : el("input", { id: "story-" + name, name, value: s[name] || "" }));
    const boxes = COMPETENCIES.map((c) => el("label", { class: "check" },
      el("input", { type: "checkbox", name: "competency", value: c,
        checked: (s.competencies || []).includes(c) }), c));
    return el("form", { id: "story-form", class: "story-form", onsubmit: (ev) => this.save(ev) },
      field("title", "Title", false),
      field("situation", "Situation", true), field("task", "Task", true),
      field("action", "Action", true), field("result", "Result", true),
      field("metric", "The number (e.g. p95 latency fell from 900 ms to 180 ms)", false),
      field("lessons", "What you learned", true),
      el("fieldset", {}, el("legend", {}, "What it shows"), boxes),
      el("div", { class: "row" },
        el("button", { type: "submit", id: "story-save" }, "Save story"),
        el("button", { type: "button", class: "secondary", onclick: () => { this.editing = null; this.draw(); } },
          "Cancel")),
      el("p", { id: "story-error", class: "error", role: "alert" }));
  }

  async save(ev) {
    ev.preventDefault();
    const f = ev.target;
    const body = {};
    for (const n of ["title", "situation", "task", "action", "result", "metric", "lessons"]) body[n] = f.elements[n].value;
    body.competencies = [...f.querySelectorAll("input[name=competency]:checked")].map((b) => b.value);
    try {
      if (this.editing.id) await api("PUT", `/api/stories/${this.editing.id}`, body);
      else await api("POST", "/api/stories", body);
      this.editing = null;
      await this.load();
    } catch (e) {
      this.root.querySelector("#story-error").textContent = e.message;
      const bad = e.field && this.root.querySelector("#story-" + e.field);
      if (bad) bad.focus();
    }
  }

  /** A stories file ({"stories": [...]}, as the data export writes it): all of it or nothing. */
  async importFile(ev) {
    const file = ev.target.files[0];
    if (!file) return;
    try {
      await api("POST", "/api/stories/import", JSON.parse(await file.text()));
      await this.load();
    } catch (e) {
      this.root.querySelector("#story-import-msg").textContent = `${file.name}: ${e.message}`;
    }
  }

  async remove(s) {
    if (!confirm(`Delete the story "${s.title}"?`)) return;
    await api("DELETE", `/api/stories/${s.id}`);
    await this.load();
  }
}
