/**
 * A small map drawn from the QPV contour and the point, as SVG (no tile server). Coordinates are
 * projected locally (equirectangular scaled by cos(latitude)), enough at a neighbourhood's scale.
 */
import type { QpvZone } from '../territory.js';

type Ring = [number, number][];

function rings(zone: QpvZone): Ring[] {
  // Rings are flat Float64Arrays [lon0, lat0, lon1, lat1, ...].
  return zone.polygons.flat().map((flat) => {
    const r: Ring = [];
    for (let i = 0; i + 1 < flat.length; i += 2) r.push([flat[i]!, flat[i + 1]!]);
    return r;
  });
}

/** SVG map of a point, with the QPV contour when there is one; the text alternative is given by the caller. */
export function QpvMap(props: { lon: number; lat: number; zone: QpvZone | null; titleId: string; title: string }) {
  const { lon, lat, zone } = props;
  const rs = zone ? rings(zone) : [];
  let minX = lon, maxX = lon, minY = lat, maxY = lat;
  for (const r of rs) for (const [x, y] of r) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  // Keep some room around the shape; at least ~300 m around a lone point.
  const pad = Math.max((maxX - minX) * 0.08, (maxY - minY) * 0.08, 0.003);
  minX -= pad; maxX += pad; minY -= pad; maxY += pad;
  const k = Math.cos((lat * Math.PI) / 180);
  const w = (maxX - minX) * k;
  const h = maxY - minY;
  const W = 400;
  const H = Math.max(160, Math.min(400, Math.round((W * h) / w)));
  const sx = (x: number) => (((x - minX) * k) / w) * W;
  const sy = (y: number) => H - ((y - minY) / h) * H;
  const d = rs.map((r) => `M${r.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join('L')}Z`).join(' ');
  return (
    <svg class="lg-map" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-labelledby={props.titleId} xmlns="http://www.w3.org/2000/svg">
      <title id={props.titleId}>{props.title}</title>
      <rect x="0" y="0" width={W} height={H} class="lg-map__bg" />
      {d ? <path d={d} class="lg-map__zone" fill-rule="evenodd" /> : null}
      <circle cx={sx(lon).toFixed(1)} cy={sy(lat).toFixed(1)} r="7" class="lg-map__point" />
      <circle cx={sx(lon).toFixed(1)} cy={sy(lat).toFixed(1)} r="2.5" class="lg-map__point-center" />
    </svg>
  );
}
