// Where ./global-setup.ts puts the builds the end-to-end tests use: built once per run.
const root = new URL('../../', import.meta.url).pathname;
const out = `${root}test-output/builds/`;

export const DEV_URL = 'https://localhost:3000/';
export const INTRANET_URL = 'https://nianbao.example.gov.cn/addin/';

export const BUILDS = {
  /** The add-in as `npm run build` makes it (office.js from the CDN). */
  addin: `${out}addin/`,
  /** `npm run build:intranet` with a hosting address. */
  intranet: `${out}intranet/`,
  /** The preview page: the real task pane beside the in-memory Excel. */
  preview: `${out}preview/`,
} as const;
