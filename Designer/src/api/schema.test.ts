// @vitest-environment node
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generateSchemaTypes, OUTPUT } from '../../scripts/api-types.mjs';

describe('generated API types', () => {
  it('schema.d.ts is what openapi-typescript makes of the committed openapi.json (run `npm run api:generate`)', async () => {
    const committed = await readFile(OUTPUT, 'utf8');
    expect(committed).toBe(await generateSchemaTypes());
  }, 30_000);
});
