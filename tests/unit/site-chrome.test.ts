import { describe, expect, it } from 'vitest';
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
