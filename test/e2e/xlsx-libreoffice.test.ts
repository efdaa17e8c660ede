// The .xlsx reader on files a real spreadsheet program saved: LibreOffice calculates our formulas and
// writes their results, 0 included (the totals ExcelJS reported as uncalculated formulas).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checks/engine.js';
import { readReportFile } from '../../src/readers/files.js';
import { readXlsx } from '../../src/readers/xlsx/index.js';
import { buildXlsx } from '../fuzz/build-xlsx.js';
import { printWithLibreOffice, saveWithLibreOffice, soffice } from './libreoffice.js';

function saveBytes(bytes: Uint8Array): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-xlsx-'));
  writeFileSync(join(dir, 'in.xlsx'), bytes);
  return readFileSync(saveWithLibreOffice(join(dir, 'in.xlsx')));
}

describe('the template as LibreOffice prints it', () => {
  it.runIf(soffice || process.env.CI)(
    'each edition on one A4 landscape page: 表四’s header never apart from its row',
    async () => {
      const { templateBytes } = await import('../../src/cli/xlsx-write.js');
      const { templateLayout } = await import('../../src/report/template.js');
      const dir = mkdtempSync(join(tmpdir(), 'nianbao-lo-print-'));
      for (const edition of ['2019', '2021'] as const) {
        const path = join(dir, `${edition}.xlsx`);
        writeFileSync(path, await templateBytes(`${edition}年度年报`, templateLayout(edition)));
        const pdf = readFileSync(printWithLibreOffice(path), 'latin1');
        expect([edition, pdf.match(/\/Type\s*\/Page\b/g)?.length]).toEqual([edition, 1]);
        // A4 landscape: 841.9 × 595.3 points.
        expect(pdf).toMatch(/\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+\s*\]/);
      }
    },
  );
});

describe('readXlsx on workbooks LibreOffice saved', () => {
  it.runIf(soffice || process.env.CI)(
    'formulas written without results come back with them: a SUM of zeros is 0, not 「=SUM(…)」',
    async () => {
      expect(soffice, 'LibreOffice is not installed (apt-get install libreoffice-calc-nogui)').toBeDefined();
      const data =
        '<row r="1"><c r="A1" t="inlineStr"><is><t>甲</t></is></c><c r="B1"><v>0</v></c><c r="C1"><v>0</v></c><c r="D1"><f>SUM(B1:C1)</f></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t>乙</t></is></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c><c r="D2"><f>SUM(B2:C2)</f></c><c r="E2" t="str"><f>A2&amp;"年"</f></c><c r="F2"><f>1/0</f></c></row>';
      const ours = buildXlsx({
        sheets: [
          { name: '表', data },
          {
            name: '说明',
            data: '<row r="1"><c r="A1" t="inlineStr"><is><t>备注</t></is></c></row>',
            state: 'hidden',
          },
        ],
      });
      expect(readXlsx(ours).sheets[0]!.grid[0]![3]).toBe('=SUM(B1:C1)');
      const saved = readXlsx(saveBytes(ours));
      expect(saved.sheets.map((s) => [s.name, s.state])).toEqual([
        ['表', 'visible'],
        ['说明', 'hidden'],
      ]);
      expect(saved.sheets[0]!.grid).toEqual([
        ['甲', 0, 0, 0, '', ''],
        ['乙', 2, 3, 5, '乙年', '#DIV/0!'],
      ]);
    },
  );

  it.runIf(soffice || process.env.CI)(
    'the seed report saved by LibreOffice reads and checks the same as before',
    async () => {
      const { templateBytes } = await import('../../src/cli/xlsx-write.js');
      const { templateLayout } = await import('../../src/report/template.js');
      const { jingxiu } = await import('../helpers.js');
      const ours = await templateBytes('2019年度年报', templateLayout('2019'), {
        values: { ...jingxiu().values, 't3.r3_4_1.natural': 4 },
        year: 2019,
        agency: '测试机关',
      });
      const before = (await readReportFile('a.xlsx', ours)).reports[0]!;
      const after = (await readReportFile('a.xlsx', saveBytes(ours))).reports[0]!;
      expect([...after.cells]).toEqual([...before.cells]);
      expect(check(after)).toEqual(check(before));
    },
  );
});
