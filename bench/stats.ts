/** Small statistics for benchmark reports. */
export function median(values: number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the figure must meet, or 'reported' for a figure that has no goal of its own. */
  goal: string;
  met: boolean;
}

export function printFigures(title: string, figures: Figure[]) {
  console.log(`\n${title}`);
  for (const f of figures) {
    const value = f.unit === '×' ? f.value.toFixed(3) : f.value.toFixed(f.value < 10 ? 2 : 0);
    console.log(`  ${f.goal === 'reported' ? '    ' : f.met ? 'met ' : 'MISS'}  ${f.name}: ${value} ${f.unit}  (goal ${f.goal})`);
  }
}

/**
 * The 95% bootstrap interval of median(a) ÷ median(b): how far the ratio of these runs could be
 * from the machine's own by chance. Seeded, so the same runs give the same interval.
 */
export function ratioInterval(a: number[], b: number[], resamples = 2000): [number, number] {
  let seed = 1;
  // Park–Miller: enough randomness to resample a handful of runs, and repeatable.
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const resample = (values: number[]) => values.map(() => values[Math.floor(random() * values.length)]!);
  const ratios = Array.from({ length: resamples }, () => median(resample(a)) / median(resample(b)));
  return [quantile(ratios, 0.025), quantile(ratios, 0.975)];
}
