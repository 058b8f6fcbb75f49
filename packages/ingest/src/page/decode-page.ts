import { SitrepError, decodeUtf8 } from '@sitrep/vocabulary';

/** `<meta charset="…">` or `<meta http-equiv="Content-Type" content="text/html; charset=…">`. */
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
/** `<?xml version="1.0" encoding="…"?>`, which opens a feed (or an XHTML page), after any UTF-8 BOM (read as Latin-1). */
const XML_ENCODING = /^(?:\u00ef\u00bb\u00bf)?\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w.:-]+)/i;

/**
 * A page's bytes as text, in the charset its HTTP answer names, else its XML declaration's
 * encoding, else its `<meta charset>` (looked for in the first 4 KB, as browsers do), else UTF-8. UTF-8 is decoded strictly (bytes that are not
 * UTF-8 are refused, as for any file); a charset Node does not know is refused by name.
 */
export function decodePage(bytes: Uint8Array, contentType: string | null = null, name?: string): string {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const label = (
    charsetOf(contentType) ??
    XML_ENCODING.exec(head)?.[1] ??
    META_CHARSET.exec(head)?.[1] ??
    'utf-8'
  ).toLowerCase();
  if (label === 'utf-8' || label === 'utf8') return decodeUtf8(bytes, name);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${name ? `${name}: ` : ''}the page's charset “${label}” is not one we can read.`,
    );
  }
}

function charsetOf(contentType: string | null): string | null {
  return contentType ? (/charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ?? null) : null;
}
