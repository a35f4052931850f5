// A bar chart in plain HTML and CSS (no chart library: the whole app is smaller than one).
// Each bar's length is its share of the largest value: columns for a time series, rows for
// named groups (whose labels need the width). Screen readers get one summary sentence
// (role="img"); the table shown with the chart holds every number.

export interface Bar {
  key: string;
  /** Written under the column or before the row (every few columns when there are many). */
  label: string;
  value: number;
  /** The hover text, e.g. "Tue, Nov 24, 2026: 3 closed". */
  title: string;
}

// Beyond these many columns the numbers on top no longer fit, and the axis shows every n-th label.
const MAX_VALUE_LABELS = 31;
const MAX_AXIS_LABELS = 14;

interface Props {
  bars: Bar[];
  summary: string;
  layout: 'columns' | 'rows';
}

export function BarChart({ bars, summary, layout }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const share = (b: Bar) => ({ '--share': b.value / max });
  if (layout === 'rows') {
    return (
      <div class="chart chart-rows" role="img" aria-label={summary}>
        {bars.map((b) => (
          <div key={b.key} class="chart-row">
            <span class="chart-row-label" title={b.title}>
              {b.label}
            </span>
            <span class="chart-track" title={b.title}>
              <span class="chart-bar" style={share(b)} />
            </span>
            <span class="chart-value">{b.value}</span>
          </div>
        ))}
      </div>
    );
  }
  const step = Math.ceil(bars.length / MAX_AXIS_LABELS);
  const dense = bars.length > MAX_VALUE_LABELS;
  return (
    <div class="chart" role="img" aria-label={summary}>
      <div class={dense ? 'chart-plot dense' : 'chart-plot'}>
        {bars.map((b) => (
          <div key={b.key} class="chart-col" title={b.title}>
            {!dense && <span class="chart-value">{b.value}</span>}
            <span class="chart-bar" style={share(b)} />
          </div>
        ))}
      </div>
      <div class="chart-axis">
        {bars.map((b, i) => (
          <span key={b.key} title={b.label}>
            {i % step === 0 ? b.label : ''}
          </span>
        ))}
      </div>
    </div>
  );
}
