import {
  type Edition,
  type Finding,
  findingAddress,
  groupByTable,
  SEVERITY_LABEL,
  shownText,
  summary,
} from '../core.js';

/** One report's result, without its cells: a batch keeps these (or less), never the reports. */
export interface Checked {
  readonly file: string;
  readonly sheet?: string;
  readonly edition: Edition;
  readonly year?: number;
  readonly agency?: string;
  /** Where last year's report came from, when the cross-year rules ran. */
  readonly previous?: string;
  readonly findings: readonly Finding[];
}

/**
 * A published report whose every error is a table or a row its copy did not give whole (see
 * Finding.unread): no error found in its numbers, but numbers not checked, which the supervisor
 * must read in the original.
 */
export function onlyUnread(c: Checked): boolean {
  const errors = c.findings.filter((f) => f.severity === 'error');
  return errors.length > 0 && errors.every((f) => f.unread);
}

export interface JsonFinding {
  rule: string;
  severity: string;
  cells: readonly string[];
  address?: string;
  addresses?: readonly string[];
  at?: readonly string[];
  culprit?: string;
  suggested?: number;
  message: string;
  /** The sheet of its cells, when the report's tables are on separate sheets. */
  sheet?: string;
  /** The clerk's 说明 that answers this warning (from the workbook). */
  note?: { text: string; at: string };
  /** Numbers a published copy did not give whole: to be read in the original (see Finding.unread). */
  unread?: true;
}

/** Whether the report's findings are on more than one sheet (its tables on separate sheets). */
function severalSheets(findings: readonly Finding[]): boolean {
  return new Set(findings.flatMap((f) => (f.sheet ? [f.sheet] : []))).size > 1;
}

function jsonFinding(f: Finding, withSheet: boolean): JsonFinding {
  const address = findingAddress(f);
  return {
    rule: f.rule,
    severity: f.severity,
    ...(withSheet && f.sheet ? { sheet: f.sheet } : {}),
    cells: f.cells,
    ...(address ? { address } : {}),
    ...(f.addresses ? { addresses: f.addresses } : {}),
    ...(f.at?.length ? { at: f.at } : {}),
    ...(f.culprit ? { culprit: f.culprit } : {}),
    ...(f.suggested !== undefined ? { suggested: f.suggested } : {}),
    message: f.message,
    ...(f.note ? { note: { text: f.note.text, at: f.note.at } } : {}),
    ...(f.unread ? { unread: true } : {}),
  };
}

/** One element of `--json`'s `files`. */
export function jsonEntry(c: Checked) {
  const several = severalSheets(c.findings);
  return {
    file: c.file,
    ...(c.sheet ? { sheet: c.sheet } : {}),
    edition: c.edition,
    ...(c.year ? { year: c.year } : {}),
    ...(c.agency ? { agency: c.agency } : {}),
    ...(c.previous ? { previous: c.previous } : {}),
    findings: c.findings.map((f) => jsonFinding(f, several)),
  };
}

const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

/**
 * `--json` written as it goes: {"files": [...], "unreadable": [...]}, one entry at a time, so that a
 * batch never holds the whole document. Each entry is held back until the next one comes (or the
 * end), to put the comma after it.
 */
export class JsonWriter {
  private pending: string | undefined;
  private count = 0;
  constructor(private readonly out: (text: string) => void) {}

  entry(value: unknown): void {
    if (this.pending === undefined) this.out('{\n  "files": [');
    else this.out(`${this.pending},`);
    this.pending = `    ${indent(JSON.stringify(value, null, 2), '    ')}`;
    this.count++;
  }

  /**
   * Closes the list; then the files not read, those of a folder that are no reports (`notChecked`),
   * and what the batch says beside its reports (`remarks`: a pairing not made, and why).
   */
  finish(
    unreadable: readonly { file: string; message: string }[],
    notChecked: readonly { file: string; message: string }[] = [],
    remarks: readonly string[] = [],
  ): void {
    // Each list always there, empty or not: a script reads `notChecked` of a clean batch too.
    const field = (name: string, value: readonly unknown[]) =>
      `  "${name}": ${indent(JSON.stringify(value, null, 2), '  ')}`;
    if (this.pending === undefined) this.out('{\n  "files": [],');
    else this.out(`${this.pending}\n  ],`);
    this.out(`${field('unreadable', unreadable)},`);
    this.out(`${field('notChecked', notChecked)},`);
    this.out(field('remarks', remarks));
    this.out('}');
  }
}

/**
 * One line for a terminal: a file name or a report's text cannot move the cursor, recolour or hide
 * output. A tab is a space there: it parts words, and moves nothing but the cursor along its line.
 */
export function terminalSafe(text: string): string {
  // Line ends too: a file name cannot start a line of its own.
  return shownText(text.replace(/\t/g, ' ')).replace(/[\n\r]/g, '');
}

const SIGN = { error: '✗', warning: '!', info: 'i' } as const;

/**
 * 「第113行：」 before a finding of no cell whose message does not say where it is (a table a copy
 * shuffled, a row not found): the terminal has no column for it, as the 审核报告 has.
 */
const placeAhead = (f: Finding): string =>
  !f.cells.length && f.at?.length && !f.at.some((a) => saysPlace(f.message, a)) ? `${f.at.join('、')}：` : '';

/** Whether a message says the place: the place itself, or a sheet cell's row or column (「第 55 行」, 「A 列」 for A55). */
function saysPlace(message: string, place: string): boolean {
  if (message.includes(place)) return true;
  const cell = /^([A-Z]{1,3})(\d+)$/.exec(place);
  return (
    cell !== null &&
    (message.includes(`第 ${cell[2]} 行`) ||
      message.includes(`${cell[1]} 列`) ||
      message.includes(`${cell[1]}–`))
  );
}

/** One report as the terminal shows it; every line free of control characters. */
export function toText(c: Checked): string {
  const head = [
    c.file,
    c.sheet ? `工作表「${c.sheet}」` : '',
    c.agency ?? '',
    c.year ? `${c.year} 年度` : '',
    `${c.edition} 版格式`,
    c.previous ? `对照上年：${c.previous}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const lines = [head];
  const withSheet = severalSheets(c.findings);
  for (const group of groupByTable(c.findings)) {
    const sheet = withSheet ? group.findings.find((f) => f.sheet)?.sheet : undefined;
    lines.push(`  ${group.title}${sheet ? `（工作表「${sheet}」）` : ''}`);
    for (const f of group.findings)
      lines.push(
        f.note
          ? `    ✓ 已说明 [${f.rule}] ${f.message}（${f.note.at} 说明：${f.note.text}）`
          : `    ${SIGN[f.severity]} ${SEVERITY_LABEL[f.severity]} [${f.rule}] ${placeAhead(f)}${f.message}`,
      );
  }
  lines.push(`  结果：${summary(c.findings)}`);
  return lines.map((l) => terminalSafe(l.replace(/[\r\n]+/g, ' '))).join('\n');
}
