// Starts the content editor (Decap CMS) at /admin/ with the configuration the
// build generated (cms-config.ts, in src/_config/), in the editor's language:
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

  // Decap's select widget turns a comma-separated `author` (as the seed post
  // writes it) into a one-item list of the whole string when it opens the
  // entry, which the build would then refuse. This wrapper shows such a string
  // as the names it lists and leaves it as it is until the editor changes the
  // authors; a change is written as a YAML list, which the build accepts too.
  function authorsControl(SelectControl) {
    return window.createClass({
      isValid: function () {
        return this.inner && this.inner.isValid ? this.inner.isValid() : true;
      },
      render: function () {
        var self = this;
        var value = this.props.value;
        if (typeof value === "string") {
          var names = value.split(",").map(function (name) { return name.trim(); }).filter(Boolean);
          // An Immutable List, as the select widget expects: made from one it already has.
          value = this.props.field.get("options").clear().push.apply(this.props.field.get("options").clear(), names);
        }
        return window.h(SelectControl, Object.assign({}, this.props, { value: value, ref: function (control) { self.inner = control; } }));
      },
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var configs = JSON.parse(document.getElementById("cms-config").textContent);
    var lang = editorLanguage();
    document.documentElement.lang = lang;
    var CMS = window.CMS;
    CMS.registerWidget("authors", authorsControl(CMS.getWidget("select").control), CMS.getWidget("select").preview);
    // The preview pane shows the entry as its page: the site's stylesheet, and
    // the site's layouts and Markdown (/admin/preview.js, from cms-preview.ts in src/_config/).
    CMS.registerPreviewStyle(previewStyle);
    var config = configs[lang];
    window.registerSitePreview(CMS, config.collections.map(function (collection) { return collection.name; }));
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
    // Locally (npm run cms) the site is the preview serving this editor, on
    // whatever port it got: the header's link and "View Live" go there, not to
    // the published site.
    if (config.local_backend) config.site_url = config.display_url = new URL("..", location.href).href;
    CMS.init({ config: config });
  });
})();
