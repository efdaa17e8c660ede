// Builds once per run what the end-to-end tests open: the add-in (CDN and intranet), the preview,
// and the command line (dist/, for bin/nianbao.cjs).
import { execFileSync } from 'node:child_process';
import webpack, { type Configuration } from 'webpack';
import config from '../../webpack.config.js';
import { BUILDS, INTRANET_URL, WPS_URL } from './builds.js';

const root = new URL('../../', import.meta.url).pathname;

function compile(configs: Configuration[]): Promise<void> {
  return new Promise((resolve, reject) =>
    webpack(configs, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    }),
  );
}

export default async function setup(): Promise<void> {
  const make = (env: Record<string, string | boolean>) => config(env, { mode: 'production' });
  execFileSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'inherit' });
  await compile([
    make({ out: BUILDS.addin }),
    make({ out: BUILDS.intranet, officejs: 'local', url: INTRANET_URL }),
    make({ out: BUILDS.preview, preview: true }),
    make({ out: BUILDS.wps, wps: true, url: WPS_URL }),
    make({ out: BUILDS.web, web: true }),
  ]);
}
