// Updates the progress of an address batch without reloading (the page also works without it).
const box = document.getElementById('avancement');
if (box) {
  const url = box.dataset.etat;
  const bar = document.getElementById('progression');
  const text = document.getElementById('progression-texte');
  const tick = async () => {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      if (res.ok) {
        const s = await res.json();
        bar.max = s.total; bar.value = s.done;
        const pct = s.total ? ((100 * s.done) / s.total).toLocaleString('fr-FR', { maximumFractionDigits: 1 }) : '0';
        text.textContent = `${s.done.toLocaleString('fr-FR')} adresses traitées sur ${s.total.toLocaleString('fr-FR')} (${pct} %).`;
        if (s.status === 'done' || s.status === 'failed') { window.location.reload(); return; }
      }
    } catch { /* try again */ }
    setTimeout(tick, 2000);
  };
  setTimeout(tick, 1500);
}
