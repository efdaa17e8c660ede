// The layers are enforced by eslint: a wrong-way import or an Office.js global out of place fails the lint.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
let eslint: ESLint;

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layers', () => {
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  const wrong: [file: string, code: string, rule: string][] = [
    [
      'src/taskpane/x.ts',
      "import { ExcelHost } from '../excel/host.js';\nexport { ExcelHost };\n",
      'no-restricted-imports',
    ],
    [
      'src/taskpane/components/x.ts',
      "import { ExcelHost } from '../../excel/host.js';\nexport { ExcelHost };\n",
      'no-restricted-imports',
    ],
    [
      'src/report/x.ts',
      "import { check } from '../checks/engine.js';\nexport { check };\n",
      'no-restricted-imports',
    ],
    [
      'src/checks/x.ts',
      "import { readGrid } from '../readers/grid.js';\nexport { readGrid };\n",
      'no-restricted-imports',
    ],
    [
      'src/readers/x.ts',
      "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n",
      'no-restricted-imports',
    ],
    [
      'src/excel/x.ts',
      "import { cellSpec } from '../report/model.js';\nexport { cellSpec };\n",
      'no-restricted-imports',
    ],
    [
      'src/cli/x.ts',
      "import { PaneController } from '../taskpane/controller.js';\nexport { PaneController };\n",
      'no-restricted-imports',
    ],
    [
      'src/taskpane/x.ts',
      'export const run = () => Excel.run(async () => undefined);\n',
      'no-restricted-globals',
    ],
    ['src/host/x.ts', 'export const ready = () => Office.onReady();\n', 'no-restricted-globals'],
  ];
  for (const [file, code, rule] of wrong) {
    it(`${file}: ${code.split('\n')[0]} fails`, async () => {
      expect((await problems(file, code)).join('\n')).toContain(rule);
    });
  }

  it('the right way round passes', async () => {
    expect(
      await problems('src/taskpane/x.ts', "import { check } from '../core.js';\nexport { check };\n"),
    ).toEqual([]);
    expect(
      await problems('src/excel/x.ts', 'export const run = () => Excel.run(async () => undefined);\n'),
    ).toEqual([]);
    expect(
      await problems(
        'src/checks/x.ts',
        "import { cellSpec } from '../report/model.js';\nexport { cellSpec };\n",
      ),
    ).toEqual([]);
  });
});
