/* The block „Checkwerk-Check“ in the editor: a dropdown of the bundled checks, a preview placeholder and the
 * widget's options. Plain JavaScript against WordPress' editor globals, no build step; the page itself is rendered
 * on the server (checkwerk_render_block), so the block saves no markup. */
(function (wp, data) {
  "use strict";
  if (!wp || !wp.blocks || !wp.element || !wp.blockEditor || !wp.components || !data) return;
  var el = wp.element.createElement;
  var editor = wp.blockEditor;
  var ui = wp.components;
  var texts = data.texts;

  /** A text with %s / %1$s, %2$s filled in. */
  function format(text) {
    var values = Array.prototype.slice.call(arguments, 1);
    var next = 0;
    return text.replace(/%(?:(\d)\$)?s/g, function (_, position) {
      return String(position ? values[Number(position) - 1] : values[next++]);
    });
  }

  /** "7 Bausteine mit 55 Check-Punkten", in the singular where a count is one. */
  function size(check) {
    var modules = check.modules === 1 ? texts.modules_one : format(texts.modules_many, check.modules);
    var items = check.items === 1 ? texts.items_one : format(texts.items_many, check.items);
    return modules + " " + items;
  }

  function findCheck(id) {
    for (var i = 0; i < data.checks.length; i++) if (data.checks[i].id === id) return data.checks[i];
    return null;
  }

  // Accent colours that keep white text on them readable (WCAG AA); any other hex colour can be picked too.
  var accents = [
    { name: "Checkwerk", color: "#1f5f8b" },
    { name: texts.colour_green, color: "#0a6e4f" },
    { name: texts.colour_teal, color: "#006d77" },
    { name: texts.colour_violet, color: "#5b3f8c" },
    { name: texts.colour_red, color: "#a4262c" },
    { name: texts.colour_anthracite, color: "#333f48" },
  ];

  /** What the published page will show, as a card: the check's name and size, in the chosen accent colour. */
  function preview(attributes) {
    var check = findCheck(attributes.check);
    var known = attributes.check === "" || check !== null;
    var children = [];
    if (!data.appAvailable) {
      children.push(el(ui.Notice, { key: "app", status: "error", isDismissible: false }, texts.no_app));
    }
    if (!known) {
      var ids = data.checks.map(function (c) { return c.id; }).join(", ");
      children.push(el(ui.Notice, { key: "unknown", status: "warning", isDismissible: false }, format(texts.unknown_check, attributes.check, ids)));
    } else if (check) {
      children.push(
        el("div", { key: "card", className: "checkwerk-preview-card", style: attributes.accent ? { borderColor: attributes.accent } : undefined },
          el("p", { className: "checkwerk-preview-title" }, check.title),
          check.subtitle ? el("p", { className: "checkwerk-preview-subtitle" }, check.subtitle) : null,
          el("p", { className: "checkwerk-preview-size" }, [check.standard, size(check)].filter(Boolean).join(" · ")),
        ),
      );
    } else {
      children.push(el("p", { key: "list", className: "checkwerk-preview-card" }, texts.all_checks_preview));
    }
    children.push(el("p", { key: "note", className: "checkwerk-preview-note" }, texts.preview_note));
    return children;
  }

  function heightProblem(height) {
    return height && (height < data.minHeight || height > data.maxHeight) ? format(texts.bad_height, height) : null;
  }

  wp.blocks.registerBlockType("checkwerk/check", {
    edit: function (props) {
      var attributes = props.attributes;
      var set = props.setAttributes;
      var options = [{ label: texts.all_checks, value: "" }].concat(
        data.checks.map(function (check) { return { label: check.title, value: check.id }; }),
      );
      if (attributes.check !== "" && !findCheck(attributes.check)) {
        options.push({ label: format(texts.unknown_option, attributes.check), value: attributes.check });
      }
      var problem = heightProblem(attributes.height);

      var inspector = el(editor.InspectorControls, { key: "inspector" },
        el(ui.PanelBody, { title: texts.panel_display, initialOpen: true },
          el(ui.SelectControl, {
            label: texts.language,
            value: attributes.lang,
            options: [
              { label: texts.language_site, value: "" },
              { label: texts.language_de, value: "de" },
              { label: texts.language_en, value: "en" },
            ],
            onChange: function (value) { set({ lang: value }); },
          }),
          el(ui.ToggleControl, {
            label: texts.single,
            help: texts.single_help,
            checked: attributes.single && attributes.check !== "",
            disabled: attributes.check === "",
            onChange: function (value) { set({ single: value }); },
          }),
          el(ui.BaseControl, { id: "checkwerk-accent", label: texts.accent },
            el(ui.ColorPalette, {
              colors: accents,
              value: attributes.accent || undefined,
              clearable: true,
              onChange: function (value) { set({ accent: value || "" }); },
            }),
          ),
          el(ui.TextControl, {
            label: texts.height,
            help: texts.height_help,
            type: "number",
            min: data.minHeight,
            max: data.maxHeight,
            value: attributes.height ? String(attributes.height) : "",
            onChange: function (value) {
              var pixels = parseInt(value, 10);
              set({ height: isNaN(pixels) || pixels < 0 ? 0 : pixels });
            },
          }),
          problem ? el(ui.Notice, { status: "warning", isDismissible: false }, problem) : null,
          el(ui.TextControl, {
            label: texts.frame_title,
            help: texts.frame_title_help,
            value: attributes.title,
            onChange: function (value) { set({ title: value }); },
          }),
        ),
      );

      var placeholder = el(ui.Placeholder, { key: "placeholder", icon: "yes-alt", label: texts.block_title, className: "checkwerk-placeholder" },
        el("div", { className: "checkwerk-placeholder-body" },
          el(ui.SelectControl, {
            label: texts.which_check,
            value: attributes.check,
            options: options,
            onChange: function (value) { set({ check: value, single: value === "" ? false : attributes.single }); },
          }),
          preview(attributes),
        ),
      );

      return el("div", editor.useBlockProps(), inspector, placeholder);
    },
    // Dynamic block: the server renders it, so the post stores only the comment with the attributes.
    save: function () {
      return null;
    },
  });
})(window.wp, window.checkwerkBlock);
