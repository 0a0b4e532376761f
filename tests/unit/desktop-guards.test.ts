import { describe, expect, it } from 'vitest';
import {
  isAppUrl,
  isExternalLinkAllowed,
  isNavigationAllowed,
  isTrustedSender,
} from '../../electron/main/guards';
import { projectFromArgv } from '../../electron/main/project-arg';

describe('desktop guards', () => {
  it('recognises only the app origin', () => {
    expect(isAppUrl('app://gainsay/')).toBe(true);
    expect(isAppUrl('app://gainsay/index.html#/library')).toBe(true);
    expect(isAppUrl('app://other/')).toBe(false);
    expect(isAppUrl('https://gainsay/')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
  });

  it('answers IPC only from app frames and keeps navigation inside the app', () => {
    expect(isTrustedSender('app://gainsay/')).toBe(true);
    expect(isTrustedSender('https://example.com/')).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isNavigationAllowed('app://gainsay/index.html')).toBe(true);
    expect(isNavigationAllowed('https://example.com/')).toBe(false);
    expect(isNavigationAllowed('javascript:alert(1)')).toBe(false);
  });

  it('allows only http(s) external links', () => {
    expect(isExternalLinkAllowed('https://example.com/story')).toBe(true);
    expect(isExternalLinkAllowed('http://example.com/')).toBe(true);
    expect(isExternalLinkAllowed('file:///etc/passwd')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalLinkAllowed('smb://host/share')).toBe(false);
  });

  it('finds the project on a command line', () => {
    expect(projectFromArgv(['electron', '.', '--project', '/x/a.gainsay'])).toBe('/x/a.gainsay');
    expect(projectFromArgv(['electron', '.', '--project=/x/b.gainsay'])).toBe('/x/b.gainsay');
    expect(projectFromArgv(['Gainsay', '/docs/Mission.GAINSAY'])).toBe('/docs/Mission.GAINSAY');
    expect(projectFromArgv(['electron', '.'])).toBeUndefined();
  });
});
