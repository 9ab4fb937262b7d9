/**
 * Server-rendered SVG bar chart: one bar per place (its latest figure of the group), targets drawn
 * hatched with a dashed outline, reported values solid, so they differ without colour too.
 */
import type { Kind } from "../extract/types";
import { KIND_LABEL } from "../feed/text";

export interface Bar {
  place: string;
  value: number;
  label: string;
  kind: Kind;
  detail: string;
}

const fmt = (n: number) => (Math.abs(n) >= 1e8 ? `${+(n / 1e8).toFixed(2)}亿` : Math.abs(n) >= 1e4 ? `${+(n / 1e4).toFixed(2)}万` : `${+n.toFixed(2)}`);

export function BarChart(props: { id: string; title: string; unit: string; bars: Bar[] }) {
  const { bars } = props;
  const barW = 56;
  const gap = 28;
  const left = 64;
  const top = 28;
  const plotH = 200;
  const width = Math.max(360, left + bars.length * (barW + gap) + gap);
  const height = top + plotH + 64;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const min = Math.min(0, ...bars.map((b) => b.value));
  const span = max - min || 1;
  const y = (v: number) => top + ((max - v) / span) * plotH;
  const ticks = [max, (max + min) / 2, min];
  return (
    <svg
      class="chart"
      id={props.id}
      role="img"
      aria-labelledby={`${props.id}-title`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      data-bars={bars.length}
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <defs>
        <pattern id={`${props.id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="#ffe0c2" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="#8a3b00" stroke-width="2" />
        </pattern>
      </defs>
      {ticks.map((t) => (
        <g>
          <line x1={left} x2={width - 8} y1={y(t)} y2={y(t)} stroke="#d5d5d5" />
          <text x={left - 6} y={y(t) + 4} text-anchor="end" font-size="12" fill="#4a4a4a">
            {fmt(t)}
          </text>
        </g>
      ))}
      <text x={left} y={16} font-size="12" fill="#4a4a4a">
        单位：{props.unit || "—"}
      </text>
      {bars.map((b, i) => {
        const x = left + gap + i * (barW + gap);
        const y0 = y(0);
        const yv = y(b.value);
        const h = Math.max(1, Math.abs(y0 - yv));
        return (
          <g class={`bar-group kind-${b.kind}`}>
            <rect
              class={`bar ${b.kind}`}
              data-place={b.place}
              data-kind={b.kind}
              x={x}
              y={Math.min(y0, yv)}
              width={barW}
              height={h}
              fill={b.kind === "target" ? `url(#${props.id}-hatch)` : "#0b5394"}
              stroke={b.kind === "target" ? "#8a3b00" : "#0b5394"}
              stroke-width="2"
              stroke-dasharray={b.kind === "target" ? "5 3" : undefined}
            >
              <title>{`${b.place}：${b.label}（${KIND_LABEL[b.kind]}）${b.detail}`}</title>
            </rect>
            <text x={x + barW / 2} y={Math.min(y0, yv) - 6} text-anchor="middle" font-size="12" fill="#1b1b1b">
              {b.label}
            </text>
            <text x={x + barW / 2} y={top + plotH + 20} text-anchor="middle" font-size="13" fill="#1b1b1b">
              {b.place}
            </text>
            <text x={x + barW / 2} y={top + plotH + 38} text-anchor="middle" font-size="11" fill={b.kind === "target" ? "#8a3b00" : "#0b5394"}>
              {KIND_LABEL[b.kind]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
