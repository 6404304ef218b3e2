// The page: send the pasted article to the API and draw each paragraph's frame.
(function () {
  "use strict";
  var script = document.currentScript;
  var CLASSIFY = script.getAttribute("data-classify");
  var FRAMES = script.getAttribute("data-frames");
  var COLOURS = {
    official_denial: ["#6a2c91", "#f3ebf8"],
    blame_attribution: ["#a3231b", "#fcebe9"],
    security_failure: ["#8a4b00", "#fff2df"],
    humanitarian: ["#175e9e", "#e7f1fb"],
    none: ["#5b6168", "#f2f3f4"]
  };
  var SPARE = [["#1e6b52", "#e5f4ee"], ["#7a4e12", "#f8efe2"], ["#3f4fa0", "#eaedfa"], ["#8c2659", "#f9e9f1"]];
  var titles = {};
  var form = document.getElementById("form");
  var textarea = document.getElementById("article");
  var button = document.getElementById("analyse");
  var status = document.getElementById("status");

  function colour(label) {
    if (!COLOURS[label]) { COLOURS[label] = SPARE[Object.keys(COLOURS).length % SPARE.length]; }
    return COLOURS[label];
  }
  function title(label) { return titles[label] || label.replace(/_/g, " "); }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }
  function bar(label, value, text) {
    var c = colour(label);
    var fill = el("div", { "class": "bar", style: "width:" + (value * 100).toFixed(1) + "%;background:" + c[0] });
    return el("div", { "class": "bar-row" }, [
      el("span", { text: title(label) }),
      el("div", { "class": "bar-track", "aria-hidden": "true" }, [fill]),
      el("span", { "class": "num", text: text })
    ]);
  }
  function highlighted(text, evidence) {
    var spans = [];
    (evidence || []).forEach(function (e) { e.spans.forEach(function (s) { spans.push(s); }); });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var p = el("p"), at = 0;
    spans.forEach(function (s) {
      if (s[0] < at) { return; }
      p.appendChild(document.createTextNode(text.slice(at, s[0])));
      p.appendChild(el("mark", { text: text.slice(s[0], s[1]) }));
      at = s[1];
    });
    p.appendChild(document.createTextNode(text.slice(at)));
    return p;
  }
  function drawSummary(summary, labels) {
    var chart = document.getElementById("chart");
    chart.textContent = "";
    var described = [];
    labels.forEach(function (label) {
      var share = summary.shares[label] || 0;
      chart.appendChild(bar(label, share, Math.round(share * 100) + "%"));
      described.push(title(label) + " " + Math.round(share * 100) + "%");
    });
    chart.setAttribute("aria-label", "Share of paragraphs per frame: " + described.join(", "));
    document.getElementById("dominant").textContent = summary.dominant_frame
      ? "Dominant frame: " + title(summary.dominant_frame) + " (" + (summary.paragraphs - summary.boilerplate) +
        " paragraphs of text, " + summary.boilerplate + " of page furniture)."
      : "No paragraphs.";
    var legend = document.getElementById("legend");
    legend.textContent = "";
    labels.forEach(function (label) {
      legend.appendChild(el("li", {}, [el("span", { "class": "swatch", style: "background:" + colour(label)[0] }),
        document.createTextNode(title(label))]));
    });
    document.getElementById("summary").hidden = false;
  }
  function drawParagraphs(paragraphs, labels) {
    var list = document.getElementById("paragraphs");
    list.textContent = "";
    paragraphs.forEach(function (p) {
      var c = colour(p.label);
      var head = el("div", { "class": "para-head" }, [
        el("span", { "class": "tag", style: "color:" + c[0], text: title(p.label) }),
        el("span", { "class": "conf", text: Math.round(p.confidence * 100) + "%" })
      ]);
      if (p.boilerplate) { head.appendChild(el("span", { "class": "kind", text: "page furniture: " + p.boilerplate_kind })); }
      var scores = el("div", { "class": "scores", "aria-label": "Scores" });
      labels.forEach(function (label) { scores.appendChild(bar(label, p.scores[label], p.scores[label].toFixed(2))); });
      var item = el("li", { "class": "para" + (p.boilerplate ? " boilerplate" : ""),
        style: "border-color:" + c[0] + ";background:" + c[1] }, [head, highlighted(p.text, p.evidence)]);
      if (!p.boilerplate) { item.appendChild(scores); }
      list.appendChild(item);
    });
    document.getElementById("results").hidden = false;
  }
  function analyse() {
    var text = textarea.value;
    if (!text.trim()) { status.className = "error"; status.textContent = "Paste an article first."; textarea.focus(); return; }
    button.disabled = true;
    status.className = "";
    status.textContent = "Analysing…";
    fetch(CLASSIFY, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text: text, explain: document.getElementById("explain").checked, top_k: 5 })
    }).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      if (!res.ok) { throw new Error(res.body.error ? res.body.error.message : "Request failed"); }
      var labels = Object.keys(res.body.paragraphs.length ? res.body.paragraphs[0].scores : res.body.summary.shares);
      drawSummary(res.body.summary, labels);
      drawParagraphs(res.body.paragraphs, labels);
      document.getElementById("model").textContent = "Model: " + res.body.model.name + " (" + res.body.model.version + ")";
      status.textContent = res.body.paragraphs.length + " paragraphs analysed.";
      document.getElementById("summary-title").focus && document.getElementById("summary-title").setAttribute("tabindex", "-1");
    }).catch(function (err) {
      status.className = "error";
      status.textContent = "Could not analyse the article: " + err.message;
    }).then(function () { button.disabled = false; });
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); analyse(); });
  textarea.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); analyse(); }
  });
  fetch(FRAMES).then(function (r) { return r.json(); }).then(function (body) {
    body.frames.forEach(function (f) { titles[f.name] = f.title; });
  }).catch(function () {});
})();
