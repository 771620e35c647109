// The supervisors' wallboard: one EventSource (/wallboard/events) gives a snapshot, then every change of the live
// topics the signed-in user may see. Everything is drawn here from those messages (docs/metrics.md, "Live queue
// state and the live sink"); the server only fans out. Times tick on the tenant's clock, estimated from the last
// queue-state message (its as_of against when it was written), so a replay of an old day ticks on that day.
(function () {
  'use strict';
  const root = document.getElementById('wallboard');
  if (!root) return;
  const KEEP_APPLIED = 2000, KEEP_CONTACTS = 300, KEEP_ABANDONED = 200, SHOW_ABANDONED = 60;
  const S = { tenants: {}, updates: 0, drill: null };
  // for tests: when each message was applied to the page (produce -> screen latency)
  window.__wallboardApplied = [];
  window.__wallboard = S;

  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const num = (v) => (typeof v === 'number' ? v : null);
  const pct = (v) => (num(v) == null ? '–' : (v * 100).toFixed(1) + '\u202f%');
  const secs = (v) => (num(v) == null ? '–' : Math.round(v) + '\u202fs');
  const int = (v) => (num(v) == null ? '–' : String(v));
  function dur(ms) {
    if (ms == null || !isFinite(ms)) return '–';
    const s = Math.max(0, Math.floor(ms / 1000)), h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    return (h ? h + ':' + String(m).padStart(2, '0') : m) + ':' + String(r).padStart(2, '0');
  }
  const formats = {};
  function clock(t, ms) {
    if (ms == null) return '–';
    const f = formats[t.time_zone] || (formats[t.time_zone] = new Intl.DateTimeFormat('en-GB', { timeZone: t.time_zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }));
    return f.format(new Date(ms));
  }
  // the tenant's clock now: wall clock minus how far the tenant's event time was behind when its state was written
  const tenantNow = (t) => Date.now() - (t.lag || 0);

  // ---------------------------------------------------------------- thresholds (entry chosen by the server)
  const METRICS = {
    service_level: { low: true, get: (b) => b.trailing_15m && b.trailing_15m.service_level },
    asa_seconds: { get: (b) => b.trailing_15m && b.trailing_15m.asa_seconds },
    abandon_rate: { get: (b) => b.trailing_15m && b.trailing_15m.abandonment_rate },
    oldest_wait_seconds: { get: (b) => b.oldest_wait_seconds },
    waiting: { get: (b) => b.waiting }
  };
  function level(metric, band, v) {
    if (!band || num(v) == null) return null;
    if (METRICS[metric].low) return v < band.red ? 'red' : v < band.amber ? 'amber' : 'green';
    return v >= band.red ? 'red' : v >= band.amber ? 'amber' : 'green';
  }
  const RANK = { green: 0, amber: 1, red: 2 };
  // colours of one block (the queue's total or a channel) with the oldest wait as it ticks now
  function colours(t, q, block) {
    const th = q.wallboard_thresholds, out = { status: null };
    if (!th) return out;
    for (const m in METRICS) {
      let v = METRICS[m].get(block);
      if (m === 'oldest_wait_seconds') v = oldestWait(t, block) == null ? null : oldestWait(t, block) / 1000;
      const l = level(m, th[m], v);
      out[m] = l;
      if (l && (out.status == null || RANK[l] > RANK[out.status])) out.status = l;
    }
    return out;
  }
  function oldestWait(t, block) {
    if (!block.waiting || num(block.oldest_queued_at_ms) == null) return null;
    return Math.max(0, tenantNow(t) - block.oldest_queued_at_ms);
  }

  // ---------------------------------------------------------------- state
  function tenantOf(id) {
    return S.tenants[id];
  }
  function loadSnapshot(s) {
    S.tenants = {};
    for (const id in s.tenants) {
      const src = s.tenants[id];
      const t = { id: id, name: src.name, time_zone: src.time_zone, queues: new Map(), agents: new Map(), alerts: new Map(), contacts: src.contacts || [], abandoned: src.abandoned || [], lag: 0 };
      (src.queues || []).forEach((q) => { t.queues.set(q.queue_id, q); noteClock(t, q); });
      (src.agents || []).forEach((a) => t.agents.set(a.agent_id, a));
      (src.alerts || []).forEach((a) => t.alerts.set(a.alert_id, a));
      S.tenants[id] = t;
    }
    S.feed = s.feed;
  }
  function noteClock(t, q) {
    if (num(q.as_of_ms) != null && num(q.emitted_at_ms) != null && (t.asOf == null || q.as_of_ms >= t.asOf)) {
      t.asOf = q.as_of_ms;
      t.lag = q.emitted_at_ms - q.as_of_ms;
      t.businessDate = q.business_date;
    }
  }
  // applies one change; returns the parts of the page it changes
  function apply(m) {
    const t = tenantOf(m.tenant_id);
    if (!t) return null;
    switch (m.type) {
      case 'queue_state':
        t.queues.set(m.queue_id, m); noteClock(t, m);
        return { key: m.queue_id, queues: true, drill: true };
      case 'queue_removed':
        t.queues.delete(m.queue_id);
        return { key: m.queue_id, queues: true, drill: true };
      case 'agent_state':
        if (m.state === 'logged_out') t.agents.delete(m.agent_id); else t.agents.set(m.agent_id, m);
        return { key: m.agent_id, drill: true };
      case 'queue_exit':
        t.contacts.push(m); if (t.contacts.length > KEEP_CONTACTS) t.contacts.shift();
        if (m.outcome === 'abandoned') { t.abandoned.push(m); if (t.abandoned.length > KEEP_ABANDONED) t.abandoned.shift(); }
        return { key: m.contact_id, abandoned: m.outcome === 'abandoned', drill: true };
      default:
        if (!m.alert_id) return null;
        if (m.state === 'withdrawn') t.alerts.delete(m.alert_id);
        else {
          const before = t.alerts.get(m.alert_id);
          t.alerts.set(m.alert_id, before && m.state === 'cleared' ? Object.assign({}, before, m) : m);
        }
        return { key: m.alert_id, alerts: true };
    }
  }

  // ---------------------------------------------------------------- drawing
  const WINDOWS = [['trailing_15m', '15 min'], ['trailing_30m', '30 min'], ['today', 'Today']];
  function agentsCell(a) {
    if (!a) return '<td class="ag">–</td>';
    const nr = a.not_ready_by_reason ? Object.keys(a.not_ready_by_reason).map((r) => r + ' ' + a.not_ready_by_reason[r]).join(', ') : '';
    return '<td class="ag" title="logged in ' + esc(a.logged_in) + (nr ? '; not ready: ' + esc(nr) : '') + '">'
      + '<span class="chip av">' + int(a.available) + '</span><span class="chip oc">' + int(a.on_contact) + '</span>'
      + '<span class="chip acw">' + int(a.after_contact_work) + '</span><span class="chip nr">' + int(a.not_ready) + '</span>'
      + '<span class="li">/ ' + int(a.logged_in) + '</span></td>';
  }
  function blockCells(b, c, today) {
    let h = '';
    WINDOWS.forEach(([w], i) => {
      const x = b[w] || {};
      const first = i === 0;
      h += '<td class="sl ' + (first && c.service_level ? 'm-' + c.service_level : '') + ' gs">' + pct(x.service_level) + '</td>'
        + '<td class="' + (first && c.asa_seconds ? 'm-' + c.asa_seconds : '') + '">' + secs(x.asa_seconds) + '</td>'
        + '<td class="' + (first && c.abandon_rate ? 'm-' + c.abandon_rate : '') + '" title="' + esc(int(x.abandoned)) + ' of ' + esc(int(x.offered)) + ' offered">' + pct(x.abandonment_rate) + '</td>'
        + '<td>' + secs(x.aht_seconds) + '</td>';
    });
    return h + '<td class="gs">' + int((b.today || {}).offered) + '</td>';
  }
  function waitCells(t, b, c) {
    const ow = oldestWait(t, b);
    return '<td class="big ' + (c.waiting ? 'm-' + c.waiting : '') + '">' + int(b.waiting) + '</td>'
      + '<td class="big ' + (c.oldest_wait_seconds ? 'm-' + c.oldest_wait_seconds : '') + '" data-oldest="' + (b.waiting ? esc(b.oldest_queued_at_ms) : '') + '">' + (ow == null ? '–' : dur(ow)) + '</td>';
  }
  function tenantSection(t) {
    let h = '<section class="wb-tenant" data-tenant="' + esc(t.id) + '"><h2>' + esc(t.name)
      + ' <small>' + esc(t.time_zone) + (t.businessDate ? ' · ' + esc(t.businessDate) : '') + ' · as of <span class="asof">' + clock(t, t.asOf) + '</span></small></h2>';
    if (!t.queues.size) return h + '<p class="wb-empty">No queue state yet.</p></section>';
    h += '<table class="wb-queues"><thead><tr><th rowspan="2">Queue</th><th rowspan="2">Waiting</th><th rowspan="2">Oldest wait</th>'
      + '<th rowspan="2" class="ag">Agents <span class="legend"><span class="chip av">avail</span><span class="chip oc">on contact</span><span class="chip acw">ACW</span><span class="chip nr">not ready</span></span></th>';
    WINDOWS.forEach(([, label]) => { h += '<th colspan="4" class="gs">' + label + '</th>'; });
    h += '<th rowspan="2" class="gs off">Offered today</th></tr><tr>';
    WINDOWS.forEach(() => { h += '<th class="gs">SL</th><th>ASA</th><th>Aband.</th><th>AHT</th>'; });
    h += '</tr></thead><tbody>';
    for (const q of t.queues.values()) {
      const c = colours(t, q, q.total || {});
      const breach = q.service_level_breach ? ' <span class="tag red">SL breach</span>' : '';
      h += '<tr class="q rag-row-' + (c.status || 'none') + '" data-queue="' + esc(q.queue_id) + '" tabindex="0">'
        + '<td class="qn"><span class="dot ' + (c.status || 'none') + '"></span>' + esc(q.queue_id) + breach
        + (q.service_level_config ? '<small>target ' + pct(q.service_level_config.target) + ' in ' + esc(q.service_level_config.threshold_seconds) + ' s</small>' : '') + '</td>'
        + waitCells(t, q.total || {}, c) + agentsCell(q.agents) + blockCells(q.total || {}, c) + '</tr>';
      const ch = q.channels || {};
      for (const name of Object.keys(ch).sort()) {
        const cc = colours(t, q, ch[name]);
        h += '<tr class="ch" data-queue="' + esc(q.queue_id) + '"><td class="qn">' + esc(name) + '</td>' + waitCells(t, ch[name], cc) + '<td></td>' + blockCells(ch[name], cc) + '</tr>';
      }
    }
    return h + '</tbody></table></section>';
  }
  function drawQueues() {
    const ids = Object.keys(S.tenants);
    $('wb-tenants').innerHTML = ids.length ? ids.map((id) => tenantSection(S.tenants[id])).join('') : '<p class="wb-empty">No tenant to show.</p>';
  }
  function drawQueuesOf(t) {
    const old = document.querySelector('section.wb-tenant[data-tenant="' + CSS.escape(t.id) + '"]');
    if (!old) { drawQueues(); return; }
    const tmp = document.createElement('div');
    tmp.innerHTML = tenantSection(t);
    old.replaceWith(tmp.firstChild);
  }
  const TITLES = { service_level_breach: 'Service level breach', topic_surge: 'Topic surge', topic_drop: 'Topic drop', complaint_escalation: 'Complaint escalation' };
  function alertBody(a) {
    switch (a.type) {
      case 'service_level_breach':
        return '<b>' + esc(a.queue_id) + '</b>: ' + esc(a.explanation || ('service level ' + pct(a.service_level) + ' below ' + pct(a.target)));
      case 'topic_surge':
      case 'topic_drop': {
        let h = '<b>' + esc(a.topic) + '</b>: ' + esc(int(a.observed)) + ' contacts in ' + esc(a.window_minutes || 15) + ' min, ' + esc(num(a.expected) == null ? '–' : a.expected.toFixed(1)) + ' expected'
          + (num(a.z) != null ? ' (z ' + a.z.toFixed(1) + ')' : '');
        const top = (a.regions || [])[0], tq = (a.queues || [])[0];
        if (top && top.region) h += '; mostly ' + esc(top.region) + (num(top.share) != null ? ' (' + pct(top.share) + ')' : '');
        if (tq && tq.queue) h += ', queue ' + esc(tq.queue);
        if (a.advice) h += '<div class="advice">' + esc(a.advice) + '</div>';
        return h;
      }
      case 'complaint_escalation':
        return 'Complaint <b>' + esc(a.complaint_id) + '</b> to level ' + esc(a.level) + (a.category ? ' · ' + esc(a.category) : '') + (a.severity ? ' · ' + esc(a.severity) : '')
          + (num(a.hours_overdue) != null ? ' · ' + a.hours_overdue.toFixed(1) + ' h overdue' : '') + (a.assigned_to ? ' · ' + esc(a.assigned_to) : '');
      default:
        return esc(a.alert_id);
    }
  }
  function drawAlerts() {
    const all = [];
    for (const t of Object.values(S.tenants)) for (const a of t.alerts.values()) all.push([t, a]);
    // open ones first, newest first; cleared ones greyed below
    all.sort((x, y) => ((x[1].state === 'raised') === (y[1].state === 'raised') ? (y[1].occurred_at_ms || 0) - (x[1].occurred_at_ms || 0) : x[1].state === 'raised' ? -1 : 1));
    const many = Object.keys(S.tenants).length > 1;
    $('wb-alerts').innerHTML = all.length ? all.map(([t, a]) => '<div class="alert ' + esc(a.type) + ' ' + esc(a.state) + '" data-alert="' + esc(a.alert_id) + '">'
      + '<div class="ah"><span class="at">' + esc(TITLES[a.type] || a.type) + '</span>' + (many ? '<span class="tn">' + esc(t.name) + '</span>' : '')
      + '<span class="time">' + clock(t, a.occurred_at_ms) + (a.state === 'cleared' ? ' · cleared' : '') + '</span></div>'
      + '<div class="ab">' + alertBody(a) + '</div></div>').join('') : '<p class="wb-empty">No alerts today.</p>';
  }
  function drawAbandoned() {
    const all = [];
    for (const t of Object.values(S.tenants)) for (const c of t.abandoned) all.push([t, c]);
    all.sort((x, y) => (y[1].occurred_at_ms || 0) - (x[1].occurred_at_ms || 0));
    const many = Object.keys(S.tenants).length > 1;
    $('wb-abandoned').innerHTML = all.length ? '<table class="wb-aband"><thead><tr><th>Time</th>' + (many ? '<th>Tenant</th>' : '') + '<th>Queue</th><th>Channel</th><th>Wait</th></tr></thead><tbody>'
      + all.slice(0, SHOW_ABANDONED).map(([t, c]) => '<tr><td>' + clock(t, c.occurred_at_ms) + '</td>' + (many ? '<td>' + esc(t.id) + '</td>' : '') + '<td>' + esc(c.queue_id) + '</td><td>' + esc(c.channel) + '</td><td>' + dur((c.wait_seconds || 0) * 1000) + '</td></tr>').join('')
      + '</tbody></table>' + (all.length > SHOW_ABANDONED ? '<p class="wb-empty">' + (all.length - SHOW_ABANDONED) + ' older not shown</p>' : '') : '<p class="wb-empty">None abandoned since the start of the day.</p>';
  }

  // ---------------------------------------------------------------- drill-down: queue -> agents -> contacts
  function drawDrill() {
    const d = S.drill, el = $('wb-drill');
    if (!d) { el.hidden = true; el.innerHTML = ''; return; }
    const t = tenantOf(d.tenant), q = t && t.queues.get(d.queue);
    if (!t) { S.drill = null; el.hidden = true; return; }
    const agents = [...t.agents.values()].filter((a) => (a.queues || []).indexOf(d.queue) >= 0);
    const contacts = t.contacts.filter((c) => c.queue_id === d.queue && (!d.agent || c.agent_id === d.agent))
      .sort((x, y) => (y.occurred_at_ms || 0) - (x.occurred_at_ms || 0)).slice(0, 50);
    let h = '<div class="dh"><h2>' + esc(d.queue) + ' <small>' + esc(t.name) + '</small></h2><button type="button" class="close" data-close="1" aria-label="Close">×</button></div>';
    if (q && q.total) {
      h += '<table class="wb-detail"><thead><tr><th></th><th>Entered</th><th>Offered</th><th>Answered</th><th>Abandoned</th><th>Flowed out</th><th>Callbacks</th><th>SL</th><th>ASA</th><th>Aband.</th><th>AHT</th><th>Max wait</th></tr></thead><tbody>'
        + WINDOWS.map(([w, label]) => { const x = q.total[w] || {}; return '<tr><td>' + label + '</td><td>' + int(x.entered) + '</td><td>' + int(x.offered) + '</td><td>' + int(x.answered) + '</td><td>' + int(x.abandoned) + '</td><td>' + int(x.flowed_out) + '</td><td>' + int(x.callbacks) + '</td><td>' + pct(x.service_level) + '</td><td>' + secs(x.asa_seconds) + '</td><td>' + pct(x.abandonment_rate) + '</td><td>' + secs(x.aht_seconds) + '</td><td>' + secs(x.max_wait_seconds) + '</td></tr>'; }).join('')
        + '</tbody></table>';
    }
    h += '<div class="dcols"><div><h3>Agents (' + agents.length + ')</h3>';
    h += agents.length ? '<table class="wb-agents"><thead><tr><th>Agent</th><th>Team</th><th>State</th><th>Reason</th><th>In state</th></tr></thead><tbody>'
      + agents.map((a) => '<tr class="agent' + (d.agent === a.agent_id ? ' on' : '') + '" data-agent="' + esc(a.agent_id) + '" tabindex="0"><td>' + esc(a.agent_id) + '</td><td>' + esc(a.team_id) + '</td><td><span class="st ' + esc(a.state) + '">' + esc(String(a.state).replace(/_/g, ' ')) + '</span></td><td>' + esc(a.reason) + '</td><td data-since="' + esc(a.since_ms) + '">' + dur(tenantNow(t) - a.since_ms) + '</td></tr>').join('')
      + '</tbody></table>' : '<p class="wb-empty">No agent of this queue is logged in.</p>';
    h += '</div><div><h3>Recent contacts' + (d.agent ? ' of ' + esc(d.agent) + ' <a href="#" data-agent="">all</a>' : '') + '</h3>';
    h += contacts.length ? '<table class="wb-contacts"><thead><tr><th>Time</th><th>Channel</th><th>Outcome</th><th>Wait</th><th>Agent</th></tr></thead><tbody>'
      + contacts.map((c) => '<tr class="' + esc(c.outcome) + '"><td>' + clock(t, c.occurred_at_ms) + '</td><td>' + esc(c.channel) + '</td><td>' + esc(String(c.outcome).replace(/_/g, ' ')) + '</td><td>' + dur((c.wait_seconds || 0) * 1000) + '</td><td>' + esc(c.agent_id) + '</td></tr>').join('')
      + '</tbody></table>' : '<p class="wb-empty">No contact has left this queue since the start of the day.</p>';
    el.innerHTML = h + '</div></div>';
    el.hidden = false;
  }
  document.addEventListener('click', (e) => {
    const close = e.target.closest('[data-close]');
    if (close) { S.drill = null; drawDrill(); return; }
    const agent = e.target.closest('#wb-drill [data-agent]');
    if (agent && S.drill) { e.preventDefault(); S.drill.agent = agent.getAttribute('data-agent') || null; drawDrill(); return; }
    const row = e.target.closest('tr[data-queue]');
    if (row) {
      const sec = row.closest('section.wb-tenant');
      S.drill = { tenant: sec.getAttribute('data-tenant'), queue: row.getAttribute('data-queue'), agent: null };
      drawDrill();
    }
  });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape' && S.drill) { S.drill = null; drawDrill(); } });

  // ---------------------------------------------------------------- ticking
  function tick() {
    for (const sec of document.querySelectorAll('section.wb-tenant')) {
      const t = tenantOf(sec.getAttribute('data-tenant'));
      if (!t) continue;
      for (const td of sec.querySelectorAll('td[data-oldest]')) {
        const from = Number(td.getAttribute('data-oldest'));
        if (td.getAttribute('data-oldest')) td.textContent = dur(tenantNow(t) - from);
      }
      const asof = sec.querySelector('.asof');
      if (asof && t.asOf != null) asof.textContent = clock(t, tenantNow(t));
    }
    // colours follow the oldest wait as it grows: recolour each queue's row
    for (const row of document.querySelectorAll('section.wb-tenant tr.q')) {
      const t = tenantOf(row.closest('section').getAttribute('data-tenant')), q = t && t.queues.get(row.getAttribute('data-queue'));
      if (!q) continue;
      const c = colours(t, q, q.total || {});
      row.className = 'q rag-row-' + (c.status || 'none');
      row.querySelector('.dot').className = 'dot ' + (c.status || 'none');
      const ow = row.querySelector('td[data-oldest]');
      if (ow) ow.className = 'big ' + (c.oldest_wait_seconds ? 'm-' + c.oldest_wait_seconds : '');
    }
    const dt = S.drill && tenantOf(S.drill.tenant);
    if (dt) for (const td of document.querySelectorAll('#wb-drill td[data-since]')) td.textContent = dur(tenantNow(dt) - Number(td.getAttribute('data-since')));
    $('wb-clock').textContent = new Date().toLocaleTimeString('en-GB', { hour12: false });
  }
  setInterval(tick, 1000);

  // ---------------------------------------------------------------- the stream
  function recordApplied(key, type, emitted, m) {
    const a = window.__wallboardApplied;
    a.push({ key: key, type: type, emitted_at_ms: emitted == null ? null : emitted, applied_ms: Date.now(), message: m });
    if (a.length > KEEP_APPLIED) a.splice(0, a.length - KEEP_APPLIED);
  }
  function status(text, cls) {
    const s = $('wb-status');
    s.textContent = text;
    s.className = 'wb-status ' + (cls || '');
  }
  const tenant = root.getAttribute('data-tenant');
  const es = new EventSource('/wallboard/events' + (tenant ? '?tenant=' + encodeURIComponent(tenant) : ''));
  es.addEventListener('snapshot', (e) => {
    const s = JSON.parse(e.data);
    loadSnapshot(s);
    drawQueues(); drawAlerts(); drawAbandoned(); drawDrill();
    S.updates = 0;
    status(s.feed && s.feed.live === false ? 'no live feed (server started without Kafka)' : s.feed && !s.feed.caught_up ? 'catching up…' : 'live', s.feed && s.feed.live && s.feed.caught_up ? 'ok' : 'warn');
    recordApplied('snapshot', 'snapshot', null, null);
  });
  es.onmessage = (e) => {
    const m = JSON.parse(e.data);
    const what = apply(m);
    if (!what) return;
    const t = tenantOf(m.tenant_id);
    if (what.queues) drawQueuesOf(t);
    if (what.alerts) drawAlerts();
    if (what.abandoned) drawAbandoned();
    if (what.drill && S.drill && S.drill.tenant === m.tenant_id) drawDrill();
    S.updates++;
    status('live · ' + S.updates + ' updates', 'ok');
    recordApplied(m.tenant_id + '|' + what.key, m.type, m.emitted_at_ms, m);
  };
  es.onerror = () => status('reconnecting…', 'warn');
})();
