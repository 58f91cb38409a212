import { describe } from 'vitest';
import { accessibilityChecks } from './accessibilityChecks';
import { pageChecks } from './pageChecks';
import { describeBrowser, useSite } from './setup';

/**
 * The built site in headless Chromium. One file, so that one worker runs it with one browser:
 * on a small machine, two workers each driving Chromium only slow each other down.
 */
describeBrowser('browser', () => {
  const site = useSite();
  describe('pages', () => pageChecks(site));
  describe('accessibility', () => accessibilityChecks(site));
});
