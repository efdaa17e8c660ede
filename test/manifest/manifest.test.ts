// The manifest, checked offline (office-addin-manifest validate needs the network: npm run validate),
// the builds in test/e2e/builds.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { XMLValidator } from 'fast-xml-parser';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { describe, expect, it } from 'vitest';
import { commandActions } from '../../src/commands/actions.js';
import { ICON_SIZES } from '../../src/manifest/icons.js';
import type { PaneController } from '../../src/taskpane/controller.js';
import { all, type Node, parse, pngSize } from './parse.js';

const root = new URL('../../', import.meta.url).pathname;
const source = readFileSync(`${root}manifest.xml`, 'utf8');
const DEV_URL = 'https://localhost:3000/';

const manifest = parse(source);
const resources = all(manifest, (n) => n.tag === 'Resources')[0]!;
const defined = (kind: string) =>
  new Map(all(resources, (n, p) => p?.tag === kind).map((n) => [n.attrs.id!, n]));
const images = defined('bt:Images');
const urls = defined('bt:Urls');
const shortStrings = defined('bt:ShortStrings');
const longStrings = defined('bt:LongStrings');

/** Which resource kind each element that takes a resid must name. */
const RESID_KIND: Record<string, Map<string, Node>> = {
  'bt:Image': images,
  Runtime: urls,
  FunctionFile: urls,
  SourceLocation: urls,
  LearnMoreUrl: urls,
  Label: shortStrings,
  Title: shortStrings,
  Description: longStrings,
};

describe('manifest.xml', () => {
  it('is well-formed XML with a GUID id, a four-part version and zh-CN as its default locale', () => {
    expect(XMLValidator.validate(source)).toBe(true);
    // Office's own parser is strict where this one is not: no "--" inside a comment.
    for (const [, comment] of source.matchAll(/<!--([\s\S]*?)-->/g)) expect(comment).not.toContain('--');
    const text = (tag: string) => all(manifest, (n) => n.tag === tag)[0]?.text;
    expect(text('Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(text('Version')).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(text('Version')!.startsWith(JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version)).toBe(
      true,
    );
    expect(text('DefaultLocale')).toBe('zh-CN');
    expect(text('Permissions')).toBe('ReadWriteDocument');
  });

  it("is read by Office's own tooling (office-addin-manifest, offline)", async () => {
    const info = await OfficeAddinManifest.readManifestFile(`${root}manifest.xml`);
    expect(info).toMatchObject({
      displayName: '年报校验',
      officeAppType: 'TaskPaneApp',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      defaultLocale: 'zh-CN',
    });
  });

  it('declares the requirement sets the code uses', () => {
    // Office 2016 on activates the add-in (its pane says what to use instead); the ribbon and the
    // sidebar need ExcelApi 1.9 and the shared runtime.
    const sets = (tag: string) =>
      all(manifest, (n) => n.tag === tag).map((n) => `${n.attrs.Name} ${n.attrs.MinVersion}`);
    expect(sets('Set')).toEqual(['ExcelApi 1.1']);
    expect(sets('bt:Set')).toEqual(['ExcelApi 1.9', 'SharedRuntime 1.1']);
    const runtime = all(manifest, (n) => n.tag === 'Runtime')[0]!;
    expect(runtime.attrs.lifetime).toBe('long');
    // The ribbon's functions live in the same page as the sidebar: one runtime, one state.
    expect(all(manifest, (n) => n.tag === 'FunctionFile')[0]!.attrs.resid).toBe(runtime.attrs.resid);
  });

  it('every resid names a defined resource of the right kind, and every resource is used', () => {
    const used = new Set<string>();
    for (const n of all(manifest, (x) => x.attrs.resid !== undefined)) {
      const kind = RESID_KIND[n.tag];
      expect(kind, `<${n.tag} resid>`).toBeDefined();
      expect(kind!.has(n.attrs.resid!), `${n.tag} ${n.attrs.resid}`).toBe(true);
      expect(n.attrs.resid!.length).toBeLessThanOrEqual(32);
      used.add(n.attrs.resid!);
    }
    for (const id of [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()])
      expect(used.has(id), `${id} is defined but never used`).toBe(true);
  });

  it('every string is Chinese by default, has an en-US override and fits its length limit', () => {
    for (const [limit, strings] of [
      [125, shortStrings],
      [250, longStrings],
    ] as const) {
      for (const [id, n] of strings) {
        expect(n.attrs.DefaultValue, id).toMatch(/[\u4e00-\u9fff]/);
        expect(n.attrs.DefaultValue!.length, id).toBeLessThanOrEqual(limit);
        const en = n.children.find((c) => c.tag === 'bt:Override' && c.attrs.Locale === 'en-US');
        expect(en?.attrs.Value, id).toMatch(/^[\x20-\x7e]*[A-Za-z][\x20-\x7e]*$/);
        expect(en!.attrs.Value!.length, id).toBeLessThanOrEqual(limit);
      }
    }
    for (const tag of ['DisplayName', 'Description']) {
      const n = all(manifest, (x, p) => x.tag === tag && p?.tag === 'OfficeApp')[0]!;
      expect(n.attrs.DefaultValue).toMatch(/[\u4e00-\u9fff]/);
      expect(n.children.some((c) => c.tag === 'Override' && c.attrs.Locale === 'en-US')).toBe(true);
    }
  });

  it('the Home tab has the group 「政务公开年报」 with 插入模板 (2021/2019), 校验, 清除标记, 生成审核报告 and the sidebar; WPS’s and the sidebar’s say the same', () => {
    const group = all(manifest, (n) => n.tag === 'Group')[0]!;
    expect(all(manifest, (n) => n.tag === 'OfficeTab')[0]!.attrs.id).toBe('TabHome');
    const label = (n: Node) => shortStrings.get(n.children.find((c) => c.tag === 'Label')!.attrs.resid!)!;
    expect(label(group).attrs.DefaultValue).toBe('政务公开年报');
    const controls = group.children
      .filter((c) => c.tag === 'Control')
      .map((c) => label(c).attrs.DefaultValue);
    expect(controls).toEqual(['插入模板', '校验', '清除标记', '生成审核报告', '侧边栏']);
    const items = all(group, (n) => n.tag === 'Item').map((c) => label(c).attrs.DefaultValue);
    expect(items).toEqual(['2021 版（现行）', '2019 版']);
    // WPS's ribbon and the sidebar call each command as Excel's ribbon does.
    const wps = readFileSync(`${root}assets/wps/ribbon.xml`, 'utf8');
    const wpsLabel = (id: string) => new RegExp(`<button id="${id}" label="([^"]+)"`).exec(wps)![1];
    expect(['checkReport', 'clearMarks', 'auditReport'].map(wpsLabel)).toEqual(controls.slice(1, 4));
    const toolbar = readFileSync(`${root}src/taskpane/components/Toolbar.tsx`, 'utf8');
    for (const c of controls.slice(1, 4)) expect(toolbar, c).toContain(c);
  });

  it('every ribbon function is one the add-in registers', () => {
    const functions = all(manifest, (n) => n.tag === 'FunctionName').map((n) => n.text);
    const registered = Object.keys(commandActions({} as PaneController));
    expect(functions.sort()).toEqual(registered.sort());
  });

  it('every icon is drawn at each size it is declared at', () => {
    for (const n of all(manifest, (x) => x.tag === 'bt:Image' && x.attrs.size !== undefined)) {
      const url = images.get(n.attrs.resid!)!.attrs.DefaultValue!;
      const size = Number(n.attrs.size);
      expect(url.endsWith(`-${size}.png`), `${n.attrs.resid} at ${size}`).toBe(true);
      expect(pngSize(`${root}${url.slice(DEV_URL.length)}`)).toEqual({ width: size, height: size });
    }
    for (const [tag, size] of [
      ['IconUrl', 32],
      ['HighResolutionIconUrl', 64],
    ] as const) {
      const url = all(manifest, (n) => n.tag === tag)[0]!.attrs.DefaultValue!;
      expect(pngSize(`${root}${url.slice(DEV_URL.length)}`)).toEqual({ width: size, height: size });
    }
    for (const [name, sizes] of Object.entries(ICON_SIZES))
      for (const size of sizes)
        expect(existsSync(`${root}assets/${name}-${size}.png`), `${name}-${size}`).toBe(true);
  });
});
