// One row per figure: what was measured, its value, the target and the verdict, printed as a
// fixed-width table so the output reads the same in a terminal and in a CI log.

export type Verdict = 'PASS' | 'FAIL' | 'INFO';

export interface Figure {
  section: string;
  metric: string;
  value: string;
  target: string;
  verdict: Verdict;
  /** Why a figure is what it is, or how it was measured, when the row alone does not say. */
  note?: string;
}

export const verdict = (pass: boolean): Verdict => (pass ? 'PASS' : 'FAIL');

const COLUMNS = ['Section', 'Metric', 'Value', 'Target', 'Result'] as const;

const cellsOf = (figure: Figure): string[] => [
  figure.section,
  figure.metric,
  figure.value,
  figure.target,
  figure.verdict,
];

export function renderTable(figures: readonly Figure[]): string {
  const rows = figures.map(cellsOf);
  const widths = COLUMNS.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join(' | ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
  const notes = figures
    .filter((figure) => figure.note)
    .map((figure) => `- ${figure.section} / ${figure.metric}: ${figure.note}`);
  return [line(COLUMNS), rule, ...rows.map(line), ...(notes.length ? ['', 'Notes:', ...notes] : [])]
    .join('\n')
    .concat('\n');
}

export function summary(figures: readonly Figure[]): { pass: number; fail: number; info: number } {
  const count = (wanted: Verdict) => figures.filter((figure) => figure.verdict === wanted).length;
  return { pass: count('PASS'), fail: count('FAIL'), info: count('INFO') };
}
