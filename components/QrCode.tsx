import { useMemo } from 'preact/hooks';
import { encode } from 'uqr';

interface Props {
  readonly text: string;
  readonly label: string;
  /** Rendered size in CSS pixels. */
  readonly size?: number;
}

/**
 * A QR code drawn as one SVG path from uqr's matrix (no HTML strings). Dark on white with the
 * standard four-module quiet zone, so phone cameras read it from a projected side panel.
 */
export function QrCode({ text, label, size = 168 }: Props) {
  const { path, modules } = useMemo(() => {
    const { data } = encode(text, { ecc: 'M', border: 4 });
    let d = '';
    data.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) d += `M${x} ${y}h1v1h-1z`;
      });
    });
    return { path: d, modules: data.length };
  }, [text]);
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
