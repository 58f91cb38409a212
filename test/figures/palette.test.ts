import { describe, expect, it } from 'vitest';
import { BACKGROUND_COLOR, SIGNAL_COLOR } from '../../src/figures/palette';
import { deltaE2000, deltaE76, hexToRgb, MACHADO_2009, rgbToLab, simulate, type Lab } from './colourVision';

/**
 * The signal and background colours must stay apart for readers with a colour-vision deficiency.
 * A CIEDE2000 difference of about 1 is just noticeable between two large patches side by side;
 * the figures' points are dots a few pixels across, scattered, and small marks need far larger
 * differences to be told apart (Szafir 2017, "Modeling Color Difference for Visualization
 * Design"). 20 asks for twenty just-noticeable differences: red against green fails it for a
 * deuteranope (5.0) while the Okabe-Ito pair clears it more than twice over for every type.
 */
const MIN_DELTA_E_2000 = 20;

const lab = (hex: string, deficiency?: keyof typeof MACHADO_2009): Lab => {
  const rgb = hexToRgb(hex);
  return rgbToLab(deficiency ? simulate(rgb, MACHADO_2009[deficiency]) : rgb);
};

describe('CIEDE2000', () => {
  // Pairs from the test data of Sharma, Wu and Dalal (2005), table 1.
  it.each([
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, 0, 0], [50, -1, 2], 2.3669],
    [[50, 2.5, 0], [73, 25, -18], 27.1492],
    [[50, 2.5, 0], [61, -5, 29], 22.8977],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
  ] as [Lab, Lab, number][])('%j to %j is %f', (a, b, expected) => {
    expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
    expect(deltaE2000(b, a)).toBeCloseTo(expected, 4);
  });

  it('puts white at L* 100 and leaves greys grey under every simulation', () => {
    expect(rgbToLab([255, 255, 255])[0]).toBeCloseTo(100, 3);
    for (const matrix of Object.values(MACHADO_2009)) {
      const [r, g, b] = simulate([128, 128, 128], matrix);
      expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(1);
    }
  });
});

describe('signal and background colours', () => {
  it.each(Object.keys(MACHADO_2009) as (keyof typeof MACHADO_2009)[])('stay apart under %s (Machado 2009, severity 1)', (deficiency) => {
    const difference = deltaE2000(lab(SIGNAL_COLOR, deficiency), lab(BACKGROUND_COLOR, deficiency));
    expect(difference).toBeGreaterThan(MIN_DELTA_E_2000);
    // CIE76 overstates differences between saturated colours; it must agree all the same.
    expect(deltaE76(lab(SIGNAL_COLOR, deficiency), lab(BACKGROUND_COLOR, deficiency))).toBeGreaterThan(MIN_DELTA_E_2000);
  });

  it('stay apart for typical colour vision', () => {
    expect(deltaE2000(lab(SIGNAL_COLOR), lab(BACKGROUND_COLOR))).toBeGreaterThan(MIN_DELTA_E_2000);
  });

  it('would catch a pair that deuteranopes confuse', () => {
    expect(deltaE2000(lab('#FF0000', 'deuteranopia'), lab('#00A000', 'deuteranopia'))).toBeLessThan(MIN_DELTA_E_2000);
  });
});
