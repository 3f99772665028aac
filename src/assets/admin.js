// Starts the content editor (Decap CMS) at /admin/ with the configuration the
// build generated (src/_config/cms-config.ts), in the editor's language:
// French if the browser prefers French, English otherwise; ?lang=fr or ?lang=en
// chooses. Loaded before decap-cms.js so that Decap waits for it.
window.CMS_MANUAL_INIT = true;

(function () {
  var previewStyle = document.currentScript.getAttribute("data-preview-style");

  function editorLanguage() {
    var asked = new URLSearchParams(location.search).get("lang");
    if (asked === "en" || asked === "fr") return asked;
    return /^fr\b/i.test(navigator.language || "") ? "fr" : "en";
  }

  // The same folding as Decap's slugs (encoding: ascii, clean_accents): "Été à Montréal" → "ete-a-montreal".
  function keyOf(title) {
    return String(title || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var configs = JSON.parse(document.getElementById("cms-config").textContent);
    var lang = editorLanguage();
    document.documentElement.lang = lang;
    var CMS = window.CMS;
    // The preview pane shows the entry in the site's own stylesheet.
    CMS.registerPreviewStyle(previewStyle);
    // An English post saved without a translation key gets one from its title,
    // so that its French version can be paired with it.
    CMS.registerEventListener({
      name: "preSave",
      handler: function (event) {
        var entry = event.entry;
        var data = entry.get("data");
        if (entry.get("collection") !== "posts-en" || data.get("translationKey")) return data;
        return data.set("translationKey", keyOf(data.get("title")));
      },
    });
    CMS.init({ config: configs[lang] });
  });
})();
