// Evidence uploads with a progress bar that survive a dropped connection: the file goes to /unggah in chunks; after
// a network error the script waits, asks how many bytes arrived and continues from there (also after a page reload,
// through sessionStorage). When every byte is there, /unggah/{id}/selesai hands the file to the backend and the
// returned file id lands in a hidden input of the form.
const token = () => document.querySelector('input[name="__RequestVerificationToken"]')?.value || '';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const mb = (n) => (n / (1024 * 1024)).toLocaleString('id-ID', { maximumFractionDigits: 1 }) + ' MB';

async function call(method, url, body, headers = {}) {
  const answer = await fetch(url, {
    method, body, credentials: 'same-origin',
    headers: { RequestVerificationToken: token(), Accept: 'application/json', ...headers },
  });
  let data = null;
  try { data = await answer.json(); } catch { /* empty body */ }
  return { status: answer.status, ok: answer.ok, data };
}

function putChunk(url, blob, onProgress) {
  // XMLHttpRequest, not fetch: only it reports upload progress.
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', url);
    xhr.setRequestHeader('RequestVerificationToken', token());
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.timeout = 120000;
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => { let data = null; try { data = JSON.parse(xhr.responseText); } catch { } resolve({ status: xhr.status, data }); };
    xhr.onerror = () => reject(new Error('network'));
    xhr.ontimeout = () => reject(new Error('timeout'));
    xhr.send(blob);
  });
}

async function upload(file, box, row) {
  const bar = row.querySelector('progress');
  const status = row.querySelector('.status');
  const key = `sakip-upload:${box.dataset.run}:${file.name}:${file.size}:${file.lastModified}`;
  const show = (received) => { bar.value = Math.round((received / file.size) * 100); status.textContent = `${mb(received)} / ${mb(file.size)}`; };

  let id = sessionStorage.getItem(key);
  let received = 0;
  let chunk = 512 * 1024;
  if (id) {
    const state = await call('GET', `/unggah/${id}`).catch(() => null);
    if (state && state.ok) received = state.data.received; else id = null;
  }
  if (!id) {
    const started = await call('POST', '/unggah', JSON.stringify({ runId: box.dataset.run, fileName: file.name, size: file.size, contentType: file.type || null }),
      { 'Content-Type': 'application/json' });
    if (!started.ok) throw new Error(problemText(started.data) || 'Unggahan ditolak.');
    id = started.data.id;
    chunk = started.data.chunkBytes || chunk;
    sessionStorage.setItem(key, id);
  }

  let failures = 0;
  while (received < file.size) {
    show(received);
    try {
      const end = Math.min(file.size, received + chunk);
      const answer = await putChunk(`/unggah/${id}?offset=${received}`, file.slice(received, end), (loaded) => show(received + loaded));
      if (answer.status === 200 || answer.status === 409) { received = answer.data.received; failures = 0; row.classList.remove('retrying'); continue; }
      throw Object.assign(new Error(problemText(answer.data) || `Unggahan gagal (kode ${answer.status}).`), { final: answer.status < 500 });
    } catch (e) {
      if (e.final) throw e;
      // Dropped connection: wait (longer each time), ask where the server is, and go on from there.
      failures++;
      row.classList.add('retrying');
      status.textContent = `Koneksi terputus, mencoba lagi (${failures})…`;
      await sleep(Math.min(30000, 1000 * 2 ** Math.min(failures, 5)));
      const state = await call('GET', `/unggah/${id}`).catch(() => null);
      if (state && state.ok) received = state.data.received;
      else if (state && state.status === 404) throw new Error('Unggahan kedaluwarsa; pilih berkas lagi.');
    }
  }

  show(file.size);
  status.textContent = 'Memeriksa berkas…';
  for (let attempt = 0; ; attempt++) {
    const done = await call('POST', `/unggah/${id}/selesai`).catch(() => null);
    if (done && done.status === 201) { sessionStorage.removeItem(key); return done.data; }
    if (done && done.status !== 503 && done.status !== 502 && done.status !== 409) {
      sessionStorage.removeItem(key);
      throw new Error(problemText(done.data) || `Berkas ditolak (kode ${done.status}).`);
    }
    if (attempt >= 5) throw new Error('Server tidak dapat dihubungi; coba lagi nanti.');
    await sleep(2000 * (attempt + 1));
  }
}

function problemText(data) {
  if (!data) return '';
  if (data.errors) return Object.values(data.errors).flat().join(' ');
  return data.detail || data.title || '';
}

for (const box of document.querySelectorAll('[data-uploader]')) {
  const input = box.querySelector('[data-file]');
  const list = box.querySelector('[data-list]');
  const template = box.querySelector('template[data-row]');
  const max = Number(box.dataset.max || 0);
  list.addEventListener('click', (e) => {
    if (e.target.matches('[data-remove]')) e.target.closest('li').remove();
  });
  input.addEventListener('change', async () => {
    for (const file of Array.from(input.files)) {
      const row = template.content.firstElementChild.cloneNode(true);
      row.querySelector('.name').textContent = file.name;
      row.dataset.uploading = 'true';
      list.append(row);
      if (max && file.size > max) {
        row.classList.add('failed'); delete row.dataset.uploading;
        row.querySelector('.status').textContent = `Terlalu besar (paling besar ${mb(max)}).`;
        continue;
      }
      try {
        const stored = await upload(file, box, row);
        row.classList.add('done');
        row.querySelector('.status').textContent = `Terunggah · ${mb(stored.size)}`;
        row.dataset.fileId = stored.id;
        const hidden = document.createElement('input');
        hidden.type = 'hidden'; hidden.name = box.dataset.field; hidden.value = stored.id;
        row.append(hidden);
      } catch (e) {
        row.classList.add('failed');
        row.querySelector('.status').textContent = e.message;
      } finally {
        delete row.dataset.uploading;
      }
    }
    input.value = '';
  });
}
