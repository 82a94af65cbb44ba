// The class dashboard: asks the class PC for the rows twice a second and
// draws them. Pupils' texts are only ever set as text, never as HTML.
"use strict";

let lang = new URLSearchParams(location.search).get("lang") || "";
let stopped = false;
let lastLabels = null;

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

function setText(id, text) {
  const node = document.getElementById(id);
  if (node) node.textContent = text;
}

function row(r, labels) {
  const tr = el("tr", "pupil");
  tr.dataset.pupil = r.name;
  if (r.stuck) tr.classList.add("stuck");
  if (r.errors > 0) tr.classList.add("error");
  else if (r.warnings > 0) tr.classList.add("warning");
  else tr.classList.add("ok");

  const name = el("td", "name", r.name);
  if (r.stuck) { name.append(" "); name.append(el("span", "badge stuck-badge", r.stuck)); }
  if (r.server === "crashed" || r.server === "waiting") { name.append(" "); name.append(el("span", "badge", labels[r.server])); }
  if (r.intruder) {
    name.append(el("span", "badge intruder", r.intruder));
    const newPc = el("button", "new-pc", labels["new-pc"]);
    newPc.type = "button";
    newPc.dataset.action = "new-pc";
    newPc.dataset.pupil = r.name;
    name.append(" ", newPc);
  }
  if (r.players && r.players.length) name.append(el("span", "players", labels.players + " " + r.players.join(", ")));
  tr.append(name);

  const saved = el("td", "saved", r.saved ? r.saved.at + " (" + r.saved.ago + ")" : labels.never);
  tr.append(saved);

  const problem = el("td", "problem");
  if (!r.checked) problem.textContent = labels.checking;
  else if (!r.problem) problem.textContent = labels.none;
  else {
    problem.append(el("span", "place", r.problem.place));
    problem.append(" — ");
    problem.append(el("span", "message", r.problem.message));
    problem.append(el("span", "fix", r.problem.fix));
  }
  const tools = el("span", "tools");
  if (r.problem && r.problem.file) {
    const show = el("button", "show", labels.show);
    show.type = "button";
    show.dataset.action = "file";
    show.dataset.pupil = r.name;
    show.dataset.file = r.problem.file;
    show.dataset.line = r.problem.line || "";
    tools.append(show, " ");
  }
  const reload = el("button", "reload", labels.reload);
  reload.type = "button";
  reload.dataset.action = "reload";
  reload.dataset.pupil = r.name;
  tools.append(reload);
  problem.append(tools);
  tr.append(problem);

  const goals = el("td", "objectives");
  for (const g of r.goals) {
    const mark = el("span", "goal " + (g.met ? "met" : "unmet"), g.met ? "✓" : "✗");
    mark.title = g.text;
    goals.append(mark);
  }
  goals.append(el("span", "count", " " + r.met + "/" + r.goals.length));
  if (r.next_hint && !r.broken) goals.append(el("span", "hint", labels.next + " " + r.next_hint));
  tr.append(goals);
  return tr;
}

function draw(page) {
  const labels = page.labels;
  lastLabels = labels;
  document.documentElement.lang = page.lang;
  lang = page.lang;
  setText("title", labels.title);
  setText("token-label", labels.token);
  setText("open", labels.open);
  document.getElementById("gone").hidden = true;
  if (!page.teacher) {
    document.getElementById("login").hidden = false;
    document.getElementById("class").hidden = true;
    return;
  }
  document.getElementById("login").hidden = true;
  document.getElementById("class").hidden = false;
  document.getElementById("actions").hidden = false;
  setText("actions-title", labels.actions);
  setText("do-freeze", labels.freeze);
  setText("do-unfreeze", labels.unfreeze);
  setText("do-gather", labels.gather);
  setText("say-label", labels.say);
  setText("say-send", labels.send);
  setText("viewer-close", labels.close);
  setText("lesson", page.lesson);
  setText("h-pupil", labels.pupil);
  setText("h-saved", labels.saved);
  setText("h-problem", labels.problem);
  setText("h-objectives", labels.objectives);
  const body = document.getElementById("rows");
  body.replaceChildren(...page.rows.map((r) => row(r, labels)));
  if (page.ended) {
    const ended = document.getElementById("ended");
    ended.textContent = labels.ended;
    ended.hidden = false;
    stopped = true;
  }
}

async function refresh() {
  if (stopped) return;
  try {
    const answer = await fetch("/api/state?lang=" + encodeURIComponent(lang), { credentials: "same-origin", cache: "no-store" });
    draw(await answer.json());
  } catch (e) {
    const gone = document.getElementById("gone");
    gone.textContent = lastLabels ? lastLabels.gone : "mtedu class ?";
    gone.hidden = false;
  }
  setTimeout(refresh, 500);
}

// A teacher's action: the cookie goes along, the body is JSON (what the
// class PC asks of a request from this page).
async function act(name, body) {
  try {
    const answer = await fetch("/api/teacher/" + name + "?lang=" + encodeURIComponent(lang), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {}),
    });
    return await answer.json();
  } catch (e) {
    return { ok: false, text: lastLabels ? lastLabels.gone : "mtedu class ?" };
  }
}

function tell(result) {
  const said = document.getElementById("said");
  said.textContent = result.text || "";
  said.className = result.ok ? "" : "refused";
}

async function showFile(pupil, file, line) {
  const result = await act("file", { pupil: pupil, file: file, line: Number(line) || null });
  if (!result.ok) { tell(result); return; }
  const lines = document.getElementById("viewer-lines");
  const at = Number(line) || 0;
  lines.replaceChildren(...result.lines.map((text, index) => {
    const number = index + 1;
    const node = el("span", number === at ? "at" : "", String(number).padStart(4, " ") + "  " + text + "\n");
    node.dataset.line = number;
    return node;
  }));
  setText("viewer-title", pupil + " — " + file + (at ? ":" + at : ""));
  document.getElementById("viewer").hidden = false;
  const mark = lines.querySelector(".at");
  if (mark) mark.scrollIntoView({ block: "center" });
}

document.getElementById("rows").addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  if (button.dataset.action === "file") showFile(button.dataset.pupil, button.dataset.file, button.dataset.line);
  else tell(await act(button.dataset.action, { pupil: button.dataset.pupil }));
});
document.getElementById("do-freeze").addEventListener("click", async () => tell(await act("freeze")));
document.getElementById("do-unfreeze").addEventListener("click", async () => tell(await act("unfreeze")));
document.getElementById("do-gather").addEventListener("click", async () => tell(await act("gather")));
document.getElementById("say-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = document.getElementById("say-text");
  const result = await act("say", { text: input.value });
  tell(result);
  if (result.ok) input.value = "";
});
document.getElementById("viewer-close").addEventListener("click", () => { document.getElementById("viewer").hidden = true; });
document.getElementById("lang-fr").addEventListener("click", () => { lang = "fr"; });
document.getElementById("lang-en").addEventListener("click", () => { lang = "en"; });
refresh();
