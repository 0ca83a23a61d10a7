import jsQR from 'jsqr';
import type { Locator } from 'playwright-core';
import { PNG } from 'pngjs';

/**
 * Reads a QR code the way a phone camera does: from pixels. Screenshots the element and decodes
 * the PNG with jsQR (TESTING.md), so what is checked is what is drawn on screen, not the text
 * the component was given.
 */
export async function readQrCode(image: Locator): Promise<string> {
  const png = PNG.sync.read(await image.screenshot());
  const pixels = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  const found = jsQR(pixels, png.width, png.height);
  if (!found)
    throw new Error(`No QR code could be read from a ${png.width}×${png.height} screenshot`);
  return found.data;
}
