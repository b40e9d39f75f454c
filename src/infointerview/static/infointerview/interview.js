// The interview page: a timer against the agreed length, and notes that are never lost.
// Every keystroke is kept in this browser first, then sent; offline, notes wait here
// and go out when the connection returns, or when the page is next opened.
"use strict";

(() => {
  const root = document.querySelector("[data-interview]");
  if (!root) return;
  const id = root.dataset.interview;
  const minutes = Number(root.dataset.minutes);
  const notesUrl = root.dataset.notesUrl;
  const form = root.querySelector("[data-notes-form]");
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const notesKey = `infointerview:notes:${id}`;
  const timerKey = `infointerview:timer:${id}`;
  const stateLine = root.querySelector("[data-save-state]");

  const timerBox = root.querySelector(".timer");
  const shown = root.querySelector("[data-timer]");
  const startButton = root.querySelector("[data-timer-start]");

  function clock(seconds) {
    const m = Math.floor(seconds / 60);
    const s = String(seconds % 60).padStart(2, "0");
    return `${m}:${s}`;
  }

  function tick() {
    const started = Number(localStorage.getItem(timerKey));
    if (!started) return;
    const seconds = Math.max(0, Math.floor((Date.now() - started) / 1000));
    shown.textContent = clock(seconds);
    timerBox.classList.toggle("late", seconds >= (minutes - 5) * 60 && seconds < minutes * 60);
    timerBox.classList.toggle("over", seconds >= minutes * 60);
    startButton.textContent = "Restart";
    // Handled by app.js before this page's own listener: a slip must not lose the time.
    startButton.dataset.confirm = `Restart the timer from 0:00? ${clock(seconds)} so far will be lost.`;
  }

  startButton.addEventListener("click", () => {
    localStorage.setItem(timerKey, String(Date.now()));
    tick();
  });
  setInterval(tick, 1000);
  tick();

  let pending = JSON.parse(localStorage.getItem(notesKey) || "{}");
  for (const [name, text] of Object.entries(pending)) {
    const box = form.elements[name];
    if (box) box.value = text;
  }

  function say(text, offline = false) {
    stateLine.textContent = text;
    stateLine.classList.toggle("offline", offline);
  }

  function keep() {
    localStorage.setItem(notesKey, JSON.stringify(pending));
  }

  function body(batch) {
    const data = new FormData();
    data.append("csrfmiddlewaretoken", csrf);
    for (const [name, text] of Object.entries(batch)) data.append(name, text);
    return data;
  }

  let sending = false;
  async function send() {
    const batch = { ...pending };
    if (sending || Object.keys(batch).length === 0) return;
    if (!navigator.onLine) {
      say("Offline: your notes are kept on this device and sent when the connection returns.", true);
      return;
    }
    sending = true;
    try {
      const response = await fetch(notesUrl, {
        method: "POST",
        body: body(batch),
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrf, Accept: "application/json" },
      });
      if (!response.ok) throw new Error(String(response.status));
      for (const [name, text] of Object.entries(batch)) {
        if (pending[name] === text) delete pending[name];
      }
      keep();
      say(`Saved at ${new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}.`);
    } catch (error) {
      say("Not saved to the server yet: kept on this device, trying again.", true);
    } finally {
      sending = false;
    }
  }

  let soon = null;
  form.addEventListener("input", (event) => {
    const name = event.target.name || "";
    if (!name.startsWith("q-")) return;
    pending[name] = event.target.value;
    keep();
    clearTimeout(soon);
    soon = setTimeout(send, 500);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send();
  });
  window.addEventListener("online", send);
  window.addEventListener("offline", () => say("Offline: notes are kept on this device.", true));
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden" && Object.keys(pending).length && navigator.onLine) {
      navigator.sendBeacon(notesUrl, body(pending));
    }
  });
  setInterval(send, 5000);
  send();
})();
