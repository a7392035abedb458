// The wordings you corrected to another card (GET/DELETE /api/remembered): listed with the card
// each now brings, forgotten one by one or all at once. Plain ES module.
import { api, el } from "./api.js";

export async function showRemembered(list, forgetAll, report) {
  const { wordings } = await api("GET", "/api/remembered");
  forgetAll.hidden = wordings.length === 0;
  if (!wordings.length) {
    list.replaceChildren(el("li", { class: "muted" }, "None yet."));
    return;
  }
  const again = () => showRemembered(list, forgetAll, report).catch(report);
  list.replaceChildren(...wordings.map((w) => el("li", { "data-id": String(w.id) },
    el("span", {}, `“${w.wording}” → `, w.question || w.cardId),
    el("button", { class: "secondary", onclick: () => api("DELETE", `/api/remembered/${w.id}`).then(again, report) },
      "Forget"))));
  forgetAll.onclick = () => {
    if (confirm(`Forget all ${wordings.length} remembered wordings?`)) api("DELETE", "/api/remembered").then(again, report);
  };
}
