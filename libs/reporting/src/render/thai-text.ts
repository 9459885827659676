const words = new Intl.Segmenter('th', { granularity: 'word' });
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * SARA AM drawn as NIKHAHIT + SARA AA, the nikhahit before any tone mark (as HarfBuzz does): the font
 * then stacks the tone mark above the nikhahit, and text copied out of the PDF reads as the same
 * letters (the compatibility decomposition of U+0E33) instead of gaining a stray SARA AA.
 */
export const forDrawing = (text: string): string => text.replace(/([\u0E48-\u0E4B]?)\u0E33/g, '\u0E4D$1\u0E32');

/**
 * Breaks text into lines no wider than `width`, between Thai words (Thai writes no spaces between
 * words; Intl.Segmenter's dictionary finds them) and at spaces; a word wider than a line is broken
 * between grapheme clusters, never inside one, so a tone mark stays on its consonant.
 */
export function breakLines(text: string, width: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    const push = () => {
      out.push(line.trimEnd());
      line = '';
      lineWidth = 0;
    };
    for (const { segment } of words.segment(paragraph)) {
      const w = measure(segment);
      if (lineWidth + w <= width || line === '') {
        if (w > width && line === '') {
          for (const { segment: g } of graphemes.segment(segment)) {
            const gw = measure(g);
            if (lineWidth + gw > width && line !== '') push();
            line += g;
            lineWidth += gw;
          }
          continue;
        }
        line += segment;
        lineWidth += w;
        continue;
      }
      push();
      if (segment.trim() === '') continue;
      line = segment;
      lineWidth = w;
    }
    if (line !== '' || out.length === 0) push();
  }
  return out;
}
