/** One machine-readable line per figure; `ratio` is value / baseline measured in the same run. */
export function report(name: string, value: number, unit: string, baseline: number): void {
  const round = (n: number) => Math.round(n * 100) / 100;
  console.log(
    JSON.stringify({
      name,
      value: round(value),
      unit,
      baseline: round(baseline),
      ratio: round(value / baseline),
    }),
  );
}
