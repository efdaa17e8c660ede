import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The layers, lowest first. A folder imports only from folders below it, and the front ends reach
// the core (report, checks, readers) only through its front door, src/core.ts.
const CORE = ['report', 'checks', 'readers'];
const HOSTS = ['excel', 'wps', 'web'];
const FRONT = ['host', ...HOSTS, 'taskpane', 'commands', 'cli', 'apps', 'dev'];

const folder = (name) => [`**/${name}/*`, `**/${name}/**`, `../${name}`, `./${name}`];

/** no-restricted-imports for the files of `dir`: none of `folders`, and the core only through core.ts. */
function layer(dir, { folders, deepCore = true, packages = [] }) {
  const patterns = [
    ...folders.map((f) => ({
      group: folder(f),
      message: `src/${dir}/ may not import src/${f}/: arrows point down only (see the README's architecture).`,
    })),
    ...(deepCore
      ? [
          {
            group: CORE.flatMap(folder),
            message: 'Front ends use the core through its front door: import from src/core.ts.',
          },
        ]
      : []),
    ...packages.map((p) => ({ group: [p, `${p}/*`], message: `src/${dir}/ does not use ${p}.` })),
  ];
  return {
    files: [`src/${dir}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
}

const NO_IO = ['react', 'react-dom', '@fluentui', 'exceljs', 'node:*'];

export const LAYERS = [
  layer('report', { folders: ['checks', 'readers', ...FRONT], deepCore: false, packages: NO_IO }),
  layer('checks', { folders: ['readers', ...FRONT], deepCore: false, packages: NO_IO }),
  layer('readers', { folders: ['checks', ...FRONT], deepCore: false, packages: NO_IO }),
  layer('host', { folders: FRONT.filter((f) => f !== 'host') }),
  ...HOSTS.map((h) =>
    layer(h, { folders: FRONT.filter((f) => f !== h && f !== 'host'), packages: ['node:*'] }),
  ),
  layer('taskpane', { folders: [...HOSTS, 'commands', 'cli', 'apps', 'dev'], packages: ['node:*'] }),
  layer('commands', { folders: [...HOSTS, 'cli', 'apps', 'dev'], packages: ['node:*'] }),
  layer('cli', { folders: [...HOSTS, 'host', 'taskpane', 'commands', 'apps', 'dev'], packages: ['react'] }),
];

/** Office.js globals belong to the Excel host and the entry files. */
const HOST_GLOBALS = {
  files: ['src/**/*.{ts,tsx}'],
  ignores: ['src/excel/**', 'src/apps/**', 'src/dev/**'],
  rules: {
    'no-restricted-globals': [
      'error',
      { name: 'Office', message: 'Only src/excel/ (and entry files) use Office.js.' },
      { name: 'Excel', message: 'Only src/excel/ (and entry files) use Office.js.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  ...LAYERS,
  HOST_GLOBALS,
  {
    files: ['webpack.config.js'],
    languageOptions: { globals: { URL: 'readonly' } },
  },
  {
    files: ['src/**/*.js'],
    languageOptions: { globals: { window: 'readonly', document: 'readonly', navigator: 'readonly' } },
  },
  {
    files: ['scripts/**/*.js', 'scripts/**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', TextDecoder: 'readonly' },
    },
  },
  {
    files: ['bin/**/*.cjs', 'scripts/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
