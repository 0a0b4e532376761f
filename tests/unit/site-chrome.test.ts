import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { stripSiteChrome } from '../../shared/text/site-chrome';

describe('stripSiteChrome', () => {
  it('takes a newsletter pitch and a navigation row above the headline off the text, as it does below the body', () => {
    const page = [
      'Subscribe to our newsletter',
      'Home | World | Politics | Opinion',
      'Ministry denies shelling near the depot',
      '',
      'The Defence Ministry denied on Tuesday that its units had fired on the depot.',
      'Sign up for our morning newsletter',
    ].join('\n');
    expect(stripSiteChrome(page)).toBe(['Ministry denies shelling near the depot', '', 'The Defence Ministry denied on Tuesday that its units had fired on the depot.'].join('\n'));
  });

  it('keeps a body line that only mentions a newsletter', () => {
    const text = 'Ministry denies shelling\n\nThe ministry said its newsletter would carry the full statement.';
    expect(stripSiteChrome(text)).toBe(text);
  });
});

describe('cookie banners and photo credits', () => {
  const body = [
    'Harbour minister rejects monitors at river crossing',
    'LISTRA, April 2 (Danube Courier) — Harbour Minister Petra Sollen said on Wednesday that “no monitors will be posted”.',
    'A spokesman for the port authority said the crossing would reopen on Friday.',
  ];

  it('takes a cookie banner off the top or the bottom of the text', () => {
    const page = ['We use cookies to improve your experience.', 'Accept all cookies', ...body, 'This website uses cookies to give you the best experience.', 'Manage cookies'];
    expect(stripSiteChrome(page.join('\n'))).toBe(body.join('\n'));
  });

  it('takes a photo credit off wherever it stands, alone or closing a caption', () => {
    for (const credit of ['Photo: Courier Wire/Ana Ruiz', 'The minister at the crossing on Tuesday. Photo: Courier Wire/Ana Ruiz', '(Photo by Ana Ruiz/Courier Wire)', 'Image credit: Port Authority', 'Photograph: Ivan Petrov via AFP', '(Photo: Reuters)']) {
      expect(stripSiteChrome([body[0], credit, body[1], body[2]].join('\n'))).toBe(body.join('\n'));
    }
  });

  it('keeps body lines that only speak of photos, a caption of sentences, and a headline that opens with "Photos:"', () => {
    const lines = [
      'Photos: crowds gather at the Listra crossing as it reopens',
      ...body,
      'The ministry released a photo: it shows the crossing closed.',
      'Photo: Harbour Minister Petra Sollen at a briefing on Monday. (Danube Courier)',
      'Photos of the crossing were published by the ministry on Monday.',
      'He said: “Photo: nobody took one”',
    ];
    expect(stripSiteChrome(lines.join('\n'))).toBe(lines.join('\n'));
  });

  it('never cuts the headline, the dateline or the body, whatever chrome stands around them', () => {
    const head = fc.constantFrom('Skip to content', 'Menu', 'Home | World | Politics', 'Contact Us', 'We use cookies to improve your experience.', 'Accept all cookies', 'Subscribe to our newsletters', 'Photo: Courier Wire/Ana Ruiz', '[ad_1]', '');
    const tail = fc.constantFrom('Share this article:', '© 2026 Danube Courier. All rights reserved.', 'Accept all cookies', 'We use cookies to improve your experience.', 'Related stories', 'Contact Us', 'Photo: Courier Wire/Ana Ruiz', '');
    const word = fc.constantFrom('the', 'minister', 'said', 'photo', 'cookies', 'home', 'Photo:', 'credit', 'share', 'contact', 'Sollen', '“no monitors”', 'Tass', '—');
    const sentence = fc.array(word, { minLength: 2, maxLength: 12 }).map((words) => `${words.join(' ')}.`);
    const dateline = fc.constantFrom('LISTRA, April 2 (Danube Courier) — The minister spoke.', 'VIENNA — The talks ended.', 'MOSCOW, November 10. /TASS/. The ministry said so.', 'By Tomas Verin');
    fc.assert(
      fc.property(fc.array(head, { maxLength: 6 }), dateline, fc.array(sentence, { maxLength: 5 }), fc.array(tail, { maxLength: 6 }), (before, first, rest, after) => {
        const article = [body[0]!, first, ...rest];
        expect(stripSiteChrome([...before, ...article, ...after].join('\n'))).toBe(article.join('\n'));
      }),
    );
  });
});
