// The SQL console: runs the editor's statement through POST /api/sql and shows the rows (no inline scripts: CSP).
(function () {
  'use strict';
  const form = document.getElementById('sql-form');
  const editor = document.getElementById('sql');
  const tenant = document.getElementById('tenant');
  const run = document.getElementById('run');
  const error = document.getElementById('sql-error');
  const summary = document.getElementById('sql-summary');
  const result = document.getElementById('sql-result');

  function cell(tag, text, numeric) {
    const c = document.createElement(tag);
    c.textContent = text;
    if (numeric) c.className = 'num';
    return c;
  }

  function show(answer) {
    const table = document.createElement('table');
    table.id = 'sql-rows';
    const head = table.createTHead().insertRow();
    answer.columns.forEach(function (name, i) {
      const th = cell('th', name, false);
      th.title = answer.types[i];
      head.appendChild(th);
    });
    const body = table.createTBody();
    answer.rows.forEach(function (row) {
      const tr = body.insertRow();
      row.forEach(function (v) {
        tr.appendChild(cell('td', v === null ? '' : String(v), typeof v === 'number'));
      });
    });
    result.replaceChildren(table);
    let text = answer.row_count + (answer.row_count === 1 ? ' row' : ' rows') + ' in ' + answer.elapsed_ms + ' ms';
    if (answer.truncated) text += ': cut at the limit of ' + answer.max_rows + ' rows, there are more (narrow the query or aggregate)';
    summary.textContent = text;
    summary.classList.toggle('truncated', answer.truncated);
  }

  async function execute() {
    run.disabled = true;
    error.hidden = true;
    summary.textContent = 'running…';
    const url = '/api/sql' + (tenant && tenant.value ? '?tenant=' + encodeURIComponent(tenant.value) : '');
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ sql: editor.value })
      });
      const answer = await response.json();
      if (answer.error !== undefined) {
        summary.textContent = '';
        result.replaceChildren();
        error.textContent = answer.error;
        error.hidden = false;
      } else {
        show(answer);
      }
    } catch (e) {
      summary.textContent = '';
      error.textContent = 'the server did not answer: ' + e;
      error.hidden = false;
    } finally {
      run.disabled = false;
    }
  }

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    execute();
  });
  editor.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      execute();
    }
  });
  document.querySelectorAll('button.ref').forEach(function (b) {
    b.addEventListener('click', function () {
      editor.value = b.dataset.sql;
      editor.focus();
      execute();
    });
  });
})();
