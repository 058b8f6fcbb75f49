import { SitrepError } from '@sitrep/vocabulary';
import { describe, expect, it } from 'vitest';
import { parseFeedText } from './parse-feed';

// Small feeds of our own, one per format, each with what its format does differently.
const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://harbour.example.org/"><title>Harbour Watch</title><link>https://harbour.example.org/</link><description>News</description></channel>
  <item rdf:about="https://harbour.example.org/ships"><title>Ships leave</title><link>https://harbour.example.org/ships</link><dc:date>2025-02-03T23:30:00+03:00</dc:date><dc:creator>Ana Example</dc:creator></item>
</rdf:RDF>`;

const ATOM = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title type="text">Quay Review</title><id>urn:q</id><updated>2025-02-06T00:00:00Z</updated>
  <entry><id>urn:1</id><title>Cranes</title><link rel="enclosure" href="/cranes.mp3"/><link href="/cranes"/><updated>2025-02-04T08:00:00Z</updated>
    <content type="text">The cranes stopped &lt;on Monday&gt;.

The port said so.</content></entry>
  <entry><id>urn:2</id><title>Elsewhere</title><updated>2025-02-05T08:00:00Z</updated><content src="https://harbour.example.org/x" type="text/html"/></entry>
</feed>`;

describe('parseFeedText', () => {
  it('reads RDF items with their Dublin Core date (the day as written) and creator', () => {
    expect(parseFeedText(RDF, null)).toEqual({
      format: 'rdf',
      title: 'Harbour Watch',
      items: [
        {
          link: 'https://harbour.example.org/ships',
          title: 'Ships leave',
          date: '2025-02-03',
          author: 'Ana Example',
          content: null,
        },
      ],
    });
  });

  it('takes an Atom entry’s alternate link, resolved against the feed’s URL, its plain text as paragraphs, and no content kept elsewhere', () => {
    const feed = parseFeedText(ATOM, 'https://quay.example.org/feeds/atom.xml');
    expect(feed.title).toBe('Quay Review');
    expect(feed.items[0]).toMatchObject({
      link: 'https://quay.example.org/cranes',
      date: '2025-02-04',
      content: '<p>The cranes stopped &lt;on Monday>.</p>\n<p>The port said so.</p>',
    });
    expect(feed.items[1]).toMatchObject({ link: null, content: null });
  });

  it('reads a JSON Feed’s content_text as paragraphs and its external_url when it has no url', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Gulf Wire',
      items: [{ id: '1', external_url: 'https://gulf.example.org/a', content_text: 'One.\n\nTwo.' }],
    });
    expect(parseFeedText(json, null).items).toEqual([
      {
        link: 'https://gulf.example.org/a',
        title: null,
        date: null,
        author: null,
        content: '<p>One.</p>\n<p>Two.</p>',
      },
    ]);
  });

  it('refuses what is no feed, saying what it is', () => {
    expect(() => parseFeedText('', null)).toThrow(SitrepError);
    expect(() => parseFeedText('\uFEFF<!doctype html><p>Hi</p>', null)).toThrow(/^not a feed: it is an HTML page/);
    expect(() => parseFeedText('<?xml version="1.0"?><!-- a note --><catalog/>', null)).toThrow(
      'not a feed: its root element is <catalog>, not <rss>, <feed> or <rdf:RDF>',
    );
  });
});
