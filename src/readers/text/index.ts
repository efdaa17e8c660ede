import type { Finding } from '../../report/finding.js';
import { tableSpecs } from '../../report/model.js';
import { PART_TITLES } from '../../report/parts.js';
import type { PublishedText, ReadCell, Report } from '../../report/types.js';
import { type CellKey, type Edition, EDITIONS, type TableId } from '../../report/types.js';
import { missingTable } from '../findings.js';
import { normalizeGlyphs } from './glyphs.js';
import { isSignatureLine, readMeta } from './meta.js';
import { findParts } from './parts.js';
import { labelVotes, readTable } from './tables.js';
import { type Token, tokenize } from './tokens.js';

export type TextResult =
  | { readonly report: Report; readonly problem?: undefined }
  | { readonly report?: undefined; readonly problem: string };

const PART_OF: Readonly<Record<TableId, number>> = { t2: 1, t3: 2, t4: 3 };

/** Token range of part `p`: after its title (or the previous title found) up to the next title found. */
function partRange(parts: readonly number[], p: number, length: number): [number, number] {
  const before = parts.slice(0, p + 1).filter((x) => x >= 0);
  const start = parts[p]! >= 0 ? parts[p]! + 1 : before.length ? before[before.length - 1]! + 1 : 0;
  const end = parts.slice(p + 1).find((x) => x > start) ?? length;
  return [start, end];
}

function partText(tokens: readonly Token[], parts: readonly number[], p: number): string | undefined {
  if (parts[p]! < 0) return undefined;
  const [start, end] = partRange(parts, p, tokens.length);
  const body = tokens.slice(start, end).filter((t) => !t.blank);
  if (end === tokens.length) while (body.length && isSignatureLine(body[body.length - 1]!.text)) body.pop();
  return body.map((t) => t.text).join('\n');
}

/** Where each part's title is, and each part's text. */
export function publishedText(tokens: readonly Token[], parts: readonly number[]): PublishedText {
  return {
    titles: parts.map((i) => (i >= 0 ? tokens[i]!.line : -1)),
    parts: PART_TITLES.map((_, p) => partText(tokens, parts, p)),
  };
}

const rangeOf = (id: TableId, tokens: readonly Token[], parts: readonly number[]) =>
  partRange(parts, PART_OF[id], tokens.length);

/** Labels of the edition's tables met in their parts; only the edition with more is read. */
function editionVotes(edition: Edition, tokens: readonly Token[], parts: readonly number[]): number {
  return tableSpecs(edition).reduce((n, t) => n + labelVotes(t, tokens, ...rangeOf(t.id, tokens, parts)), 0);
}

/** A published report, as text copied from its page (or an .html page turned into text). */
export function readText(text: string, options: { source?: string } = {}): TextResult {
  const tokens = tokenize(normalizeGlyphs(text));
  const parts = findParts(tokens);
  const meta = readMeta(tokens);
  const votes = EDITIONS.map((edition) => ({ edition, votes: editionVotes(edition, tokens, parts) }));
  const best = votes.reduce((a, b) =>
    b.votes > a.votes || (b.votes === a.votes && (meta.year ?? 2021) < 2021 && b.edition === '2019') ? b : a,
  );
  if (best.votes === 0) {
    return {
      problem: '没有找到年报表格：文中没有官方表格的标签（如「一、本年新收政府信息公开申请数量」）。',
    };
  }
  const cells = new Map<CellKey, ReadCell>();
  const findings: Finding[] = [];
  const found: TableId[] = [];
  for (const spec of tableSpecs(best.edition)) {
    const id = spec.id;
    const t = readTable(spec, tokens, ...rangeOf(id, tokens, parts));
    if (!t.found) {
      findings.push(missingTable(id));
      continue;
    }
    found.push(id);
    for (const [k, c] of t.cells) cells.set(k, c);
    findings.push(...t.findings);
  }
  return {
    report: {
      edition: best.edition,
      ...meta,
      ...(options.source ? { source: options.source } : {}),
      tables: found,
      cells,
      findings,
      published: publishedText(tokens, parts),
    },
  };
}
