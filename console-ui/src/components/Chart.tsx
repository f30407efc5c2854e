// A small SVG line chart (no chart library: the page stays small and offline), with the same numbers in a
// table beside it for screen readers and for reading exact values.
export interface Series {
  readonly name: string;
  readonly color: string;
  readonly values: readonly (number | null)[];
}

export function LineChart(props: {
  title: string;
  labels: readonly string[];
  series: readonly Series[];
  unit: string;
  testId: string;
}) {
  const w = 720;
  const h = 220;
  const pad = 40;
  const all = props.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(1, ...all);
  const n = Math.max(1, props.labels.length - 1);
  const x = (i: number) => pad + (i / n) * (w - 2 * pad);
  const y = (v: number) => h - pad - (v / max) * (h - 2 * pad);
  return (
    <figure class="slds-m-bottom_medium">
      <svg
        viewBox={`0 0 ${String(w)} ${String(h)}`}
        width="100%"
        role="img"
        aria-label={`${props.title}: chart, values in the table below`}
        data-testid={props.testId}
        data-points={String(props.labels.length)}
      >
        <line x1={pad} y1={h - pad} x2={w - pad} y2={h - pad} stroke="#747474" />
        <line x1={pad} y1={pad} x2={pad} y2={h - pad} stroke="#747474" />
        <text x={4} y={pad} font-size="11" fill="#444">
          {`${Math.round(max).toLocaleString('en-US')} ${props.unit}`}
        </text>
        {props.series.map((s) => {
          const pts = s.values
            .map((v, i) => (v === null ? null : `${String(x(i))},${String(y(v))}`))
            .filter((p): p is string => p !== null);
          return (
            <g key={s.name}>
              <polyline points={pts.join(' ')} fill="none" stroke={s.color} stroke-width="2" />
              {s.values.map((v, i) =>
                v === null ? null : <circle key={i} cx={x(i)} cy={y(v)} r="3" fill={s.color} />,
              )}
            </g>
          );
        })}
      </svg>
      <figcaption class="slds-text-body_small">
        {props.series.map((s) => (
          <span key={s.name} class="slds-m-right_medium">
            <span aria-hidden="true" style={{ color: s.color }}>
              ■{' '}
            </span>
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** A horizontal bar, e.g. the API budget gauge with its slow and stop marks. */
export function Gauge(props: {
  label: string;
  percent: number | null;
  marks?: readonly { at: number; label: string }[];
}) {
  const pct = Math.max(0, Math.min(100, props.percent ?? 0));
  return (
    <div>
      <div
        class="slds-progress-bar slds-progress-bar_large"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={props.percent ?? undefined}
      >
        <span class="slds-progress-bar__value" style={{ width: `${String(pct)}%` }}>
          <span class="slds-assistive-text">{`${props.percent === null ? 'unknown' : `${String(props.percent)}%`}`}</span>
        </span>
      </div>
      {props.marks === undefined ? null : (
        <p class="slds-text-body_small slds-m-top_xx-small">
          {props.marks.map((m) => `${m.label} at ${String(m.at)}%`).join(' · ')}
        </p>
      )}
    </div>
  );
}
