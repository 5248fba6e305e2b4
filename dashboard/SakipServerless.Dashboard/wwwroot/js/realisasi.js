// Inline checks and the capaian preview of the realisasi form, as the person types. The server checks again with
// the domain's rules on submit; this only saves a round trip. Formulas as GLOSSARY.md: positive R/T×100,
// negative (2T−R)/T×100, negative with target 0: 100% when R is 0 else 0%; positive target 0 cannot be computed.
const form = document.querySelector('form[data-realisasi]');
if (form) {
  const cap = form.dataset.cap ? Number(form.dataset.cap) : null;
  const bands = JSON.parse(form.dataset.bands || '[]');
  const fmt = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

  const parse = (text) => {
    let t = text.trim().replace(/\s|%/g, '');
    if (!t) return null;
    const comma = t.includes(','), dot = t.includes('.');
    if (comma && dot) t = t.lastIndexOf(',') > t.lastIndexOf('.') ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '');
    else if (comma) t = t.replace(',', '.');
    else if ((t.match(/\./g) || []).length > 1) t = t.replace(/\./g, '');
    return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
  };

  const capaian = (polarity, target, value) => {
    if (target === null) return { reason: 'Target triwulan belum ditetapkan.' };
    if (polarity === 'negative') {
      if (target === 0) return { value: value === 0 ? 100 : 0 };
      return { value: ((2 * target - value) / target) * 100 };
    }
    if (target === 0) return { reason: 'Target 0 pada indikator positif: capaian tidak dapat dihitung.' };
    return { value: (value / target) * 100 };
  };

  const band = (v) => bands.find((b) => b.lower === null || v >= b.lower) || null;

  const check = (row) => {
    const input = row.querySelector('input');
    const error = row.querySelector('[data-error]');
    const preview = row.querySelector('[data-preview]');
    const value = parse(input.value);
    let message = '';
    preview.textContent = '';
    if (value !== null) {
      const min = Number(row.dataset.min || 0), max = row.dataset.max ? Number(row.dataset.max) : null;
      if (Number.isNaN(value)) message = `“${input.value}” bukan angka. Tulis angka saja, desimal dengan koma, mis. 95,5.`;
      else if (value < min) message = `Realisasi tidak boleh kurang dari ${fmt.format(min)}.`;
      else if (max !== null && value > max) message = `Realisasi tidak boleh lebih dari ${fmt.format(max)}.`;
      else if (row.dataset.whole === '1' && !Number.isInteger(value)) message = 'Satuan ini dihitung dengan bilangan bulat.';
      else {
        const target = row.dataset.target === '' ? null : Number(row.dataset.target);
        const result = capaian(row.dataset.polarity, target, value);
        if (result.reason) preview.innerHTML = `<span class="muted small"></span>`, preview.firstChild.textContent = result.reason;
        else {
          const shown = cap !== null ? Math.min(result.value, cap) : result.value;
          const b = band(shown);
          const badge = document.createElement('span');
          badge.className = 'badge';
          badge.style.background = b ? b.color : '#90a4ae';
          badge.textContent = `${fmt.format(Math.round(shown * 100) / 100)}% · ${b ? b.label : ''}`;
          preview.append(badge);
        }
      }
    }
    error.textContent = message;
    input.setAttribute('aria-invalid', message ? 'true' : 'false');
    row.classList.toggle('has-error', !!message);
    return !message;
  };

  for (const row of form.querySelectorAll('[data-indicator]')) {
    const input = row.querySelector('input');
    input.addEventListener('input', () => check(row));
    input.addEventListener('blur', () => check(row));
  }
}
