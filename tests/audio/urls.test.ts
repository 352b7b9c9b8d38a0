import { describe, expect, it } from 'vitest';
import { soundUrls } from '../../src/audio/urls.ts';

describe('sound urls', () => {
  it('resolves clips, loops and tones under the base url, with or without its last slash', () => {
    for (const base of ['/drill/', '/drill']) {
      const urls = soundUrls(base);
      expect(urls.line('00ff00ff00ff00ff')).toBe('/drill/audio/lines/00ff00ff00ff00ff.ogg');
      expect(urls.noise('dog')).toBe('/drill/audio/noise/dog.ogg');
      expect(urls.tone('alert')).toBe('/drill/audio/ui/alert.ogg');
    }
    expect(soundUrls('/').line('abc')).toBe('/audio/lines/abc.ogg');
  });
});
