// See: https://eslint.org/docs/latest/use/configure/configuration-files
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import prettier from 'eslint-config-prettier/flat'
import jest from 'eslint-plugin-jest'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig([
  globalIgnores(['coverage/', 'dist/', 'node_modules/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  {
    files: ['__tests__/**/*.ts'],
    extends: [jest.configs['flat/recommended']],
    rules: {
      // expectNoSuccess() and the like assert too.
      'jest/expect-expect': [
        'warn',
        { assertFunctionNames: ['expect', 'expectNo*'] }
      ]
    }
  },
  prettier
])
