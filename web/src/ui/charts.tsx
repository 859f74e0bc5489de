import { useId } from 'react';

export interface Datum {
  label: string;
  value: number;
}

const BAR_HEIGHT = 22;
const GAP = 6;
const LABEL_WIDTH = 200;
const WIDTH = 520;

/**
 * Horizontal bars as inline SVG (no chart library). The SVG is an image with a text
 * alternative (role=img, aria-label listing every value); the same figures sit in a table
 * next to it for keyboard and screen-reader users.
 */
export function BarChart({ title, data }: { title: string; data: Datum[] }) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const height = data.length * (BAR_HEIGHT + GAP) + GAP;
  const plot = WIDTH - LABEL_WIDTH - 40;
  const alt = `${title}: ${data.map((d) => `${d.label} ${d.value}`).join(', ')}`;
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={alt} data-chart="bar" preserveAspectRatio="xMinYMin meet">
      {data.map((d, i) => {
        const y = GAP + i * (BAR_HEIGHT + GAP);
        const w = (d.value / max) * plot;
        return (
          <g key={d.label}>
            <text x={LABEL_WIDTH - 6} y={y + BAR_HEIGHT * 0.7} textAnchor="end" className="chart-label">
              {d.label.length > 28 ? `${d.label.slice(0, 27)}…` : d.label}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={Math.max(w, d.value > 0 ? 2 : 0)} height={BAR_HEIGHT} className="chart-bar" rx={3} />
            <text x={LABEL_WIDTH + w + 6} y={y + BAR_HEIGHT * 0.7} className="chart-value">
              {d.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface Series {
  name: string;
  values: number[];
}

/** Lines over ordered periods (e.g. months), inline SVG with a text alternative. */
export function LineChart({ title, periods, series }: { title: string; periods: string[]; series: Series[] }) {
  const id = useId();
  const height = 200;
  const left = 36;
  const bottom = 28;
  const top = 10;
  const plotW = WIDTH - left - 10;
  const plotH = height - bottom - top;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = (i: number) => left + (periods.length <= 1 ? plotW / 2 : (i / (periods.length - 1)) * plotW);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const alt = `${title}: ${series.map((s) => `${s.name}: ${periods.map((p, i) => `${p} ${s.values[i] ?? 0}`).join(', ')}`).join('; ')}`;
  const step = Math.max(1, Math.ceil(periods.length / 6));
  return (
    <figure className="chart-figure">
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={alt} data-chart="line">
        <line x1={left} y1={top + plotH} x2={left + plotW} y2={top + plotH} className="chart-axis" />
        <line x1={left} y1={top} x2={left} y2={top + plotH} className="chart-axis" />
        <text x={left - 4} y={top + 8} textAnchor="end" className="chart-value">{max}</text>
        <text x={left - 4} y={top + plotH} textAnchor="end" className="chart-value">0</text>
        {periods.map((p, i) => (i % step === 0 ? <text key={p} x={x(i)} y={height - 8} textAnchor="middle" className="chart-label">{p}</text> : null))}
        {series.map((s, n) => (
          <g key={s.name} className={`chart-series chart-series--${n}`}>
            <polyline fill="none" points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')} />
            {s.values.map((v, i) => <circle key={i} cx={x(i)} cy={y(v)} r={3} />)}
          </g>
        ))}
      </svg>
      <figcaption id={id} className="legend">
        {series.map((s, n) => (
          <span key={s.name} className={`legend-item chart-series--${n}`}>
            <span className="swatch" aria-hidden="true" /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
