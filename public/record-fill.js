// 在线填写：在记录页面上按表单模板生成可填写的表单，不需要服务器或网络。
// 表单由构建时写入页面的定义（#record-fill-data：src/model/record-json-schema.ts 的 fillDefinition，
// 版式与打印相同的 formLayout）生成；模板内容来自合并请求，不可信，所以只用 DOM 接口和 textContent 生成，
// 从不把模板文字当 HTML 插入。检查必填项、选项和日期；打印用浏览器的打印（打印样式只印表单）；
// 保存为 JSON 文件（记录编号_版本_日期.json），结构见 /records/<编号>/schema.json。
(() => {
  const data = document.getElementById('record-fill-data');
  const host = document.getElementById('record-fill');
  const start = document.getElementById('record-fill-start');
  if (!data || !host || !start) return;
  const def = JSON.parse(data.textContent);
  const layout = def.layout;

  /** Creates an element with attributes and children (text children become text nodes). */
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === false) continue;
      node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== undefined && c !== null && c !== '') node.append(c);
    return node;
  };
  const pad = (n) => String(n).padStart(2, '0');
  const today = () => {
    const d = new Date();
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  /** A real calendar day written YYYY-MM-DD. */
  const isDate = (text) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  };
  let serial = 0;
  const nextId = () => `rf-${++serial}`;

  /** Label text with the required mark. */
  const labelOf = (field) => [field.label, field.required ? el('span', { class: 'required', title: '必填' }, '*') : ''];

  /** The input(s) of one plain value; returns [node, read()] where read gives the value or undefined. */
  const valueInput = (kind, options, name, label) => {
    if (kind === 'textarea') {
      const input = el('textarea', { name, rows: 4, 'aria-label': label });
      return [input, () => input.value.trim() || undefined];
    }
    if (kind === 'number') {
      const input = el('input', { type: 'number', name, step: 'any', 'aria-label': label });
      return [input, () => (input.value.trim() === '' ? undefined : Number(input.value))];
    }
    if (kind === 'date') {
      const input = el('input', { type: 'date', name, 'aria-label': label });
      return [input, () => input.value || undefined];
    }
    if (kind === 'checkbox') {
      const input = el('input', { type: 'checkbox', name, 'aria-label': label });
      return [el('label', { class: 'tick-input' }, input, '是'), () => (input.checked ? true : undefined)];
    }
    if (kind === 'choice' || kind === 'multichoice') {
      const type = kind === 'choice' ? 'radio' : 'checkbox';
      const inputs = options.map((o) => el('input', { type, name, value: o }));
      const group = el('span', { class: 'ticks', role: kind === 'choice' ? 'radiogroup' : 'group', 'aria-label': label }, ...inputs.map((input, i) => el('label', { class: 'tick-input' }, input, options[i])));
      const read = () => {
        const picked = inputs.filter((i) => i.checked).map((i) => i.value);
        if (kind === 'choice') return picked[0];
        return picked.length ? picked : undefined;
      };
      return [group, read];
    }
    const input = el('input', { type: 'text', name, 'aria-label': label });
    return [input, () => input.value.trim() || undefined];
  };

  /** Every field's reader, by key. */
  const readers = new Map();

  /** A table field: rows of inputs, 序号 numbered, a button to add a row. */
  const tableInput = (keyed, columns, rows) => {
    const body = el('tbody');
    const rowReaders = [];
    const addRow = () => {
      const n = rowReaders.length + 1;
      const cells = [];
      const tr = el('tr');
      for (const c of columns) {
        if (c.serial) {
          tr.append(el('td', { class: 'serial' }, String(n)));
          continue;
        }
        const options = c.options || [];
        const [node, read] = c.kind === 'choice' ? selectInput(options, `${keyed.key} 第 ${n} 行 ${c.label}`, c.legend) : valueInput(c.kind || 'text', options, `${keyed.key}-${n}-${c.label}`, `${keyed.key} 第 ${n} 行 ${c.label}`);
        cells.push([c.label, read]);
        tr.append(el('td', {}, node));
      }
      body.append(tr);
      rowReaders.push(() => {
        const row = {};
        for (const [label, read] of cells) {
          const v = read();
          if (v !== undefined) row[label] = v;
        }
        return Object.keys(row).length ? row : undefined;
      });
    };
    for (let i = 0; i < rows; i++) addRow();
    const table = el('table', { class: 'inner-rows' }, el('thead', {}, el('tr', {}, ...columns.map((c) => el('th', { scope: 'col' }, c.label)))), body);
    const more = el('button', { type: 'button', class: 'add-row' }, '增加一行');
    more.addEventListener('click', addRow);
    readers.set(keyed.key, {
      field: keyed.field,
      read: () => {
        const filled = rowReaders.map((r) => r()).filter(Boolean);
        return filled.length ? filled : undefined;
      },
      focus: () => table.querySelector('input,select,textarea')?.focus(),
    });
    const legends = columns.filter((c) => c.legend).map((c) => el('p', { class: 'legend choice-legend' }, el('b', {}, c.label), ...c.legend.map((e) => el('span', {}, `${e.letter} ${e.option}`))));
    return el('div', {}, el('div', { class: 'rows-wrap' }, table), ...legends, more);
  };

  /** A choice in a table cell: a narrow select of the options (shown with their legend letters, as on paper). */
  const selectInput = (options, label, legend) => {
    const shown = (o, i) => (legend && legend[i] ? `${legend[i].letter} ${o}` : o);
    const select = el('select', { 'aria-label': label }, el('option', { value: '' }, ''), ...options.map((o, i) => el('option', { value: o }, shown(o, i))));
    return [select, () => select.value || undefined];
  };

  /** A plain field's cell content, registering its reader. */
  const fieldInput = (keyed) => {
    const f = keyed.field;
    const name = nextId();
    if (f.kind === 'signature') {
      const who = el('input', { type: 'text', name, 'aria-label': `${f.label} 签名` });
      const when = el('input', { type: 'date', name: `${name}-d`, 'aria-label': `${f.label} 日期` });
      readers.set(keyed.key, {
        field: f,
        read: () => {
          const v = {};
          if (who.value.trim()) v[def.signatureKeys.name] = who.value.trim();
          if (when.value) v[def.signatureKeys.date] = when.value;
          return Object.keys(v).length ? v : undefined;
        },
        focus: () => who.focus(),
      });
      return el('span', { class: 'sign' }, '签名：', who, ' 日期：', when);
    }
    const [node, read] = valueInput(f.kind, f.options || [], name, f.label);
    readers.set(keyed.key, { field: f, read, focus: () => (node.matches('input,textarea') ? node : node.querySelector('input'))?.focus() });
    return node;
  };

  const note = (field) => (field.note ? el('span', { class: 'fill-note' }, `填写说明：${field.note}`) : '');

  /** Builds the form in the layout of the paper form. */
  const build = () => {
    const dateInput = el('input', { type: 'date', name: 'record-date', value: today(), required: true, 'aria-label': '填写日期' });
    const form = el('form', { class: `form-sheet fill-sheet ${layout.orientation}`, novalidate: true, 'aria-label': `${def.title}（在线填写）` });
    form.append(
      el('p', { class: 'form-title' }, def.title),
      el('p', { class: 'form-no' }, el('span', {}, `记录编号：${def.number}`), el('span', {}, `版本：${def.version}`), el('label', {}, '填写日期：', dateInput)),
    );
    for (const block of layout.blocks) {
      if (block.kind === 'grid') {
        const tbody = el('tbody');
        for (const row of block.rows) {
          const tr = el('tr');
          for (const cell of row) {
            const content = cell.table ? tableInput(cell, cell.table.columns, cell.table.rows) : fieldInput(cell);
            tr.append(el('th', { scope: 'row' }, ...labelOf(cell.field)), el('td', { colspan: row.length === 1 ? 3 : undefined }, content, note(cell.field)));
          }
          tbody.append(tr);
        }
        const cols = el('colgroup', {}, el('col', { class: 'label-col' }), el('col'), el('col', { class: 'label-col' }), el('col'));
        form.append(el('table', { class: 'form-grid' }, cols, tbody));
      } else {
        const t = block.table;
        form.append(el('div', { class: 'table-block' }, el('p', { class: 'table-label' }, ...labelOf(t.field), note(t.field)), tableInput(t, t.columns, t.rows)));
      }
    }
    const problems = el('ul', { class: 'fill-problems', role: 'alert', 'aria-live': 'polite' });
    const status = el('p', { class: 'fill-status', role: 'status' });
    const check = el('button', { type: 'button' }, '检查');
    const print = el('button', { type: 'button' }, '打印');
    const save = el('button', { type: 'submit' }, '保存为 JSON 文件');
    form.append(el('p', { class: 'fill-actions' }, check, print, save), problems, status);

    /** The filled record, as the schema describes it. */
    const record = () => {
      const values = {};
      for (const [key, r] of readers) {
        const v = r.read();
        if (v !== undefined) values[key] = v;
      }
      return { form: def.number, version: def.version, date: dateInput.value, values };
    };
    /** What is wrong, in Chinese, with the field to go to. */
    const findProblems = (rec) => {
      const out = [];
      if (!isDate(rec.date)) out.push(['填写日期：请填写有效日期', () => dateInput.focus()]);
      for (const [key, r] of readers) {
        const f = r.field;
        const v = rec.values[key];
        if (f.required && (v === undefined || (f.kind === 'signature' && !v[def.signatureKeys.name]))) out.push([`“${f.label}”为必填项`, r.focus]);
        if (v === undefined) continue;
        if (f.kind === 'choice' && !f.options.includes(v)) out.push([`“${f.label}”的值“${v}”不在选项中`, r.focus]);
        if (f.kind === 'multichoice') for (const x of v) if (!f.options.includes(x)) out.push([`“${f.label}”的值“${x}”不在选项中`, r.focus]);
        if (f.kind === 'date' && !isDate(v)) out.push([`“${f.label}”不是有效日期`, r.focus]);
      }
      return out;
    };
    const show = (list) => {
      problems.replaceChildren(...list.map(([text, focus]) => {
        const a = el('a', { href: '#' }, text);
        a.addEventListener('click', (e) => {
          e.preventDefault();
          if (focus) focus();
        });
        return el('li', {}, a);
      }));
      status.textContent = list.length ? `有 ${list.length} 处需要修改` : '检查通过：必填项已填写，选项和日期有效';
      return list.length === 0;
    };
    check.addEventListener('click', () => show(findProblems(record())));
    print.addEventListener('click', () => {
      markForPrint();
      window.print();
    });
    window.addEventListener('afterprint', unmarkForPrint);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const rec = record();
      if (!show(findProblems(rec))) return;
      const blob = new Blob([`${JSON.stringify(rec, null, 2)}\n`], { type: 'application/json' });
      const a = el('a', { href: URL.createObjectURL(blob), download: `${def.filePrefix}${rec.date}.json` });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      status.textContent = `已保存为 ${a.download}`;
    });
    return form;
  };

  /** Prints only the filled form: marks the way to it (print CSS hides the rest) and sets the page size. */
  const pageStyle = el('style', {}, `@page{size:A4${layout.orientation === 'landscape' ? ' landscape' : ''};margin:15mm;}`);
  /** On paper a value is text that wraps, not a box that clips: each input gets its value beside it. */
  const showValues = () => {
    for (const input of host.querySelectorAll('input[type="text"], input[type="number"], input[type="date"], textarea, select')) {
      const shown = input.type === 'date' && isDate(input.value) ? input.value.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1 年 $2 月 $3 日') : input.value;
      input.after(el('span', { class: 'print-value' }, shown));
    }
  };
  const markForPrint = () => {
    for (const old of host.querySelectorAll('.print-value')) old.remove();
    showValues();
    for (let n = host.parentElement; n && n !== document.body; n = n.parentElement) n.setAttribute('data-fill-path', '');
    document.body.classList.add('printing-record');
    document.head.append(pageStyle);
  };
  const unmarkForPrint = () => {
    for (const n of document.querySelectorAll('[data-fill-path]')) n.removeAttribute('data-fill-path');
    document.body.classList.remove('printing-record');
    for (const old of host.querySelectorAll('.print-value')) old.remove();
    pageStyle.remove();
  };
  // A print started from the browser's menu while filling in prints the filled form too.
  window.addEventListener('beforeprint', () => {
    if (!host.hidden) markForPrint();
  });

  start.addEventListener('click', () => {
    if (!host.firstChild) host.append(build());
    host.hidden = false;
    start.hidden = true;
    host.querySelector('input,textarea')?.focus();
  });
})();
