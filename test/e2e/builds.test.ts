// The add-in as built (once per run, by ./global-setup.ts): what the manifest points at is there.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { urlsIn } from '../manifest/parse.js';
import { commandActions } from '../../src/commands/actions.js';
import type { PaneController } from '../../src/taskpane/controller.js';
import { BUILDS, DEV_URL, INTRANET_URL, WPS_URL } from './builds.js';

const root = new URL('../../', import.meta.url).pathname;
const source = readFileSync(`${root}manifest.xml`, 'utf8');
const builds = { cdn: BUILDS.addin, intranet: BUILDS.intranet };

describe('the builds the manifest points at', () => {
  it('every URL of the manifest is a file the build emits', () => {
    const built = readFileSync(`${builds.cdn}manifest.xml`, 'utf8');
    expect(built).toBe(source);
    const local = urlsIn(built).filter((u) => u.startsWith(DEV_URL));
    expect(local.length).toBeGreaterThan(10);
    for (const u of local) expect(existsSync(`${builds.cdn}${u.slice(DEV_URL.length)}`), u).toBe(true);
  });

  it('by default office.js comes from the Microsoft CDN', () => {
    const html = readFileSync(`${builds.cdn}taskpane.html`, 'utf8');
    expect(html).toContain('src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"');
    expect(existsSync(`${builds.cdn}office`)).toBe(false);
  });

  it('the intranet build serves office.js itself and names its own address everywhere', () => {
    const html = readFileSync(`${builds.intranet}taskpane.html`, 'utf8');
    expect(html).toContain('src="office/office.js"');
    expect(html).not.toContain('microsoft.com');
    for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'zh-cn/office_strings.js'])
      expect(existsSync(`${builds.intranet}office/${f}`), f).toBe(true);
    const built = readFileSync(`${builds.intranet}manifest.xml`, 'utf8');
    expect(built).not.toContain('localhost');
    for (const u of urlsIn(built)) expect(u.startsWith(INTRANET_URL.replace(/\/addin\/$/, '')), u).toBe(true);
    for (const u of urlsIn(built).filter((x) => x.startsWith(INTRANET_URL)))
      expect(existsSync(`${builds.intranet}${u.slice(INTRANET_URL.length)}`), u).toBe(true);
  });
});

describe('what the add-in build ships', () => {
  it('no source maps in dist/addin: they are kept beside it, and nothing points at them', () => {
    const files = readdirSync(builds.cdn, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(readFileSync(`${builds.cdn}taskpane.js`, 'utf8')).not.toContain('sourceMappingURL');
    expect(existsSync(`${builds.cdn.replace(/\/$/, '')}-maps/taskpane.js.map`)).toBe(true);
  });

  it('the pane allows only what it loads, and its inline ES5 script by its hash', () => {
    for (const [dir, office] of [
      [builds.cdn, 'https://appsforoffice.microsoft.com'],
      [builds.intranet, undefined],
    ] as const) {
      const html = readFileSync(`${dir}taskpane.html`, 'utf8');
      const policy = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)![1]!;
      const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
      const hash = createHash('sha256').update(script).digest('base64');
      expect(policy).toContain(`'sha256-${hash}'`);
      expect(policy).toMatch(/connect-src 'self';/);
      expect(policy).not.toContain('unsafe-eval');
      if (office) expect(policy).toContain(office);
      else expect(policy).not.toContain('microsoft.com');
    }
  });
});

describe('the WPS 加载项 build', () => {
  const folder = `${BUILDS.wps}nianbao_${JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version}/`;

  it('is one folder with ribbon.xml, main.js, the sidebar and the icons the ribbon asks for', () => {
    for (const f of ['ribbon.xml', 'main.js', 'taskpane.html', 'taskpane.js'])
      expect(existsSync(`${folder}${f}`), f).toBe(true);
    // WPS makes the folder's index.html itself.
    expect(existsSync(`${folder}index.html`)).toBe(false);
    const ribbon = readFileSync(`${folder}ribbon.xml`, 'utf8');
    expect(ribbon).toContain('onLoad="OnAddinLoad"');
    expect(ribbon).toContain('label="政务公开年报"');
    const ids = [...ribbon.matchAll(/<button id="([^"]+)"[^>]*onAction="OnAction"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'insertTemplate2021',
      'insertTemplate2019',
      'checkReport',
      'clearMarks',
      'auditReport',
      'showPane',
    ]);
    const known = Object.keys(commandActions({} as PaneController));
    for (const id of ids.filter((i) => i !== 'showPane')) expect(known, id).toContain(id);
    for (const icon of ['insert', 'check', 'clear', 'audit', 'pane'])
      expect(existsSync(`${folder}images/${icon}.svg`), icon).toBe(true);
    const main = readFileSync(`${folder}main.js`, 'utf8');
    expect(main).not.toContain('react');
  });

  it('comes with publish.xml for 离线模式 and jsplugins.xml for 在线模式, both naming the folder', () => {
    const name = folder.split('/').at(-2)!;
    expect(readFileSync(`${BUILDS.wps}publish.xml`, 'utf8')).toContain(
      `<jsplugin name="nianbao" type="et" url="${name}"`,
    );
    expect(readFileSync(`${BUILDS.wps}jsplugins.xml`, 'utf8')).toContain(
      `<jspluginonline name="nianbao" type="et" url="${WPS_URL}${name}/"`,
    );
  });
});
