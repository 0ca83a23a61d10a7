import { useMemo } from 'preact/hooks';
import { encode } from 'uqr';

interface Props {
  /** What the code encodes: the invite link, so a phone camera opens the page directly. */
  readonly text: string;
  readonly label: string;
  /** Rendered size in CSS pixels. */
  readonly size?: number;
}

/**
 * uqr's matrix for `text` as one SVG path, a unit square per dark module. Exported so a test
 * can check that what is drawn is exactly the encoding of the link.
 */
export function qrPath(text: string): { readonly path: string; readonly modules: number } {
  const { data } = encode(text, { ecc: 'M', border: 4 });
  let path = '';
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) path += `M${x} ${y}h1v1h-1z`;
    });
  });
  return { path, modules: data.length };
}

/**
 * A QR code drawn as one SVG path from uqr's matrix (no HTML strings). Dark on white with the
 * standard four-module quiet zone, so phone cameras read it from a projected side panel.
 */
export function QrCode({ text, label, size = 168 }: Props) {
  const { path, modules } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${modules} ${modules}`}
      width={size}
      height={size}
      shape-rendering="crispEdges"
    >
      <rect width={modules} height={modules} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
