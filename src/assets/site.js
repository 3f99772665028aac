// Progressive enhancement only: every page works fully without this script.
(() => {
  // The language toggle keeps the fragment, so a reader on
  // …/product-manager/#senior lands on the French page at #senior.
  for (const link of document.querySelectorAll("a[data-keep-fragment]")) {
    link.addEventListener("click", () => {
      if (location.hash && !link.hash) link.hash = location.hash;
    });
  }

  // "Copy link" on each level of a role page copies the level's absolute URL
  // and announces it. Without JavaScript (or clipboard access) the link still
  // goes to the level's anchor.
  const status = document.querySelector("[data-copy-status]");
  for (const link of document.querySelectorAll("a[data-copy-link]")) {
    link.addEventListener("click", async (event) => {
      if (!navigator.clipboard) return;
      event.preventDefault();
      const url = new URL(link.getAttribute("href"), location.href).href;
      try {
        await navigator.clipboard.writeText(url);
      } catch {
        location.hash = link.hash;
        return;
      }
      history.replaceState(null, "", link.hash);
      if (status) {
        status.textContent = "";
        setTimeout(() => {
          status.textContent = status.dataset.copied;
        }, 50);
      }
    });
  }
})();
