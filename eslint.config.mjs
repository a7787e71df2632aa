// @ts-check
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

// House rules on dependencies (they point inwards: domain <- application <- adapters and HTTP).
const NO_APP_IMPORTS = {
  regex: '(^|/)apps/',
  message: 'A lib never imports an app: move what both need into a lib.',
};
const DOMAIN_MESSAGE =
  'The domain (libs/treaty) imports nothing outside itself: no framework, no I/O, no other lib. Pass what it needs in.';
/**
 * The domain's rule for files `depth` folders below libs/treaty/src: any package (bare import) is outside, and so is
 * a relative path that climbs out of src. Flat config cannot express "outside this folder" in one pattern, so each
 * depth gets its own.
 */
const domainOnly = (depth) => ({
  files: [`libs/treaty/src/${'*/'.repeat(depth)}*.ts`],
  ignores: ['**/*.spec.ts', 'libs/treaty/src/testing/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { regex: '^[^.]', message: DOMAIN_MESSAGE },
          { regex: `^(\\.\\./){${depth + 1}}`, message: DOMAIN_MESSAGE },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'artifacts/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Adapters implement a Promise-returning port with synchronous drivers: an async method without await is fine.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // NestJS injects by constructor parameter types: those imports must stay value imports.
    files: ['apps/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // supertest's response bodies are `any`: the assertions on them are the type checks that matter.
    files: ['test/**/*.ts', '**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_APP_IMPORTS] }] },
  },
  ...[0, 1, 2, 3].map(domainOnly),
  {
    // The extraction reads text it is given: no framework, no files, no network (nothing leaves the machine).
    files: ['libs/extraction/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_APP_IMPORTS,
            {
              regex: '^(node:|@nestjs/|fs$|path$|http$|https$|net$|child_process$)',
              message: 'The extraction (libs/extraction) is pure: no framework, no I/O. Pass what it needs in.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // CommonJS run by the official client's jest 27 (scripts/run-client-stream-tests.sh), outside this project.
    files: ['**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { process: 'readonly', require: 'readonly', module: 'writable' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
