/* wb: small enhancements; every page works without them.
   Portfolio: filter, search and sort the table, with the state in the hash:
     #status=review&tag=health&q=night+nurse&sort=-iterations
   Proposal: mark the paragraphs that have findings. */
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const fold = (s) => String(s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");

  const table = $("portfolio");
  if (table && table.tBodies.length) portfolio(table);
  flagParagraphs();

  function portfolio(table) {
    const body = table.tBodies[0];
    const rows = [...body.rows].filter((r) => r.hasAttribute("data-slug"));
    const status = $("filter-status"), tag = $("filter-tag"), search = $("search");
    const count = $("count"), none = $("no-results"), filters = $("filters");
    const heads = [...table.querySelectorAll("thead th[data-sort]")];
    const state = { status: "", tag: "", q: "", sort: "" };
    if (filters) filters.hidden = !rows.length;

    // Words of each row: the search index (title, customer, text) when the
    // build emitted one, and always the row's own data-search.
    const index = {};
    for (const e of Array.isArray(window.WB_SEARCH) ? window.WB_SEARCH : []) {
      if (e && e.slug != null) index[e.slug] = fold([e.title, e.customer, (e.tags || []).join(" "), e.text].join(" "));
    }
    rows.forEach((r, i) => {
      r._order = i;
      r._text = fold(r.dataset.search) + " " + (index[r.dataset.slug] || "");
      r._tags = (r.dataset.tags || "").split(/\s+/);
    });

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
      if (search && search.value !== state.q) search.value = state.q;
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
      return c ? (c.dataset.value ?? c.textContent).trim() : "";
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

    function render(save) {
      const words = fold(state.q).split(/\s+/).filter(Boolean);
      let shown = 0;
      for (const r of rows) {
        const ok = (!state.status || r.dataset.status === state.status) &&
          (!state.tag || r._tags.includes(state.tag)) &&
          words.every((w) => r._text.includes(w));
        r.hidden = !ok;
        if (ok) shown++;
      }
      sort();
      if (count) count.textContent = `${shown} of ${rows.length} ${rows.length === 1 ? "proposal" : "proposals"}`;
      if (none) none.hidden = shown > 0 || !rows.length;
      if (save) write();
    }

    const on = (el, ev, k) => el && el.addEventListener(ev, () => ((state[k] = el.value), render(true)));
    on(status, "change", "status");
    on(tag, "change", "tag");
    on(search, "input", "q");
    document.addEventListener("click", (e) => {
      if (!e.target.closest("[data-filter-reset]")) return;
      e.preventDefault();
      state.status = state.tag = state.q = "";
      for (const el of [status, tag, search]) if (el) el.value = "";
      render(true);
      if (search) search.focus();
    });
    addEventListener("hashchange", () => read() && render(false));
    read();
    render(false);
  }

  // A badge in the margin of each paragraph a finding concerns, linking to
  // the finding in the side panel.
  function flagParagraphs() {
    const doc = document.querySelector("article.prfaq");
    if (!doc) return;
    for (const f of document.querySelectorAll(".finding[data-anchor]")) {
      const p = $(f.dataset.anchor);
      if (!p || !doc.contains(p) || p.classList.contains("flagged")) continue;
      const sev = f.dataset.severity || "warning";
      const msg = f.querySelector(".finding-msg");
      const a = document.createElement("a");
      a.className = "flag flag-" + sev;
      a.href = "#" + f.id;
      a.title = sev + ": " + (msg ? msg.textContent : "see the finding");
      a.setAttribute("aria-label", a.title);
      p.classList.add("flagged", "flagged-" + sev);
      p.prepend(a);
    }
  }
})();
