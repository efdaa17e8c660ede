// The add-in as built (once per run, by ./global-setup.ts): what the manifest points at is there.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { urlsIn } from '../manifest/parse.js';
import { BUILDS, DEV_URL, INTRANET_URL } from './builds.js';

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
    expect(html).toContain('src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(existsSync(`${builds.cdn}office`)).toBe(false);
  });

  it('the intranet build serves office.js itself and names its own address everywhere', () => {
    const html = readFileSync(`${builds.intranet}taskpane.html`, 'utf8');
    expect(html).toContain('src=office/office.js');
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
