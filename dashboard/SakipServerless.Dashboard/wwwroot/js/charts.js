// Renders every [data-chart] from the figure JSON the server embedded (typed C# model → Plotly JSON), keeps charts
// sized to their card, and turns a click on a bar, cell or point into navigation to the URL in its customdata.
const config = { responsive: true, displaylogo: false, displayModeBar: false };

export function renderAll(root = document) {
  if (!window.Plotly) return;
  for (const el of root.querySelectorAll('[data-chart]')) {
    const source = el.querySelector('script[type="application/json"]');
    const target = el.querySelector('.plot');
    if (!source || !target || target.dataset.rendered) continue;
    const figure = JSON.parse(source.textContent);
    // On a phone the category labels get shorter still, so the bars keep most of the width.
    const axis = figure.layout.yaxis;
    if (el.clientWidth < 520 && axis && axis.ticktext) {
      axis.ticktext = axis.ticktext.map((t) => (t.length > 16 ? t.slice(0, 15).trimEnd() + '…' : t));
    }
    window.Plotly.newPlot(target, figure.data, figure.layout, config).then(() => {
      target.dataset.rendered = 'true';
      el.dispatchEvent(new CustomEvent('chart:rendered', { bubbles: true }));
    });
    target.on('plotly_click', (event) => {
      const point = event.points && event.points[0];
      const url = point && point.customdata;
      if (typeof url === 'string' && url.startsWith('/')) window.location.assign(url);
    });
    new ResizeObserver(() => window.Plotly.Plots.resize(target)).observe(el);
  }
}

window.addEventListener('beforeprint', () => {
  for (const plot of document.querySelectorAll('[data-chart] .plot[data-rendered]')) window.Plotly.Plots.resize(plot);
});
