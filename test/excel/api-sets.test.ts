// Every Office.js API the Excel host uses, with its requirement set as @types/office-js tags it
// ([Api set: ExcelApi 1.x]): none may be above what the manifest asks of Excel unless a runtime
// check (Office.context.requirements.isSetSupported) guards it.
import { readdirSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { all, parse } from '../manifest/parse.js';

const root = new URL('../../', import.meta.url).pathname;
const excelDir = `${root}src/excel/`;
const GUARD = /isSetSupported\(\s*['"]ExcelApi['"]\s*,\s*['"](\d+\.\d+)['"]\s*\)/;

type Version = [number, number];
const version = (s: string): Version => s.split('.').map(Number) as Version;
const above = (a: Version, b: Version) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

/** The ExcelApi version the add-in's ribbon and sidebar are activated with (VersionOverrides). */
function manifestMinimum(): Version {
  const manifest = parse(readFileSync(`${root}manifest.xml`, 'utf8'));
  const overrides = all(manifest, (n) => n.tag === 'VersionOverrides')[0]!;
  const set = all(overrides, (n) => n.tag === 'bt:Set' && n.attrs.Name === 'ExcelApi')[0]!;
  return version(set.attrs.MinVersion!);
}

interface Use {
  readonly api: string;
  readonly set: string;
  readonly where: string;
  /** The version a surrounding isSetSupported check guarantees, if any. */
  readonly guarded?: string;
}

/** Office.js members the files use, each with the requirement set its declaration names. */
function uses(files: Record<string, string>): Use[] {
  const host: ts.CompilerHost = ts.createCompilerHost({});
  const read = host.readFile.bind(host);
  host.readFile = (f) => files[f] ?? read(f);
  const exists = host.fileExists.bind(host);
  host.fileExists = (f) => f in files || exists(f);
  const program = ts.createProgram(
    Object.keys(files),
    {
      strict: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['office-js'],
      typeRoots: [`${root}node_modules/@types`],
      skipLibCheck: true,
      noEmit: true,
    },
    host,
  );
  const checker = program.getTypeChecker();
  const out: Use[] = [];
  for (const file of Object.keys(files)) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        for (const decl of symbol?.declarations ?? []) {
          const declFile = decl.getSourceFile();
          if (!declFile.fileName.includes('@types/office-js')) continue;
          const doc = declFile.text.slice(decl.getFullStart(), decl.getStart());
          const set = /\[Api set: ExcelApi (\d+\.\d+)/.exec(doc)?.[1];
          if (!set) continue;
          let guarded: string | undefined;
          for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
            const g = ts.isIfStatement(p) ? GUARD.exec(p.expression.getText(source))?.[1] : undefined;
            if (g && p.pos <= node.pos && (p as ts.IfStatement).thenStatement.end >= node.end) guarded = g;
          }
          const parent = (decl.parent as ts.NamedDeclaration).name?.getText(declFile) ?? '';
          out.push({
            api: `${parent}.${node.name.text}`,
            set,
            where: `${file.slice(root.length)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`,
            ...(guarded ? { guarded } : {}),
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

const unguardedAbove = (list: readonly Use[], min: Version) =>
  list.filter(
    (u) => above(version(u.set), min) && !(u.guarded && !above(version(u.set), version(u.guarded))),
  );

// Two probes beside the host's files, analysed with them in one program (the typings are large).
const probe = {
  unguarded: `${excelDir}probe-unguarded.ts`,
  guarded: `${excelDir}probe-guarded.ts`,
};
const PROBES = {
  [probe.unguarded]: `export function f(ws: Excel.Worksheet) { ws.onRowSorted.add(async () => undefined); }\n`,
  [probe.guarded]: `export function f(ws: Excel.Worksheet) {\n  if (Office.context.requirements.isSetSupported('ExcelApi', '1.10')) ws.onRowSorted.add(async () => undefined);\n}\n`,
};

describe('Office.js requirement sets', () => {
  const files = Object.fromEntries(
    readdirSync(excelDir)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => [`${excelDir}${f}`, readFileSync(`${excelDir}${f}`, 'utf8')]),
  );
  const analysed = uses({ ...files, ...PROBES });
  const inFile = (file: string) => analysed.filter((u) => u.where.startsWith(file.slice(root.length)));
  const found = analysed.filter(
    (u) => !Object.keys(PROBES).some((p) => u.where.startsWith(p.slice(root.length))),
  );

  it('lists every Office.js member the Excel host uses, with its ExcelApi set', () => {
    const apis = new Map(found.map((u) => [u.api, u.set]));
    // A sample, to know the analysis sees what the host does.
    expect(apis.get('ConditionalFormatCollection.add')).toBe('1.6');
    expect(apis.get('RangeAreas.conditionalFormats')).toBe('1.9');
    expect(apis.get('WorksheetCollection.onAdded')).toBe('1.7');
    expect(apis.size).toBeGreaterThan(30);
  });

  it('uses nothing above the manifest’s ExcelApi minimum without a runtime check', () => {
    expect(manifestMinimum()).toEqual([1, 9]);
    expect(unguardedAbove(found, manifestMinimum())).toEqual([]);
  });

  it('would fail on an ExcelApi 1.10 call added unguarded, and pass it guarded', () => {
    const bad = unguardedAbove(inFile(probe.unguarded), manifestMinimum());
    expect(bad.map((u) => [u.api, u.set])).toEqual([['Worksheet.onRowSorted', '1.10']]);
    expect(inFile(probe.guarded).map((u) => u.api)).toContain('Worksheet.onRowSorted');
    expect(unguardedAbove(inFile(probe.guarded), manifestMinimum())).toEqual([]);
  });
});
