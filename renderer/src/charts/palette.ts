/**
 * The one pool palette (docs/grid.md «Diagrammer»): a pool's colour and pattern by its index in pool
 * order, used by every chart and by the grid's pool headings, so a pool looks the same everywhere.
 * The colours are the Okabe–Ito set (told apart with red–green colour blindness) led by the app's
 * accent; each pool also has its own pattern, so a chart printed in black and white still tells
 * the pools apart.
 */
import type { AgPatternColor, AgPatternName } from 'ag-charts-community';

const POOL_COLOURS = ['#1f6f5c', '#e69f00', '#56b4e9', '#cc79a7', '#0072b2', '#d55e00', '#009e73', '#f0e442'];
/** Solid first; the others' lines and dots differ in direction and shape. */
const POOL_PATTERNS: (AgPatternName | null)[] = [
  null,
  'forward-slanted-lines',
  'circles',
  'backward-slanted-lines',
  'horizontal-lines',
  'crosses',
  'vertical-lines',
  'squares',
];

/** The pool's colour (the grid's heading swatch, a chart's segment and legend). */
export function poolColour(index: number): string {
  return POOL_COLOURS[index % POOL_COLOURS.length]!;
}

/** The pool's chart fill: its colour, with its pattern drawn in white over it. */
export function poolFill(index: number): string | AgPatternColor {
  const pattern = POOL_PATTERNS[index % POOL_PATTERNS.length];
  if (!pattern) return poolColour(index);
  return {
    type: 'pattern',
    pattern,
    backgroundFill: poolColour(index),
    fill: '#ffffff',
    stroke: '#ffffff',
    strokeWidth: 1.5,
    width: 10,
    height: 10,
  };
}

/** The lights as the status report colours them; «Ikke vurderet» grey. */
export const LIGHT_COLOURS: Record<string, string> = {
  grøn: '#2e7d32',
  gul: '#f2c200',
  rød: '#c62828',
  '-': '#9aa5b1',
};

export const ACCENT = POOL_COLOURS[0]!;
