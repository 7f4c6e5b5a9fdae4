// Suggestions while typing an address (progressive enhancement: the form works without it).
const input = document.getElementById('q');
const list = document.getElementById('suggestions-adresse');
if (input && list) {
  let timer = null;
  let last = '';
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 4 || q === last) return;
    timer = setTimeout(async () => {
      last = q;
      try {
        const res = await fetch(`/api/v1/territoire/adresse?q=${encodeURIComponent(q)}`);
        if (!res.ok) return;
        const body = await res.json();
        const labels = [body.address, ...(body.candidates || [])].filter(Boolean).map((a) => a.label);
        list.replaceChildren(...[...new Set(labels)].slice(0, 5).map((l) => { const o = document.createElement('option'); o.value = l; return o; }));
      } catch { /* suggestions are optional */ }
    }, 300);
  });
}
