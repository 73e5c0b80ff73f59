// Lotse: search of the static guide site, in the browser. The index
// (suchindex.js) is built by `lotse guides build-site`; words there are
// lower case with umlauts folded (ä → ae, ß → ss), as fold() does here.
(function () {
  "use strict";
  var index = window.lotseSuchindex || [];
  var weights = { tw: 3, kw: 2.5, sw: 1.5, bw: 1 };
  var stop = {};
  ("ich du er sie es wir ihr mein meine dein deine mir mich dir dich uns " +
    "der die das den dem des ein eine einen einem einer und oder aber " +
    "nicht kein keine ist bin sind war habe hast hat haben wie was wo wer " +
    "wann warum kann koennen muss mit auf fuer von zu zum zur im in an am " +
    "bei aus als auch noch so da hier mal bitte gibt es man").split(" ").forEach(function (w) { stop[w] = true; });

  function fold(text) {
    return text.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
  }

  function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(function (w) { return w.length >= 2 && !stop[w]; });
  }

  // oneEdit reports whether a and b differ by at most one edit.
  function oneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (a.length > b.length) i++;
      else if (a.length < b.length) j++;
      else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  function match(q, w) {
    if (q === w) return 1;
    if (q.length >= 3 && w.indexOf(q) === 0) return 0.8;
    if (w.length >= 4 && q.indexOf(w) === 0) return 0.6;
    if (q.length >= 4 && w.indexOf(q) > 0) return 0.6;
    if (q.length >= 5 && oneEdit(q, w)) return 0.7;
    return 0;
  }

  function score(entry, query) {
    var total = 0, matched = 0;
    query.forEach(function (q) {
      var best = 0;
      Object.keys(weights).forEach(function (field) {
        var list = entry[field] || [];
        for (var k = 0; k < list.length; k++) {
          var m = match(q, list[k]) * weights[field];
          if (m > best) best = m;
        }
      });
      if (best > 0) matched++;
      total += best;
    });
    return query.length ? total * matched / query.length : 0;
  }

  // For tests and measurements: the same scoring the page uses.
  window.lotseSuche = { words: words, score: score };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  var out = document.getElementById("treffer");
  var raw = new URLSearchParams(window.location.search).get("q") || "";
  raw = raw.replace(/\s+/g, " ").trim().slice(0, 200);
  var input = document.getElementById("q");
  if (input) input.value = raw;
  if (!out || !raw) return;
  // The page's texts (German or English) are data attributes of the hit
  // list: %d the count, %s the query; "one|other" forms by count.
  function text(name, n) {
    var t = out.getAttribute("data-" + name) || "";
    var forms = t.split("|");
    t = forms.length > 1 && n !== 1 ? forms[1] : forms[0];
    return t.replace(/%[ds]/g, function (m) { return m === "%d" ? String(n) : raw; });
  }
  var query = words(raw);
  var hits = index.map(function (e) { return { e: e, s: score(e, query) }; })
    .filter(function (h) { return h.s > 0; })
    .sort(function (a, b) { return b.s - a.s; })
    .slice(0, 10);
  document.title = text("title") + " – " + out.getAttribute("data-site");
  out.textContent = "";
  if (!hits.length) {
    out.appendChild(el("p", text("none")));
    return;
  }
  out.appendChild(el("p", text("hits", hits.length) + " " + text("best"), "lead"));
  var up = "../"; // the search page is suche/index.html
  var list = el("ol", "", "hits");
  hits.forEach(function (h) {
    var li = el("li"), h2 = el("h2"), a = el("a", h.e.t);
    a.href = up + h.e.u;
    h2.appendChild(a);
    li.appendChild(h2);
    if (h.e.s) li.appendChild(el("p", h.e.s));
    list.appendChild(li);
  });
  out.appendChild(list);
})();
