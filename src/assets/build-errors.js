// `npm start` only (preview.ts, in src/_config/): shows a failed rebuild's error
// over the page the editor is looking at. Eleventy sends the error over the
// dev server's WebSocket as `eleventy.error`, whose own client only logs it
// to the console (@11ty/eleventy-dev-server, client/reload-client.js). The
// next good build sends `eleventy.reload`: the page reloads, and the message
// goes with it.
(() => {
  const dialog = document.getElementById("build-error");
  const message = dialog?.querySelector("[data-build-error-message]");
  const context = dialog?.querySelector("[data-build-error-context]");
  const list = dialog?.querySelector("[data-build-error-context-list]");
  if (!dialog || !message || !context || !list || !("WebSocket" in window)) return;

  dialog.querySelector("[data-build-error-close]")?.addEventListener("click", () => dialog.close());

  /** The messages of an error and of the errors it wraps, the innermost (the editor's problem) first. */
  function messages(error) {
    const found = [];
    for (let e = error; e && found.length < 10; e = e.originalError ?? e.cause) {
      const text = typeof e === "string" ? e : e.message;
      if (text && !found.includes(text)) found.push(text);
      if (typeof e !== "object") break;
    }
    return found.reverse();
  }

  // The innermost error is the one that names the editor's file and what to
  // fix; the errors around it say what Eleventy was doing, for developers.
  function show(error) {
    const [first = "", ...rest] = messages(error);
    message.textContent = first;
    list.replaceChildren(
      ...rest.map((text) => {
        const item = document.createElement("li");
        item.textContent = text;
        return item;
      }),
    );
    context.hidden = rest.length === 0;
    if (!dialog.open) dialog.showModal();
  }

  function hide() {
    if (dialog.open) dialog.close();
  }

  const socket = new WebSocket(location.origin.replace(/^http/, "ws"));
  socket.addEventListener("message", (event) => {
    let data;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (data.type === "eleventy.error") {
      let error = data.error;
      try {
        error = JSON.parse(data.error);
      } catch {
        // Not JSON: shown as it came.
      }
      show(error);
    } else if (data.type === "eleventy.reload") {
      hide();
    }
  });
})();
