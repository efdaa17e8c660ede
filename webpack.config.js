// Builds what clerks install:
//   (default)              the Excel add-in, dist/addin (taskpane.html: sidebar + ribbon commands in one
//                          shared runtime); source maps beside it in dist/addin-maps, never shipped
//   --env officejs=local   serve office.js with the add-in (from @microsoft/office-js), for intranets
//                          that cannot reach the Microsoft CDN
//   --env url=https://…/   where the add-in is hosted; written into the manifest (default https://localhost:3000/)
//   --env wps              the WPS 表格 加载项, dist/wps (nianbao_<version>/ with ribbon.xml, publish.xml and
//                          jsplugins.xml beside it); --env url=http://…/ is where jsplugins.xml points
//   --env preview          the preview instead: the real panes beside an in-memory Excel and WPS, no Office
//                          (--env minify: minified as the add-in is, for the bench)
//   --env out=DIR          build into DIR instead
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';
import { PDF_READER, PDF_STAND_IN } from './scripts/pdf-stand-in.mjs';
import { PDF_WORKER as PDF_WORKER_MODULE } from './scripts/pdfjs-expose.mjs';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8'));
export const DEV_URL = 'https://localhost:3000/';
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
export const WPS_DEV_URL = 'http://localhost:3889/';
/** The folder the WPS add-in is published in, as wpsjs names it: name_version. */
export const WPS_FOLDER = `nianbao_${pkg.version}`;

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

/** How a page's Content-Security-Policy allows an inline script: by its hash. */
const sha256 = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The ES5 script that tells Office 2016/2019 clerks what to use instead, inlined before the bundle. */
const legacyScript = readFileSync(resolve(root, 'src/taskpane/legacy.js'), 'utf8');

/** The ES5 script that tells a browser too old for the page so, in Chinese, inlined before the bundle. */
const engineScript = readFileSync(resolve(root, 'src/web/engine-check.js'), 'utf8');

/**
 * What a pane page may load: its own files, office.js from where it comes, styles Fluent UI
 * injects, and nothing else; no page of ours ever connects anywhere.
 */
function csp(scripts, development) {
  return [
    "default-src 'self'",
    `script-src 'self' ${[...scripts, ...(development ? ["'unsafe-eval'"] : [])].join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // The development server's live reload talks over a websocket.
    `connect-src 'self'${development ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

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

const xml = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** The WPS 加载项's files: ribbon.xml and icons in its folder, the deployment files beside it. */
function wpsFiles(folder, url, deploy) {
  return [
    { from: 'assets/wps/ribbon.xml', to: `${folder}ribbon.xml` },
    { from: 'assets/{insert,check,clear,audit,pane}.svg', to: `${folder}images/[name][ext]` },
    ...(deploy
      ? [
          {
            from: 'assets/wps/publish.xml',
            to: 'publish.xml',
            transform: (c) =>
              c.toString().replaceAll('{{folder}}', WPS_FOLDER).replaceAll('{{version}}', pkg.version),
          },
          {
            from: 'assets/wps/jsplugins.xml',
            to: 'jsplugins.xml',
            transform: (c) => c.toString().replaceAll('{{url}}', xml(`${url}${WPS_FOLDER}/`)),
          },
        ]
      : []),
  ];
}

/** The offline page's file name. */
export const WEB_PAGE = '年报校验.html';

/** Inert code in the offline page, run when first needed (src/web/inline-chunks.ts). */
const CHUNK_TYPE = 'text/x-nianbao-chunk';
/** The PDF thread: in the offline page inert text made a Web Worker at the first PDF (src/host/pdf-thread.ts). */
const WORKER_TYPE = 'text/x-nianbao-worker';
const PDF_WORKER = 'pdf-worker';

/**
 * The offline page as one file: the entry bundle inlined into src/web/page.html, the code loaded only
 * when needed (pdf.js) inlined beside it as inert text, every script allowed by its hash and no
 * connection allowed at all, so the page can make none.
 */
class InlinePage {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InlinePage', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'InlinePage', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE },
        (assets) => {
          const text = (name) =>
            assets[name]
              .source()
              .toString()
              .replace(/<\/(script)/gi, '<\\/$1');
          const entry = compilation.entrypoints.get('web').getEntrypointChunk();
          const main = [...entry.files].find((f) => f.endsWith('.js'));
          const worker = `${PDF_WORKER}.js`;
          const lazy = Object.keys(assets).filter((n) => n.endsWith('.js') && n !== main && n !== worker);
          const scripts = [main, ...lazy].map(text);
          const policy = [
            "default-src 'none'",
            `script-src ${[engineScript, ...scripts].map(sha256).join(' ')}`,
            "style-src 'unsafe-inline'",
            'img-src data: blob:',
            'font-src data:',
            'worker-src blob:',
            "connect-src 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
          ].join('; ');
          const inert = scripts
            .slice(1)
            .map((code) => `<script type="${CHUNK_TYPE}">${code}</script>`)
            .concat(`<script type="${WORKER_TYPE}">${text(worker)}</script>`)
            .join('\n');
          const page = readFileSync(resolve(root, 'src/web/page.html'), 'utf8')
            .replace('{{csp}}', policy)
            .replace('{{engineCheck}}', () => engineScript)
            .replace('{{chunks}}', () => inert)
            .replace('{{script}}', () => scripts[0]);
          for (const name of Object.keys(assets)) compilation.deleteAsset(name);
          compilation.emitAsset(WEB_PAGE, new webpack.sources.RawSource(page));
        },
      );
    });
  }
}

export default (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const preview = Boolean(env.preview);
  const wps = Boolean(env.wps);
  const web = Boolean(env.web);
  const localOffice = env.officejs === 'local';
  const url = String(env.url ?? (wps ? WPS_DEV_URL : DEV_URL)).replace(/\/?$/, '/');
  const officeScript = preview ? 'fake-office.js' : localOffice ? 'office/office.js' : OFFICE_CDN;
  const officeSource = officeScript.startsWith('https:') ? [new URL(officeScript).origin] : [];
  // The WPS add-in in its own folder; in the preview under wps/, beside the Excel pane.
  const wpsDir = wps ? `${WPS_FOLDER}/` : 'wps/';

  // Each pane's PDF thread, one script pdf.js and all: a worker loads no chunks (src/host/pdf-thread.ts).
  const pdfWorker = { import: './src/host/pdf-worker.ts', asyncChunks: false };
  const excelEntries = { taskpane: './src/apps/excel.tsx', [PDF_WORKER]: pdfWorker };
  const wpsEntries = {
    [`${wpsDir}main`]: './src/apps/wps-main.ts',
    [`${wpsDir}taskpane`]: './src/apps/wps-pane.tsx',
    [`${wpsDir}${PDF_WORKER}`]: pdfWorker,
  };
  const entry = web
    ? {
        web: './src/apps/web.tsx',
        [PDF_WORKER]: pdfWorker,
      }
    : wps
      ? wpsEntries
      : preview
        ? {
            ...excelEntries,
            ...wpsEntries,
            'fake-office': './src/dev/fake-office.ts',
            preview: './src/dev/preview.tsx',
            'wps-preview': './src/dev/wps-preview.tsx',
          }
        : excelEntries;
  const out = resolve(
    root,
    env.out ?? (preview ? 'dist/preview' : wps ? 'dist/wps' : web ? 'dist/web' : 'dist/addin'),
  );

  const excelPage = new HtmlWebpackPlugin({
    filename: 'taskpane.html',
    template: './src/taskpane/taskpane.html',
    chunks: ['taskpane'],
    minify: false,
    templateParameters: {
      officeScript,
      legacyScript,
      csp: csp([...officeSource, sha256(legacyScript)], !production),
    },
  });
  const wpsPage = new HtmlWebpackPlugin({
    filename: `${wpsDir}taskpane.html`,
    template: './src/wps/taskpane.html',
    chunks: [`${wpsDir}taskpane`],
    // Kept as written: the inline script is allowed by its hash.
    minify: false,
    templateParameters: { engineScript, csp: csp([sha256(engineScript)], !production) },
  });

  return {
    mode: production ? 'production' : 'development',
    // Source maps for debugging, kept out of what is deployed: dist/addin-maps/, never referenced.
    devtool: web
      ? false
      : production
        ? preview
          ? false
          : 'hidden-source-map'
        : 'eval-cheap-module-source-map',
    entry,
    output: {
      path: out,
      filename: '[name].js',
      sourceMapFilename: `../${out.split('/').pop()}-maps/[file].map`,
      // Inline scripts have no address to find the rest by; the offline page's chunks are all inline.
      ...(web ? { publicPath: '' } : {}),
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        // pdf.js's worker half with the class that reads its streams exported: each is held to a cap.
        { test: PDF_WORKER_MODULE, loader: join(root, 'scripts/pdfjs-expose.mjs') },
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
    optimization: {
      // The preview is a developer's tool: not worth the minifier's time, but for the bench, which
      // times the code clerks load (--env minify).
      minimize: production && (!preview || Boolean(env.minify)),
      // Pages stay as written: their inline script is allowed by its hash.
      minimizeOptions: { html: false },
    },
    plugins: [
      // A page's own thread reads no PDF (its worker does): it carries no second pdf.js.
      new webpack.NormalModuleReplacementPlugin(PDF_READER.request, (r) => {
        if (PDF_READER.importer.test(r.contextInfo.issuer)) r.request = PDF_STAND_IN;
      }),
      ...(web
        ? [new InlinePage()]
        : [
            ...(wps ? [wpsPage] : preview ? [excelPage, wpsPage] : [excelPage]),
            ...(preview
              ? [
                  new HtmlWebpackPlugin({
                    filename: 'preview.html',
                    template: './src/dev/preview.html',
                    title: '年报校验 · 预览（内存中的 Excel）',
                    chunks: ['preview'],
                  }),
                  new HtmlWebpackPlugin({
                    filename: 'wps-preview.html',
                    template: './src/dev/preview.html',
                    title: '年报校验 · 预览（内存中的 WPS 表格）',
                    chunks: ['wps-preview'],
                  }),
                  // WPS makes an index.html in the add-in's folder that loads main.js: the preview's stand-in.
                  new HtmlWebpackPlugin({
                    filename: `${wpsDir}index.html`,
                    templateContent: '<!doctype html><meta charset="utf-8"><title>WPS 加载项</title>',
                    chunks: [`${wpsDir}main`],
                  }),
                ]
              : []),
            new CopyWebpackPlugin({
              patterns: [
                ...(wps ? [] : [{ from: 'assets/*.png', to: 'assets/[name][ext]' }]),
                ...(wps || preview ? wpsFiles(wpsDir, url, wps) : []),
                ...(preview
                  ? [{ from: 'test/fixtures/jingxiu-2019.values.json', to: 'example.json' }]
                  : wps
                    ? []
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
                ...(localOffice && !preview && !wps ? officeJsFiles : []),
              ],
            }),
          ]),
    ],
    devServer: {
      port: preview ? 3001 : wps ? 3889 : 3000,
      host: 'localhost',
      server: devServerProtocol(preview || wps),
      headers: { 'Access-Control-Allow-Origin': '*' },
      open: preview ? ['/preview.html'] : false,
      client: { overlay: { warnings: false } },
    },
  };
};
