// Where ./global-setup.ts puts the builds the end-to-end tests use: built once per run.
const root = new URL('../../', import.meta.url).pathname;
const out = `${root}test-output/builds/`;

export const DEV_URL = 'https://localhost:3000/';
export const INTRANET_URL = 'https://nianbao.example.gov.cn/addin/';
export const WPS_URL = 'http://nianbao.example.gov.cn/wps/';

export const BUILDS = {
  /** The add-in as `npm run build` makes it (office.js from the CDN). */
  addin: `${out}addin/`,
  /** `npm run build:intranet` with a hosting address. */
  intranet: `${out}intranet/`,
  /** The preview pages: the real panes beside the in-memory Excel and WPS. */
  preview: `${out}preview/`,
  /** `npm run build:wps`: the WPS 加载项 and its deployment files. */
  wps: `${out}wps/`,
  /** `npm run build:web`: 年报校验网页版, one HTML file. */
  web: `${out}web/`,
} as const;
