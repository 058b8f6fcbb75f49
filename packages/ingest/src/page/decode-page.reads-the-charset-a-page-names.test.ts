import { SitrepError } from '@sitrep/vocabulary';
import { describe, expect, it } from 'vitest';
import { decodePage } from './decode-page';

// "Señor Peña said…" in Windows-1252: ñ is one byte, 0xF1, which is not UTF-8.
const LATIN = (meta: string) =>
  Buffer.concat([
    Buffer.from(`<html><head>${meta}</head><body><p>Se`),
    Buffer.from([0xf1]),
    Buffer.from('or said.</p>'),
  ]);

describe('decodePage', () => {
  it('reads the charset of <meta charset> and of the http-equiv form', () => {
    expect(decodePage(LATIN('<meta charset="windows-1252">'))).toContain('Señor said.');
    expect(decodePage(LATIN('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'))).toContain(
      'Señor said.',
    );
  });

  it('reads the encoding of an XML declaration, as feeds name theirs', () => {
    const feed = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Se'),
      Buffer.from([0xf1]),
      Buffer.from('or</title></channel></rss>'),
    ]);
    expect(decodePage(feed)).toContain('<title>Señor</title>');
  });

  it('lets the HTTP answer’s charset win over the page’s', () => {
    const bytes = Buffer.from('<meta charset="windows-1252"><p>Señor said.</p>', 'utf8');
    expect(decodePage(bytes, 'text/html; charset=utf-8')).toContain('Señor said.');
  });

  it('refuses bytes that are not UTF-8 where nothing names another charset, and a charset it does not know', () => {
    expect(() => decodePage(LATIN(''), null, 'a.html')).toThrow(/^a\.html: not valid UTF-8 text \(byte \d+ is 0xF1\)/);
    expect(() => decodePage(LATIN('<meta charset="x-martian">'), null, 'a.html')).toThrow(SitrepError);
    expect(() => decodePage(LATIN('<meta charset="x-martian">'), null, 'a.html')).toThrow(
      /“x-martian” is not one we can read/,
    );
  });
});
