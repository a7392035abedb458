// "My answer": the user's own points and phrasing on the card on screen, shown beside the card's
// points (ticking as they are said) and edited in place. Only the user sees it. Plain ES module.
import { api, el } from "./api.js";

export class MinePanel {
  constructor(root, { reload }) {
    Object.assign(this, { root, reload, cardId: null, mine: null, editing: false });
  }

  /** A new card on screen: its answer (if any) comes in a `mine` message. */
  cardChanged(cardId) {
    if (cardId === this.cardId) return;
    Object.assign(this, { cardId, mine: null, editing: false });
    this.draw();
  }

  onMine(m) {
    if (m.cardId !== this.cardId) this.cardId = m.cardId;
    this.mine = m.mine;
    if (!this.editing) this.draw();
  }

  draw() {
    const id = this.cardId;
    this.root.hidden = !id || id.startsWith("fallback:");
    if (this.root.hidden) return this.root.replaceChildren();
    const m = this.mine;
    const head = el("div", { class: "row between" }, el("h3", {}, "My answer"),
      el("button", { id: "mine-edit", class: "secondary", onclick: () => this.edit() }, m ? "Edit" : "Add my answer"));
    if (this.editing) return this.root.replaceChildren(head, this.form());
    if (!m) return this.root.replaceChildren(head);
    this.root.replaceChildren(head,
      el("p", { class: "muted" }, `Said so far: ${m.covered} of ${m.total}`),
      el("ul", { class: "points" }, m.points.map((p) => el("li", { class: p.covered ? "covered" : "" }, p.text))),
      m.phrasing ? el("p", { class: "phrasing" }, m.phrasing) : null);
  }

  edit() {
    this.editing = true;
    this.draw();
    this.root.querySelector("#mine-points").focus();
  }

  form() {
    const m = this.mine;
    return el("form", { id: "mine-form", class: "story-form", onsubmit: (ev) => this.save(ev) },
      el("label", {}, "My points, one per line",
        el("textarea", { id: "mine-points", rows: 4 }, m ? m.points.map((p) => p.text).join("\n") : "")),
      el("label", {}, "How I like to say it",
        el("textarea", { id: "mine-phrasing", rows: 2 }, m ? m.phrasing || "" : "")),
      el("div", { class: "row" },
        el("button", { type: "submit", id: "mine-save" }, "Save"),
        el("button", { type: "button", class: "secondary", onclick: () => { this.editing = false; this.draw(); } },
          "Cancel")),
      el("p", { id: "mine-error", class: "error", role: "alert" }));
  }

  async save(ev) {
    ev.preventDefault();
    const points = this.root.querySelector("#mine-points").value.split("\n").map((s) => s.trim()).filter(Boolean);
    const phrasing = this.root.querySelector("#mine-phrasing").value.trim();
    try {
      await api("PUT", `/api/questions/${encodeURIComponent(this.cardId)}/mine`, { points, phrasing });
      this.editing = false;
      this.reload(); // the room reads it again and sends it back with its coverage
    } catch (e) {
      this.root.querySelector("#mine-error").textContent = e.message;
    }
  }
}
