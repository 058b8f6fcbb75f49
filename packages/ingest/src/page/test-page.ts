/**
 * Web pages for tests, written by us: an article's paragraphs inside the furniture real news pages
 * carry (menus, a cookie banner, a figure caption, "read more" links, a newsletter box, a footer,
 * scripts and styles). Every piece of furniture says one of FURNITURE_WORDS, which the article
 * never does, so a test can tell that none of it was kept.
 */
export const FURNITURE_WORDS = ['Menuvale', 'Cookiebrand', 'Captionfield', 'Readmorrow', 'Footerholm', 'Scriptwick'];

export interface NewsPageOptions {
  headline: string;
  paragraphs: readonly string[];
  /** The schema.org JSON-LD object (or raw text, to break it); none when omitted. */
  jsonLd?: object | string | null;
  /** `<meta property=… content=…>` tags. */
  meta?: Record<string, string>;
  /** The `<title>`; the headline and the site's name when omitted. */
  title?: string;
  canonical?: string;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function newsPage(options: NewsPageOptions): string {
  const { headline, paragraphs } = options;
  const jsonLd =
    options.jsonLd == null
      ? ''
      : `<script type="application/ld+json">${typeof options.jsonLd === 'string' ? options.jsonLd : JSON.stringify(options.jsonLd)}</script>`;
  const meta = Object.entries(options.meta ?? {})
    .map(([property, content]) => `<meta property="${escape(property)}" content="${escape(content)}">`)
    .join('\n    ');
  const body = paragraphs.map((paragraph, i) => {
    const p = `<p>${escape(paragraph)}</p>`;
    // Furniture between paragraphs, where pages put it.
    if (i === 0) {
      return `${p}\n      <figure><img src="/img/quay.jpg" alt=""><figcaption>Ships at the quay in Captionfield. Photo: Captionfield Agency</figcaption></figure>`;
    }
    if (i === 1) {
      return `${p}\n      <aside class="related-stories"><h3>Read more</h3><ul><li><a href="/a">Readmorrow: what the harbour means</a></li></ul></aside>\n      <p><a href="/b">Read more: Readmorrow explains the quay</a></p>`;
    }
    if (i === 2) {
      return `${p}\n      <div class="newsletter-signup"><p>Get the Footerholm briefing in your inbox every morning.</p><form><input type="email"><button>Sign up</button></form></div>`;
    }
    return p;
  });
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${escape(options.title ?? `${headline} | Harbour Watch`)}</title>
    ${meta}
    ${options.canonical ? `<link rel="canonical" href="${escape(options.canonical)}">` : ''}
    ${jsonLd}
    <style>.Scriptwick { color: #333 } body { font-family: serif }</style>
    <script>window.dataLayer = [{ page: 'Scriptwick' }];</script>
  </head>
  <body>
    <div id="cookie-consent" class="cookie-banner"><p>Cookiebrand uses cookies to give you the best experience. By continuing you accept our use of cookies.</p><button>Accept all</button><button>Manage</button></div>
    <header class="site-header"><a href="/">Harbour Watch</a>
      <nav><ul><li><a href="/world">Menuvale World</a></li><li><a href="/ships">Menuvale Ships</a></li><li><a href="/ports">Menuvale Ports</a></li><li><a href="/opinion">Menuvale Opinion</a></li></ul></nav>
    </header>
    <main>
      <article>
        <h1>${escape(headline)}</h1>
        <p class="byline">By Ana Example</p>
        ${body.join('\n      ')}
      </article>
    </main>
    <footer><p>© Footerholm Media. All rights reserved.</p><ul><li><a href="/about">About Footerholm</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
    <script src="/js/app.js"></script>
    <script>document.querySelector('.Scriptwick');</script>
  </body>
</html>
`;
}
