import { describe, expect, it } from 'vitest';
import { checkBatch } from '../../src/cli/batch.js';
import { missingPart, oneLine } from '../../src/cli/internal.js';

/** What Node throws for a package not installed (a copy of the build without node_modules). */
const notFound = (name: string) =>
  Object.assign(new Error(`Cannot find module '${name}'\nRequire stack:\n- /opt/nianbao/dist/cli/main.cjs`), {
    code: 'MODULE_NOT_FOUND',
  });

describe('an internal error, as the user reads it', () => {
  it('a part of the install missing says how to mend it; anything else is one line of its own words', () => {
    expect(missingPart(notFound('entities'))).toBe(
      '缺少组件「entities」：nianbao 的安装不完整。请在项目目录重新运行 npm install；复制到别的电脑时，要连同 node_modules 复制整个项目目录',
    );
    expect(missingPart(new Error("Cannot find module 'x'"))).toBeUndefined();
    expect(oneLine(notFound('entities'))).toBe("Cannot find module 'entities'");
    expect(oneLine('plain')).toBe('plain');
  });

  it('in a batch, the file says it, and the batch goes on', async () => {
    const totals = await checkBatch(
      ['/x/a.html', '/x/b.html'],
      { keep: (c) => c, emit: () => undefined },
      {
        read: (file) =>
          Promise.reject(file.endsWith('a.html') ? notFound('entities') : new Error('boom\nat x')),
      },
    );
    expect(totals.internalErrors).toBe(2);
    expect(totals.unreadable.map((u) => u.message)).toEqual([
      '/x/a.html：缺少组件「entities」：nianbao 的安装不完整。请在项目目录重新运行 npm install；复制到别的电脑时，要连同 node_modules 复制整个项目目录',
      '/x/b.html：读取或校验时出现内部错误（boom），请把该文件报告给开发者',
    ]);
  });
});
