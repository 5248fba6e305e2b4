// Live refresh of the overview: every few seconds (while the tab is visible) ask the server for the data's
// fingerprint; when it changed, fetch the page again and swap its body in place, then redraw the charts.
export function start(body, render) {
  const seconds = Number(body.dataset.refreshSeconds || 0);
  if (!seconds) return;
  const status = () => document.querySelector('[data-refresh-status]');
  setInterval(async () => {
    if (document.visibilityState !== 'visible') return;
    try {
      const answer = await fetch(body.dataset.refresh, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!answer.ok) return;
      const { stamp } = await answer.json();
      const current = document.getElementById('overview-body');
      if (!current || stamp === current.dataset.stamp) return;
      const page = await fetch(window.location.href, { credentials: 'same-origin' });
      const html = new DOMParser().parseFromString(await page.text(), 'text/html');
      const fresh = html.getElementById('overview-body');
      if (!fresh) return;
      current.replaceWith(fresh);
      render(document);
      const s = status();
      if (s) s.textContent = '· diperbarui otomatis';
    } catch {
      // Offline for a moment: the next round tries again.
    }
  }, seconds * 1000);
}
