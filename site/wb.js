/* wb: the site's script. Every page is readable without it, except an old
   version's text, which it draws from the proposal's versions.js.
     - Search, on every page: search.js is loaded when a search box is first
       used (a <script> element, which works from disk), words match by
       prefix, results are ranked and show where they matched.
     - Portfolio: filter (status, tag, decision desk, search), sort, with the
       state in the hash: #status=review&tag=health&q=night+nurse&desk=stale&sort=-iterations;
       the review-progress strips drawn from their data-r.
     - Proposal and version pages: the paragraphs findings concern are
       marked; any paragraph can be linked to.
     - Version pages: the document drawn from versions.js.
     - History: two versions compared, from versions.js (#compare=2..5). */
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const root = document.body.dataset.root || "";
  const fold = (s) => String(s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const reEsc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

  const loading = {};
  function load(src, ready) {
    if (!loading[src]) {
      loading[src] = new Promise((resolve, reject) => {
        if (ready()) return resolve();
        const s = document.createElement("script");
        s.src = src;
        s.onload = () => resolve();
        s.onerror = () => reject(new Error("could not load " + src));
        document.head.append(s);
      });
    }
    return loading[src];
  }

  // ---- search ---------------------------------------------------------

  const searchData = () =>
    load(root + "search.js", () => Array.isArray(window.WB_SEARCH)).then(() => {
      const entries = Array.isArray(window.WB_SEARCH) ? window.WB_SEARCH : [];
      for (const e of entries) if (!e._t) prepare(e);
      return entries;
    });

  function prepare(e) {
    e._t = fold(e.t);
    e._x = (e.x || []).map(([id, text]) => [id || "", text || "", fold(text)]);
  }

  // A word matches where a word of the text starts with it: "ai" finds
  // "AI" and "aid", not "said".
  const wordRe = (w) => new RegExp("(?:^|[^\\p{L}\\p{N}])(" + reEsc(w) + ")", "gu");

  function search(entries, query, limit) {
    const words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    const res = words.map(wordRe);
    const out = [];
    for (const e of entries) {
      let score = 0, ok = true, where = null;
      for (let i = 0; i < res.length && ok; i++) {
        const re = res[i];
        let s = 0;
        re.lastIndex = 0;
        if (re.test(e._t)) s += 12;
        for (const sec of e._x) {
          re.lastIndex = 0;
          let n = 0, m;
          while ((m = re.exec(sec[2])) && n < 5) {
            if (!where && i === 0) where = { sec, at: m.index + m[0].length - m[1].length };
            n++;
          }
          s += n;
        }
        if (!s) ok = false;
        score += s;
      }
      if (!ok) continue;
      if (e.k === "r") score -= 1;
      out.push({ e, score, where });
    }
    out.sort((a, b) => b.score - a.score || a.e.t.localeCompare(b.e.t));
    return limit ? out.slice(0, limit) : out;
  }

  // The text around where the first word matched, the words marked.
  function snippet(r, query) {
    const words = fold(query).split(/\s+/).filter(Boolean);
    let text, at, folded;
    if (r.where) {
      [, text, folded] = r.where.sec;
      at = r.where.at;
    } else {
      const sec = r.e._x.find((s) => s[1]) || ["", "", ""];
      [, text, folded] = sec;
      at = 0;
    }
    if (folded.length !== text.length) text = folded;
    let start = Math.max(0, at - 60), end = Math.min(text.length, at + 110);
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    if (end < text.length) end = text.lastIndexOf(" ", end) > at ? text.lastIndexOf(" ", end) : end;
    const piece = text.slice(start, end), low = fold(piece);
    const marks = [];
    for (const w of words) {
      const re = wordRe(w);
      let m;
      while ((m = re.exec(low.length === piece.length ? low : piece))) {
        const s = m.index + m[0].length - m[1].length;
        marks.push([s, s + m[1].length]);
      }
    }
    marks.sort((a, b) => a[0] - b[0]);
    let html = "", pos = 0;
    for (const [s, e] of marks) {
      if (s < pos) continue;
      html += esc(piece.slice(pos, s)) + "<mark>" + esc(piece.slice(s, e)) + "</mark>";
      pos = e;
    }
    html += esc(piece.slice(pos));
    return (start > 0 ? "… " : "") + html + (end < text.length ? " …" : "");
  }

  const href = (r) => root + r.e.u + (r.where && r.where.sec[0] ? "#" + r.where.sec[0] : "");

  // The box in the top bar (pages hold only its place: it needs the script).
  function siteSearch() {
    const box = document.querySelector(".site-search");
    if (!box) return;
    box.innerHTML = `<label class="visually-hidden" for="site-search">Search proposals and rules</label><input id="site-search" type="search" placeholder="Search proposals and rules" autocomplete="off" spellcheck="false" aria-controls="site-results"><div id="site-results" class="results" hidden></div>`;
    const input = $("site-search"), list = $("site-results");
    box.hidden = false;
    let results = [], active = -1, timer;
    const close = () => { list.hidden = true; active = -1; };
    const show = () => {
      searchData().then((entries) => {
        const q = input.value.trim();
        results = q ? search(entries, q, 8) : [];
        active = -1;
        if (!q) return close();
        list.innerHTML = results.length
          ? results.map((r, i) =>
              `<a class="result" id="sr-${i}" href="${esc(href(r))}"><span class="result-t">${esc(r.e.t)}</span> <span class="result-k">${r.e.k === "r" ? "rule" : esc(r.e.s)}</span><span class="result-s">${snippet(r, q)}</span></a>`).join("")
          : `<p class="result-none">Nothing matches “${esc(q)}”.</p>`;
        list.hidden = false;
      }, () => {
        list.innerHTML = `<p class="result-none">The search index could not be loaded.</p>`;
        list.hidden = false;
      });
    };
    input.addEventListener("focus", () => searchData().catch(() => {}));
    input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(show, 120); });
    input.addEventListener("keydown", (e) => {
      const links = [...list.querySelectorAll("a.result")];
      if (e.key === "Escape") return close();
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!links.length) return;
        e.preventDefault();
        active = (active + (e.key === "ArrowDown" ? 1 : links.length - 1)) % links.length;
        links.forEach((a, i) => a.classList.toggle("active", i === active));
        input.setAttribute("aria-activedescendant", links[active].id);
      } else if (e.key === "Enter" && links.length) {
        e.preventDefault();
        location.href = links[Math.max(active, 0)].href;
      }
    });
    document.addEventListener("click", (e) => { if (!box.contains(e.target)) close(); });
  }

  // ---- the portfolio ----------------------------------------------------

  function portfolio(table) {
    const body = table.tBodies[0];
    const rows = [...body.rows].filter((r) => r.querySelector("a"));
    const status = $("filter-status"), tag = $("filter-tag"), input = $("search");
    const count = $("count"), none = $("no-results"), filters = $("filters");
    const heads = [...table.querySelectorAll("thead th[data-sort]")];
    const state = { status: "", tag: "", q: "", desk: "", sort: "" };
    if (filters) filters.hidden = !rows.length;
    rows.forEach((r, i) => {
      r._order = i;
      const a = r.querySelector("a");
      r.dataset.slug = (a.getAttribute("href").match(/p\/([^/]+)\//) || [])[1] || "";
      r.dataset.status = r.cells[1] ? r.cells[1].textContent.trim() : "";
    });
    let data = null, hits = null;

    for (const th of heads) {
      const b = document.createElement("button");
      b.type = "button";
      b.append(...th.childNodes);
      th.append(b);
      th.addEventListener("click", () => {
        const key = th.dataset.sort;
        state.sort = state.sort === key ? "-" + key : key;
        render(true);
      });
    }

    // A plain anchor such as "#main" (the skip link) leaves the state alone.
    function read() {
      const h = location.hash.slice(1);
      if (h && !h.includes("=")) return false;
      const p = new URLSearchParams(h);
      for (const k in state) state[k] = p.get(k) || "";
      if (status) status.value = state.status;
      if (tag) tag.value = state.tag;
      if (input && input.value !== state.q) input.value = state.q;
      return true;
    }

    function write() {
      const p = new URLSearchParams();
      for (const k in state) if (state[k]) p.set(k, state[k]);
      const hash = p.toString();
      try {
        history.replaceState(null, "", location.pathname + location.search + (hash ? "#" + hash : ""));
      } catch (e) {
        if (hash !== location.hash.slice(1)) location.hash = hash;
      }
    }

    const value = (r, col) => {
      const c = r.cells[col];
      if (!c) return "";
      if (col === 6) return ["e", "w", "i"].map((k) => (c.querySelector("i." + k) || { textContent: "0" }).textContent).join(" ");
      return (c.dataset.value ?? (c.querySelector("a") || c).textContent).trim();
    };

    // Blanks sort last in both directions; numbers compare field by field
    // ("errors warnings infos").
    function compare(a, b, numeric) {
      if (a === b) return 0;
      if (a === "") return 1;
      if (b === "") return -1;
      if (!numeric) return a.localeCompare(b, undefined, { sensitivity: "base", numeric: true });
      const x = a.split(/\s+/).map(Number), y = b.split(/\s+/).map(Number);
      for (let i = 0; i < Math.max(x.length, y.length); i++) {
        if ((x[i] || 0) !== (y[i] || 0)) return (x[i] || 0) - (y[i] || 0);
      }
      return 0;
    }

    function sort() {
      const desc = state.sort.startsWith("-");
      const key = desc ? state.sort.slice(1) : state.sort;
      let col = -1, numeric = false;
      for (const th of heads) {
        if (key && th.dataset.sort === key) {
          col = th.cellIndex;
          numeric = th.dataset.type === "number";
          th.setAttribute("aria-sort", desc ? "descending" : "ascending");
        } else th.removeAttribute("aria-sort");
      }
      // Statuses sort in the configured order, as the filter lists them.
      const rank = {};
      if (key === "status" && status) [...status.options].forEach((o, i) => (rank[o.value] = String(i)));
      const v = (r) => (key === "status" ? rank[value(r, col)] || "999" : value(r, col));
      const sorted = rows.slice().sort((a, b) => {
        if (col < 0) return a._order - b._order;
        const x = v(a), y = v(b);
        let c = compare(x, y, numeric || key === "status");
        if (desc && x !== "" && y !== "") c = -c;
        return c || a._order - b._order;
      });
      body.append(...sorted);
    }

    // Search and tags need the search index; until it is there, rows are
    // filtered by what the page holds.
    function needData() {
      if (data || !(state.q || state.tag)) return false;
      searchData().then((entries) => {
        data = {};
        for (const e of entries) if (e.k === "p") data[(e.u.match(/p\/([^/]+)\//) || [])[1]] = e;
        render(false);
      }, () => {});
      return true;
    }

    function render(save) {
      const waiting = needData();
      hits = null;
      if (data && state.q) {
        hits = {};
        for (const r of search(Object.values(data), state.q)) hits[(r.e.u.match(/p\/([^/]+)\//) || [])[1]] = r;
      }
      let shown = 0;
      for (const r of rows) {
        const slug = r.dataset.slug, e = data && data[slug];
        const ok = (!state.status || r.dataset.status === state.status) &&
          (!state.tag || !data || (e && (e.g || []).includes(state.tag))) &&
          (!state.desk || (r.dataset.d || "").split(" ").includes(state.desk[0])) &&
          (!state.q || !hits || !!hits[slug]);
        r.hidden = !ok;
        let sn = r.cells[0].querySelector(".snippet");
        if (ok && hits && hits[slug]) {
          if (!sn) { sn = document.createElement("span"); sn.className = "snippet"; r.cells[0].append(sn); }
          sn.innerHTML = snippet(hits[slug], state.q);
        } else if (sn) sn.remove();
        if (ok) shown++;
      }
      sort();
      for (const a of document.querySelectorAll("[data-desk]")) a.classList.toggle("active", a.dataset.desk === state.desk);
      if (count) {
        const desk = state.desk && document.querySelector(`#desk-${CSS.escape(state.desk)} a`);
        count.textContent = (waiting ? "Searching… " : "") + `${shown} of ${rows.length} ${rows.length === 1 ? "proposal" : "proposals"}` +
          (desk ? ` · ${desk.firstChild.textContent.trim().toLowerCase()}` : "");
      }
      if (none) none.hidden = shown > 0 || !rows.length || waiting;
      if (save) write();
    }

    const on = (el, ev, k) => el && el.addEventListener(ev, () => ((state[k] = el.value), render(true)));
    on(status, "change", "status");
    on(tag, "change", "tag");
    let timer;
    if (input) {
      input.addEventListener("focus", () => searchData().catch(() => {}));
      input.addEventListener("input", () => {
        clearTimeout(timer);
        timer = setTimeout(() => ((state.q = input.value), render(true)), 100);
      });
    }
    document.addEventListener("click", (e) => {
      const d = e.target.closest("[data-desk], [data-filter-status], [data-filter-reset]");
      if (!d) return;
      e.preventDefault();
      if (d.hasAttribute("data-filter-reset")) {
        state.status = state.tag = state.q = state.desk = "";
        for (const el of [status, tag, input]) if (el) el.value = "";
      } else if (d.dataset.desk) {
        state.desk = state.desk === d.dataset.desk ? "" : d.dataset.desk;
      } else {
        state.status = state.status === d.dataset.filterStatus ? "" : d.dataset.filterStatus;
        if (status) status.value = state.status;
      }
      render(true);
      const t = $("portfolio-title");
      if (t && !d.hasAttribute("data-filter-reset")) t.scrollIntoView({ block: "start" });
    });
    addEventListener("hashchange", () => read() && render(false));
    read();
    render(false);
    strips(table);
  }

  // Review-progress strips: one mark per iteration (see pages::strip).
  const DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function strips(table) {
    for (const td of table.querySelectorAll("td[data-r]")) {
      const marks = [...td.dataset.r].map((c) => DIGITS.indexOf(c)).filter((v) => v >= 0);
      if (!marks.length) continue;
      const shown = marks.slice(-24), w = 5, gap = 2, h = 18;
      let svg = `<svg class="strip" viewBox="0 0 ${shown.length * (w + gap)} ${h}" width="${shown.length * (w + gap)}" height="${h}" aria-hidden="true">`;
      shown.forEach((v, i) => {
        const circle = v >> 3, size = (v >> 1) & 3, flag = v & 1, mh = 5 + size * 3;
        svg += `<rect class="c${circle}" x="${i * (w + gap)}" y="${h - mh}" width="${w}" height="${mh}" rx="1"/>`;
        if (flag) svg += `<circle class="flag-mark" cx="${i * (w + gap) + w / 2}" cy="2" r="1.8"/>`;
      });
      td.insertAdjacentHTML("afterbegin", svg + "</svg>");
      td.title = `${marks.length} iterations`;
    }
  }

  // ---- documents ----------------------------------------------------------

  // A badge in the margin of each paragraph a finding concerns, linking to
  // the finding in the side panel.
  function flagParagraphs() {
    const doc = document.querySelector("article.prfaq");
    if (!doc) return;
    // Findings name their paragraph in data-anchor, or (on version pages)
    // by a link to it.
    const anchor = (f) => f.dataset.anchor || ((f.querySelector("a[href^='#']") || {}).getAttribute?.("href") || "").slice(1);
    for (const f of document.querySelectorAll(".finding[data-anchor], .findings-short li")) {
      const p = anchor(f) && $(anchor(f));
      if (!p || !doc.contains(p) || p.classList.contains("flagged")) continue;
      const sevEl = f.querySelector(".sev");
      const sev = f.dataset.severity || (sevEl ? sevEl.textContent.trim() : "warning");
      const msg = f.querySelector(".finding-msg, a[href^='#']");
      const a = document.createElement("a");
      a.className = "flag flag-" + sev;
      a.href = "#" + f.id;
      a.title = sev + ": " + (msg ? msg.textContent : "see the finding");
      a.setAttribute("aria-label", a.title);
      p.classList.add("flagged", "flagged-" + sev);
      p.prepend(a);
    }
  }

  // A permalink on every heading of the document.
  function permalinks() {
    for (const h of document.querySelectorAll("article.prfaq > :is(h1, h2, h3, h4)[id]")) {
      if (h.querySelector(".permalink")) continue;
      const a = document.createElement("a");
      a.className = "permalink";
      a.href = "#" + h.id;
      a.title = "Link to this section";
      a.textContent = "#";
      h.append(a);
    }
  }

  // A version page's contents, from the document it drew.
  function versionToc() {
    const doc = document.querySelector("article.prfaq[data-version]"), panel = document.querySelector("aside.panel");
    if (!doc || !panel) return;
    const nav = document.createElement("nav");
    nav.className = "toc panel-block";
    nav.setAttribute("aria-labelledby", "toc-title");
    nav.innerHTML = `<h2 id="toc-title">Contents</h2><ol></ol>`;
    panel.append(nav);
    const items = [...doc.querySelectorAll(":scope > :is(h1, h2, h3)[id]")].map((h) =>
      `<li class="toc-${h.tagName[1]}"><a href="#${esc(h.id)}">${esc(h.textContent.replace(/#$/, ""))}</a></li>`);
    if (!items.length) return nav.remove();
    nav.querySelector("ol").innerHTML = items.join("");
  }

  // "Link to this paragraph": a button beside the block under the pointer.
  function paragraphLinks() {
    const doc = document.querySelector("article.prfaq");
    if (!doc) return;
    const btn = document.createElement("a");
    btn.className = "para-link";
    btn.textContent = "¶";
    btn.hidden = true;
    doc.append(btn);
    let current = null;
    doc.addEventListener("mouseover", (e) => {
      let el = e.target;
      while (el && el.parentElement !== doc) el = el.parentElement;
      if (!el || el === btn || !el.id || /^H\d$/.test(el.tagName)) return;
      current = el;
      btn.href = "#" + el.id;
      btn.title = "Link to this paragraph";
      btn.setAttribute("aria-label", "Link to this paragraph");
      btn.style.top = el.offsetTop + "px";
      btn.hidden = false;
    });
    btn.addEventListener("click", (e) => {
      if (!current) return;
      e.preventDefault();
      const url = location.href.split("#")[0] + "#" + current.id;
      history.replaceState(null, "", "#" + current.id);
      const done = () => { btn.textContent = "copied"; setTimeout(() => (btn.textContent = "¶"), 1200); };
      if (navigator.clipboard) navigator.clipboard.writeText(url).then(done, done);
      else done();
    });
  }

  // ---- versions -------------------------------------------------------------

  function versionBlocks(label) {
    const data = window.WB_VERSIONS;
    if (!data) return null;
    const v = data.versions.find((x) => x.n === String(label));
    if (!v) return null;
    const out = [];
    for (const part of v.b.split(",")) {
      if (!part) continue;
      const [a, b] = part.split("-").map(Number);
      for (let i = a; i <= (isNaN(b) ? a : b); i++) out.push(i);
    }
    return out;
  }

  // Links in the stored blocks are relative to the proposal's folder; a
  // version page sits one folder below it.
  const relink = (html) => html.replace(/ (href|src)="(?![a-z][a-z0-9+.-]*:|#|\/)/gi, ' $1="../');

  function drawVersion() {
    const doc = document.querySelector("article.prfaq[data-version]");
    if (!doc) return;
    const ids = versionBlocks(doc.dataset.version);
    if (!ids) return;
    doc.innerHTML = ids.map((i) => relink(window.WB_VERSIONS.blocks[i])).join("\n");
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && $(id)) $(id).scrollIntoView();
  }

  // The compare view: block by block (LCS on block numbers), then word by
  // word inside the blocks that changed, folded by section.
  function lcs(a, b, eq) {
    const n = a.length, m = b.length;
    const dp = new Array((n + 1) * (m + 1)).fill(0);
    for (let i = n - 1; i >= 0; i--)
      for (let j = m - 1; j >= 0; j--)
        dp[i * (m + 1) + j] = eq(a[i], b[j]) ? dp[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(dp[(i + 1) * (m + 1) + j], dp[i * (m + 1) + j + 1]);
    const ops = [];
    let i = 0, j = 0;
    while (i < n && j < m) {
      if (eq(a[i], b[j])) { ops.push(["=", a[i], b[j]]); i++; j++; }
      else if (dp[(i + 1) * (m + 1) + j] >= dp[i * (m + 1) + j + 1]) ops.push(["-", a[i++]]);
      else ops.push(["+", b[j++]]);
    }
    while (i < n) ops.push(["-", a[i++]]);
    while (j < m) ops.push(["+", b[j++]]);
    return ops;
  }

  const bare = (html) => html.replace(/ id="[^"]*"/g, "").replace(/<a class="permalink"[^>]*>#<\/a>/g, "");
  const tokens = (html) => html.match(/<[^>]*>|[^<\s]+|\s+/g) || [];
  const words = (html) => new Set(tokens(html).filter((t) => t[0] !== "<" && t.trim()));

  function similar(a, b) {
    const x = words(a), y = words(b);
    let both = 0;
    for (const w of x) if (y.has(w)) both++;
    return both / Math.max(1, Math.min(x.size, y.size)) >= 0.5;
  }

  function wordDiff(a, b) {
    const x = tokens(a), y = tokens(b);
    if (x.length * y.length > 400000) return `<del class="rd-b rd-removed">${a}</del><ins class="rd-b rd-added">${b}</ins>`;
    let out = "", run = "", kind = "";
    const flush = () => { if (run) out += run.trim() ? `<${kind}>${run}</${kind}>` : run; run = ""; };
    for (const [op, t] of lcs(x, y, (p, q) => p === q)) {
      if (op === "=") { flush(); out += t; continue; }
      if (t[0] === "<") { if (op === "+") { flush(); out += t; } continue; }
      const k = op === "+" ? "ins" : "del";
      if (kind !== k) { flush(); kind = k; }
      run += t;
    }
    flush();
    return out.replace(/<(ins|del)>(\s+)/g, "$2<$1>").replace(/(\s+)<\/(ins|del)>/g, "</$2>$1");
  }

  const isHeading = (html) => /^<h[1-6]/.test(html);
  const headingText = (html, cls) => {
    const level = html[2];
    return `<p class="rd-h rd-h${level}${cls}">${html.replace(/^<h\d[^>]*>/, "").replace(/<\/h\d>\s*$/, "")}</p>`;
  };

  function compareHtml(from, to) {
    const data = window.WB_VERSIONS, blocks = data.blocks;
    const a = versionBlocks(from), b = versionBlocks(to);
    if (!a || !b) return "<p>These versions are not in the data.</p>";
    const ops = lcs(a, b, (p, q) => p === q);
    // Pair removed and added blocks that are the same paragraph rewritten.
    const items = [];
    for (let k = 0; k < ops.length; ) {
      if (ops[k][0] === "=") { items.push({ op: "=", html: bare(blocks[ops[k][2]]) }); k++; continue; }
      const del = [], add = [];
      while (k < ops.length && ops[k][0] !== "=") {
        const [op, id] = ops[k++];
        (op === "-" ? del : add).push(bare(blocks[id]));
      }
      while (del.length || add.length) {
        if (del.length && add.length && similar(del[0], add[0]) && isHeading(del[0]) === isHeading(add[0])) items.push({ op: "~", old: del.shift(), html: add.shift() });
        else if (del.length) items.push({ op: "-", html: del.shift() });
        else items.push({ op: "+", html: add.shift() });
      }
    }
    // Sections: a heading and what follows it.
    const groups = [];
    for (const it of items) {
      if (isHeading(it.html) || !groups.length) groups.push({ head: isHeading(it.html) ? it : null, body: [] });
      if (!isHeading(it.html)) groups[groups.length - 1].body.push(it);
    }
    let out = "", folded = 0;
    const fold = (n, what) => (n ? `<p class="rd-fold">${n} ${what}${n === 1 ? "" : "s"} unchanged</p>` : "");
    const cls = { "=": "", "~": " rd-changed", "+": " rd-added", "-": " rd-removed" };
    for (const g of groups) {
      const changed = (g.head && g.head.op !== "=") || g.body.some((it) => it.op !== "=");
      if (!changed) { folded++; continue; }
      out += fold(folded, "section");
      folded = 0;
      out += `<section class="rd-section">`;
      if (g.head) {
        const h = g.head, html = h.op === "~" ? wordDiff(h.old, h.html) : h.html;
        let text = headingText(html, cls[h.op]);
        if (h.op === "+") text = text.replace(/^(<p[^>]*>)([\s\S]*)(<\/p>)$/, "$1<ins>$2</ins>$3");
        if (h.op === "-") text = text.replace(/^(<p[^>]*>)([\s\S]*)(<\/p>)$/, "$1<del>$2</del>$3");
        out += text;
      }
      let quiet = 0;
      for (const it of g.body) {
        if (it.op === "=") { quiet++; continue; }
        out += fold(quiet, "paragraph");
        quiet = 0;
        if (it.op === "~") out += `<div class="rd-b rd-changed">${wordDiff(it.old, it.html)}</div>`;
        else if (it.op === "+") out += `<ins class="rd-b rd-added">${it.html}</ins>`;
        else out += `<del class="rd-b rd-removed">${it.html}</del>`;
      }
      out += fold(quiet, "paragraph") + "</section>";
    }
    if (!out) return `<p class="rd-fold">Iterations ${esc(from)} and ${esc(to)} read the same.</p>`;
    return out + fold(folded, "section");
  }

  function compareView() {
    const form = $("compare");
    if (!form) return;
    const from = $("compare-from"), to = $("compare-to"), out = $("compare-out");
    const labels = (form.dataset.versions || "").split(" ").filter(Boolean);
    const options = labels.map((l) => `<option value="${esc(l)}">iteration ${esc(l)}</option>`).join("");
    from.innerHTML = to.innerHTML = options;
    to.selectedIndex = labels.length - 1;
    from.selectedIndex = Math.max(0, labels.length - 2);
    form.hidden = false;
    const run = (save) => {
      out.innerHTML = `<p class="quiet">Loading the versions…</p>`;
      load("versions.js", () => !!window.WB_VERSIONS).then(() => {
        out.innerHTML = `<h3 class="compare-head">Iteration ${esc(from.value)} → iteration ${esc(to.value)}</h3><div class="changes diff">${compareHtml(from.value, to.value)}</div>`;
        if (save) history.replaceState(null, "", `#compare=${from.value}..${to.value}`);
      }, () => (out.innerHTML = `<p class="notice notice-error">The versions could not be loaded.</p>`));
    };
    form.addEventListener("submit", (e) => { e.preventDefault(); run(true); });
    const m = location.hash.match(/^#compare=([^.]+)\.\.(.+)$/);
    if (m) {
      from.value = decodeURIComponent(m[1]);
      to.value = decodeURIComponent(m[2]);
      run(false);
    }
  }

  // ---- the rail follows the reading --------------------------------------

  // The rail lists the iterations the page holds (built from them: the
  // page is whole without it).
  function rail() {
    const nav = $("rail");
    if (!nav) return;
    const arts = [...document.querySelectorAll("article.iteration")];
    nav.querySelector("ol").innerHTML = arts.map((art) => {
      const h = art.querySelector("h2"), n = art.querySelector(".it-n"), time = art.querySelector(".byline time");
      const reach = art.querySelector(".byline .reach"), status = art.querySelector(".iteration-head .decision .status");
      const subject = h.textContent.replace(n ? n.textContent : "", "").trim();
      const label = art.id.slice(2);
      const cls = reach ? [...reach.classList].find((c) => /^c\d$/.test(c)) || "c0" : "c0";
      return `<li><a href="#${esc(art.id)}"><span class="dot ${cls}" aria-hidden="true"></span><span class="rail-n">${esc(label)}</span> <span class="rail-s">${esc(subject)}</span>` +
        `<span class="rail-d">${time ? esc(time.getAttribute("datetime").slice(0, 10)) : ""}${reach ? " · " + esc(reach.textContent) : ""}</span>` +
        (status ? ` <span class="${esc(status.className)}">${esc(status.textContent)}</span>` : "") + `</a></li>`;
    }).join("");
    nav.hidden = !arts.length;
    if (!("IntersectionObserver" in window)) return;
    const links = {};
    for (const a of nav.querySelectorAll("a[href^='#i-']")) links[a.getAttribute("href").slice(1)] = a;
    const seen = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (!e.isIntersecting || !links[e.target.id]) continue;
        for (const a of Object.values(links)) a.removeAttribute("aria-current");
        links[e.target.id].setAttribute("aria-current", "true");
      }
    }, { rootMargin: "0px 0px -70% 0px" });
    for (const art of document.querySelectorAll("article.iteration")) seen.observe(art);
  }

  siteSearch();
  const table = $("portfolio");
  if (table && table.tBodies.length) portfolio(table);
  drawVersion();
  versionToc();
  permalinks();
  flagParagraphs();
  paragraphLinks();
  compareView();
  rail();
})();
