// 受控文件清单的筛选和排序（渐进增强：没有脚本时清单照常完整显示）。
(() => {
  for (const form of document.querySelectorAll('form[data-filters]')) {
    const table = form.nextElementSibling.querySelector('table');
    const body = table.tBodies[0];
    const rows = [...body.rows];
    const out = form.querySelector('output');
    form.hidden = false;
    const apply = () => {
      const f = new FormData(form);
      const dept = f.get('dept'), status = f.get('status'), level = f.get('level'), text = String(f.get('text') || '').trim().toLowerCase();
      let shown = 0;
      for (const row of rows) {
        const ok = (!dept || row.dataset.dept.split(' ').includes(dept)) && (!status || row.dataset.status === status) &&
          (!level || row.dataset.level.split(' ').includes(level)) && (!text || row.textContent.toLowerCase().includes(text));
        row.hidden = !ok;
        if (ok) shown++;
      }
      out.textContent = `显示 ${shown} / ${rows.length} 份`;
    };
    form.addEventListener('input', apply);
    form.addEventListener('submit', (e) => e.preventDefault());
    apply();
    const heads = [...table.tHead.rows[0].cells];
    heads.forEach((th, col) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent;
      th.textContent = '';
      th.append(button);
      button.addEventListener('click', () => {
        const dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
        heads.forEach((h) => h.removeAttribute('aria-sort'));
        th.setAttribute('aria-sort', dir);
        const key = (r) => r.cells[col].textContent.trim();
        rows.sort((a, b) => key(a).localeCompare(key(b), 'zh-CN', { numeric: true }) * (dir === 'ascending' ? 1 : -1));
        body.append(...rows);
      });
    });
  }
})();
