// ESLint flat config: typescript-eslint recommended rules plus the layering rule for libs/domain.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'scripts/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm', 'pg', 'kafkajs', '@kurrent/*', 'express', 'node:*'], message: 'libs/domain is pure: no framework, infrastructure or I/O.' },
            { group: ['@rectify/*'], message: 'libs/domain depends on no other lib.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Time comes in as data (CommandContext.now).' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time comes in as data (CommandContext.now).' },
        { selector: "CallExpression[callee.name='randomUUID']", message: 'Ids come in as data.' },
      ],
    },
  },
);
