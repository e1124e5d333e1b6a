// @ts-check
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Module boundaries: every folder of src/ (and of src/platform/ and src/media/) is a module, and
 * code outside a module may import it only through its public entry, index.ts.
 */
const folders = (dir) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${dir}/${entry.name}`);
const grouped = ['src/platform', 'src/media'];
const modules = [...folders('src').filter((m) => !grouped.includes(m)), ...grouped.flatMap(folders)];

const internalsOf = (module) => {
  const name = module.replace(/^src\//, '');
  return { group: [`**/${name}/*`, `!**/${name}/index.js`], message: `Import ${name} through its index.js only.` };
};
const restrictedOutside = (own) => ({
  'no-restricted-imports': ['error', { patterns: modules.filter((m) => m !== own).map(internalsOf) }],
});

/** The web front end may not import the server's code. */
const webOutsideApi = { regex: '^(\\.\\./)+(src|test|bin)/', message: 'The web front end talks to the server through its HTTP API only.' };
/** The public pages load the public catalogue only (web/src/i18n/en-public.ts): their code says nothing else. */
const publicStringsOnly = [
  {
    group: ['**/i18n/index.js'],
    importNames: ['useI18n', 'MessageKey'],
    message: 'The public pages load only the public catalogue: use usePublicI18n and PublicKey.',
  },
  {
    regex: '/i18n/(?!index\\.js$|public-catalogues\\.js$)',
    message: 'The public pages load only the public catalogue: import web/src/i18n through its index.js.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'scratch/', 'web/dist/', 'web/.dist-*/', 'bench/out/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  { files: ['src/**/*-page/*.js'], languageOptions: { globals: globals.browser } },
  // The web front end (web/src): browser code, React's rules of hooks, every text from the catalogues.
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': ['error', { patterns: [webOutsideApi] }],
      'no-restricted-syntax': [
        'error',
        { selector: 'JSXText[value=/[A-Za-zÀ-ÿ]/]', message: 'Put user-facing text in the catalogues (web/src/i18n) and use t().' },
        {
          selector: 'JSXAttribute[name.name=/^(aria-label|title|alt|placeholder)$/] > Literal',
          message: 'Put user-facing text in the catalogues (web/src/i18n) and use t().',
        },
      ],
    },
  },
  {
    files: ['web/src/{portal,report,shared,neutral}/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [webOutsideApi, ...publicStringsOnly] }] },
  },
  { files: ['**/*.test.ts', 'test/**'], rules: { 'max-lines': 'off', '@typescript-eslint/no-explicit-any': 'off' } },
  // (Not the web front end's .ts files: their own rule above forbids the server's code altogether.)
  { files: ['**/*.ts'], ignores: ['web/**'], rules: restrictedOutside(undefined) },
  ...modules.map((module) => ({ files: [`${module}/**/*.ts`], rules: restrictedOutside(module) })),
);
