import { renderTable, summary, verdict, type Figure } from '../../bench/table';

const figures: Figure[] = [
  { section: 'Cold start', metric: 'ratio', value: '1.1×', target: '≤ 1.25×', verdict: 'PASS' },
  {
    section: 'Overhead',
    metric: 'ratio app / direct',
    value: '2×',
    target: '≤ 1.1×',
    verdict: 'FAIL',
    note: 'core prepares the definition on every call',
  },
  { section: 'Artifact', metric: 'entries', value: '701', target: '—', verdict: 'INFO' },
];

describe('renderTable', () => {
  const lines = renderTable(figures).split('\n');

  it('prints a header, a rule and one row per figure with its target and verdict', () => {
    expect(lines[0]).toMatch(/^Section\s+\| Metric\s+\| Value\s+\| Target\s+\| Result$/);
    expect(lines[1]).toMatch(/^-+-\+-/);
    expect(lines[2]).toMatch(/^Cold start \| ratio\s+\| 1\.1×\s+\| ≤ 1\.25× \| PASS$/);
    expect(lines[3]).toContain('| FAIL');
  });

  it('aligns every column to its widest cell', () => {
    const pipes = (line: string) => [...line].flatMap((c, i) => (c === '|' ? [i] : []));
    expect(pipes(lines[2]!)).toEqual(pipes(lines[0]!));
    expect(pipes(lines[4]!)).toEqual(pipes(lines[0]!));
  });

  it('lists notes under the table, naming the figure they explain', () => {
    expect(lines).toContain('Notes:');
    expect(lines).toContain(
      '- Overhead / ratio app / direct: core prepares the definition on every call',
    );
  });

  it('prints no notes section when no figure has a note', () => {
    expect(renderTable([figures[0]!])).not.toContain('Notes:');
  });
});

describe('summary and verdict', () => {
  it('counts each verdict', () => {
    expect(summary(figures)).toEqual({ pass: 1, fail: 1, info: 1 });
  });

  it('turns a check into PASS or FAIL', () => {
    expect(verdict(true)).toBe('PASS');
    expect(verdict(false)).toBe('FAIL');
  });
});
