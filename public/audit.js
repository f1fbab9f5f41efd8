// 某日在用版本：在浏览器中按所选日期计算每份受控文件的在用版本。
// 算法与 inForceAt（src/history/point-in-time.ts）相同，数据是构建时算好的各版本在用期间
// [from, until)（src/site/history-audit.ts）；test/site/history-audit.test.ts 核对两者在每个可能变化的日期上一致。
(() => {
  /** The answer for one document on one date: 现行 / 已作废 / 尚未生效 and the version in force. */
  const inForceOn = (doc, date) => {
    const version = doc.versions.find((v) => v.from <= date && (!v.until || date < v.until));
    if (!version) return { state: 'not-yet' };
    if (doc.obsoleteSince && doc.obsoleteSince <= date) return { state: 'obsolete', version };
    return { state: 'in-force', version };
  };
  if (typeof document === 'undefined') {
    globalThis.inForceOn = inForceOn;
    return;
  }
  const form = document.querySelector('form[data-audit]');
  const data = document.getElementById('audit-data');
  const table = document.querySelector('table[data-audit-table]');
  if (!form || !data || !table) return;
  const docs = JSON.parse(data.textContent);
  const input = form.elements.date;
  const out = form.querySelector('output');
  // Names of the states and sources, and the column headings, as the page was built with them (src/history/point-in-time.ts, the schema's titles).
  const { states: labels, sources } = JSON.parse(form.dataset.labels);
  const heads = [...table.tHead.rows[0].cells].map((th) => th.textContent);
  const badges = { 'in-force': 'effective', obsolete: 'obsolete', 'not-yet': 'draft' };
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    node.append(...children.filter((c) => c !== undefined && c !== ''));
    return node;
  };
  // The embedded periods hold root-relative addresses (/procedures/…); the site may live under a base path (/zlbz/).
  const base = form.dataset.base || '/';
  const link = (href, text) => (href ? el('a', { href: href.startsWith('/') ? base + href.slice(1) : href }, text) : text);
  const render = (date) => {
    const counts = { 'in-force': 0, obsolete: 0, 'not-yet': 0 };
    const rows = docs.map((doc) => {
      const { state, version: v } = inForceOn(doc, date);
      counts[state]++;
      const end = state === 'obsolete' ? [`${doc.obsoleteSince} 起作废`, ...(doc.successor ? ['，由 ', link(doc.successorHref, doc.successor), ' 替代'] : [])] : [];
      const source = v ? sources[v.source] : '—';
      return el('tr', { 'data-number': doc.number, 'data-state': state },
        el('td', { class: 'num' }, link(doc.href, doc.number)),
        el('td', {}, doc.title),
        el('td', { class: 'num', 'data-label': heads[2] }, v ? link(doc.historyHref && `${doc.historyHref}#${v.anchor}`, v.version) : '—'),
        el('td', {}, el('span', { class: `status status-${badges[state]}` }, labels[state])),
        el('td', { class: 'num', 'data-label': heads[4] }, v ? v.from : '—'),
        el('td', { 'data-label': heads[5] }, (v && v.approvedBy) || '—'),
        el('td', {}, source, ...(v && v.commit ? [' · ', el('code', {}, v.commit.slice(0, 7))] : [])),
        el('td', {}, ...end));
    });
    table.tBodies[0].replaceChildren(...rows);
    table.querySelector('[data-audit-caption]').textContent = `${date} 在用的受控文件`;
    out.textContent = `${date}：${labels['in-force']} ${counts['in-force']} 份，${labels.obsolete} ${counts.obsolete} 份，${labels['not-yet']} ${counts['not-yet']} 份`;
  };
  const valid = (d) => /^\d{4}-\d{2}-\d{2}$/.test(d);
  const update = () => {
    if (!valid(input.value)) return;
    render(input.value);
    const url = new URL(location.href);
    url.searchParams.set('date', input.value);
    history.replaceState(null, '', url);
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    update();
  });
  input.addEventListener('change', update);
  input.addEventListener('input', update);
  const asked = new URLSearchParams(location.search).get('date');
  if (asked && valid(asked)) {
    input.value = asked;
    render(asked);
  } else if (form.hasAttribute('data-today')) {
    // “今天” is the reader's today, which may be later than the day the site was built.
    const now = new Date();
    const local = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
    if (local !== input.value) {
      input.value = local;
      render(local);
    }
  }
})();
