// Small behaviours of the server-rendered pages: slicers that apply on change, print buttons, countdowns, a guard
// against double submission, the bell's unread count. Pages work without it; it only makes them nicer. Charts and
// live refresh belong to the interactive pages (Blazor circuit, Plotly.Blazor), not to this file.

// Delegated and checked at the moment of the change: an interactive page drops data-autosubmit once its circuit is
// up and handles its slicers itself.
document.addEventListener('change', (event) => {
  const form = event.target.closest && event.target.closest('form[data-autosubmit]');
  if (!form) return;
  // Empty choices stay out of the URL, so links stay short and "Semua" is the default.
  for (const field of form.elements) if (field.name && field.value === '') field.disabled = true;
  form.submit();
});

document.addEventListener('click', (event) => { if (event.target.closest && event.target.closest('[data-print]')) window.print(); });

for (const form of document.querySelectorAll('form[method="post"]')) {
  form.addEventListener('submit', (event) => {
    if (form.dataset.submitting) { event.preventDefault(); return; }
    if (form.querySelector('[data-uploading]')) {
      event.preventDefault();
      alert('Tunggu sampai unggahan bukti selesai.');
      return;
    }
    form.dataset.submitting = 'true';
    const button = event.submitter || form.querySelector('button[type="submit"]');
    if (button && button.dataset.busy) { button.textContent = button.dataset.busy; button.setAttribute('aria-busy', 'true'); }
  });
}

// Countdowns: the server renders the text; this keeps it current while the page stays open. Each countdown carries
// the backend's clock when the page was made (data-now), so it follows the dev clock and never the device's own.
function duration(ms) {
  const minutes = Math.floor(Math.abs(ms) / 60000);
  if (minutes < 1) return 'kurang dari 1 menit';
  const d = Math.floor(minutes / 1440), h = Math.floor(minutes / 60) % 24, m = minutes % 60;
  const parts = [];
  if (d) parts.push(`${d} hari`);
  if (h) parts.push(`${h} jam`);
  if (m) parts.push(`${m} menit`);
  return parts.join(' ');
}
const loadedAt = Date.now();
const pageNow = Number(document.getElementById('main')?.dataset.serverNow || 0);
// When each countdown's data-now was first seen here: an interactive page renders new ones long after the load.
const seen = new WeakMap();
function skewOf(el) {
  const backendNow = Date.parse(el.dataset.now || '');
  if (!Number.isNaN(backendNow)) {
    const mark = seen.get(el);
    if (!mark || mark.now !== el.dataset.now) seen.set(el, { now: el.dataset.now, at: Date.now() });
    return backendNow - seen.get(el).at;
  }
  return pageNow ? pageNow - loadedAt : 0;
}
function tick() {
  for (const el of document.querySelectorAll('time[data-countdown]')) {
    const now = Date.now() + skewOf(el);
    const left = Date.parse(el.getAttribute('datetime')) - now;
    el.textContent = left >= 0 ? `sisa ${duration(left)}` : `terlambat ${duration(left)}`;
    el.classList.toggle('overdue', left < 0);
    el.classList.toggle('soon', left >= 0 && left < 60 * 60000);
  }
}
// Always running: an interactive list may gain countdowns after the page loaded.
tick();
setInterval(tick, 30000);

// The notification bell: while the page is visible, ask for the unread count every data-poll seconds and show it.
const bell = document.querySelector('[data-bell]');
const pollSeconds = Number(bell?.dataset.poll || 0);
if (bell && pollSeconds > 0) {
  setInterval(async () => {
    if (document.visibilityState !== 'visible') return;
    try {
      const answer = await fetch('notifikasi/jumlah', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!answer.ok) return;
      const { unread } = await answer.json();
      const count = bell.querySelector('[data-unread]');
      count.textContent = unread === 0 ? '' : unread > 99 ? '99+' : String(unread);
      count.hidden = unread === 0;
      const label = unread > 0 ? `Notifikasi, ${unread} belum dibaca` : 'Notifikasi';
      bell.setAttribute('aria-label', label);
      bell.title = label;
    } catch {
      // Offline for a moment: the next round tries again.
    }
  }, pollSeconds * 1000);
}

// An interactive page pushes its slicers into the URL without reloading (history.pushState); Back then loads the
// earlier view afresh, since the circuit's state is the newer one.
window.addEventListener('popstate', () => { if (document.querySelector('[data-live-url]')) window.location.reload(); });
