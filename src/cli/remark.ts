/**
 * What a batch says beside its reports (a pairing not made, a file's name that says another year):
 * of which reports, and what. Most name their reports first (「a.pdf、b.pdf：…」); a batch of
 * hundreds may name hundreds, which each output shows as it can be read.
 */
export interface Remark {
  /** The reports it is said of (their labels, each perhaps with a note of its own); none where `says` names them. */
  readonly of: readonly string[];
  readonly says: string;
  /** `of` is every report of the batch: said as 「本批全部 N 份报告」 where they are many. */
  readonly all?: boolean;
}

/** From this many reports on, a remark's reports are many: the terminal lists them a line each. */
export const MANY = 4;

/** A remark that names its reports in what it says, if any. */
export const remarkOf = (says: string): Remark => ({ of: [], says });

const allOf = (r: Remark) => r.all === true && r.of.length >= MANY;

/** The remark in one line, as the JSON, the CSV and the audit report give it. */
export function remarkText(r: Remark): string {
  if (!r.of.length) return r.says;
  return `${allOf(r) ? `本批全部 ${r.of.length} 份报告` : r.of.join('、')}：${r.says}`;
}

/** The remark as the terminal shows it: naming many reports (not all), what it says, then each on a line of its own. */
export function remarkLines(r: Remark): string[] {
  if (allOf(r) || r.of.length < MANY) return [remarkText(r)];
  return [`${r.says}（${r.of.length} 份）：`, ...r.of.map((label) => `    ${label}`)];
}
