import { readFileSync } from 'node:fs';
import { check } from '../src/checks/engine.js';
import type { Finding } from '../src/checks/finding.js';
import { type Grid, readGrid } from '../src/readers/grid.js';
import type { RawValue, Report } from '../src/report/report.js';
import { templateGrid, templateLayout } from '../src/report/template.js';
import type { CellKey, Edition } from '../src/report/types.js';

export type Values = Record<CellKey, RawValue>;

export function fixturePath(name: string): string {
  return new URL(`./fixtures/${name}`, import.meta.url).pathname;
}

export interface FixtureReport {
  readonly agency: string;
  readonly year: number;
  readonly edition: Edition;
  readonly values: Values;
}

export function jingxiu(): FixtureReport {
  return JSON.parse(readFileSync(fixturePath('jingxiu-2019.values.json'), 'utf8')) as FixtureReport;
}

export function suqian(): [FixtureReport, FixtureReport] {
  const d = JSON.parse(readFileSync(fixturePath('suqian-2023-2024.json'), 'utf8')) as {
    reports: FixtureReport[];
  };
  return [d.reports[0]!, d.reports[1]!];
}

/** The template filled with `values`, as Office.js would give the sheet's values. */
export function filledGrid(
  edition: Edition,
  values: Values,
  heading: { year?: number; agency?: string } = {},
): RawValue[][] {
  return templateGrid(templateLayout(edition), { values, ...heading });
}

export function readReport(grid: Grid): Report {
  const r = readGrid(grid, { sheet: '测试' });
  if (!r.report) throw new Error(r.problem);
  return r.report;
}

export function checkGrid(grid: Grid, previous?: Report): Finding[] {
  return check(readReport(grid), previous ? { previous } : {});
}

export const errors = (fs: readonly Finding[]) => fs.filter((f) => f.severity === 'error');
export const ofRule = (fs: readonly Finding[], rule: string) => fs.filter((f) => f.rule === rule);
