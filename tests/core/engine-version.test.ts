import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../src/core/engine-version.ts';
import { readRepoText } from '../helpers.ts';

describe('ENGINE_VERSION', () => {
  it("is package.json's version, so a release cannot record the wrong engine in its attempts", () => {
    const manifest = JSON.parse(readRepoText('package.json')) as { version: unknown };
    expect(ENGINE_VERSION).toBe(manifest.version);
  });

  it('is a plain major.minor.patch version', () => {
    expect(ENGINE_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
