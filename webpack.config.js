// Builds the add-in (taskpane.html: sidebar + ribbon commands in one shared runtime).
//   --env officejs=local   serve office.js with the add-in (from @microsoft/office-js), for intranets
//                          that cannot reach the Microsoft CDN
//   --env url=https://…/   where the add-in is hosted; written into the manifest (default https://localhost:3000/)
//   --env preview          the preview instead: the real task pane beside an in-memory Excel, no Office
//   --env out=DIR          build into DIR instead of dist/addin (dist/preview)
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const root = import.meta.dirname;
export const DEV_URL = 'https://localhost:3000/';
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

/** The office.js files an add-in loads for Excel, with the Chinese and English strings. */
const officeJsFiles = [
  { from: 'office.js', to: 'office/' },
  {
    from: '{excel,o15apptofilemappingtable,es6-promise}*.js',
    to: 'office/',
    globOptions: { ignore: ['**/*.debug.js'] },
  },
  { from: '{zh-cn,en-us}/**/*', to: 'office/', globOptions: { ignore: ['**/*.debug.js'] } },
].map((p) => ({
  ...p,
  context: resolve(root, 'node_modules/@microsoft/office-js/dist'),
  // Already minified by Microsoft: keep Terser off them.
  info: { minimized: true },
}));

/** https for Excel desktop with office-addin-dev-certs' certificate when there is one; http otherwise. */
function devServerProtocol(preview) {
  const dir = join(homedir(), '.office-addin-dev-certs');
  const cert = join(dir, 'localhost.crt');
  const key = join(dir, 'localhost.key');
  if (preview || !existsSync(cert) || !existsSync(key)) return { type: 'http' };
  return {
    type: 'https',
    options: { cert: readFileSync(cert), key: readFileSync(key), ca: readFileSync(join(dir, 'ca.crt')) },
  };
}

export default (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const preview = Boolean(env.preview);
  const localOffice = env.officejs === 'local';
  const url = String(env.url ?? DEV_URL).replace(/\/?$/, '/');
  const officeScript = preview ? 'fake-office.js' : localOffice ? 'office/office.js' : OFFICE_CDN;

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: preview
      ? {
          taskpane: './src/apps/excel.tsx',
          'fake-office': './src/dev/fake-office.ts',
          preview: './src/dev/preview.tsx',
        }
      : { taskpane: './src/apps/excel.tsx' },
    output: {
      path: resolve(root, env.out ?? (preview ? 'dist/preview' : 'dist/addin')),
      filename: '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              compilerOptions: {
                module: 'esnext',
                moduleResolution: 'bundler',
                noEmit: false,
                sourceMap: true,
              },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        templateParameters: { officeScript },
      }),
      ...(preview
        ? [
            new HtmlWebpackPlugin({
              filename: 'preview.html',
              template: './src/dev/preview.html',
              chunks: ['preview'],
            }),
          ]
        : []),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          ...(preview
            ? [{ from: 'test/fixtures/jingxiu-2019.values.json', to: 'example.json' }]
            : [
                {
                  from: 'manifest.xml',
                  to: 'manifest.xml',
                  transform: (content) =>
                    content
                      .toString()
                      .replaceAll(DEV_URL, url)
                      .replaceAll(new URL(DEV_URL).origin, new URL(url).origin),
                },
              ]),
          ...(localOffice && !preview ? officeJsFiles : []),
        ],
      }),
    ],
    devServer: {
      port: preview ? 3001 : 3000,
      host: 'localhost',
      server: devServerProtocol(preview),
      headers: { 'Access-Control-Allow-Origin': '*' },
      open: preview ? ['/preview.html'] : false,
      client: { overlay: { warnings: false } },
    },
  };
};
