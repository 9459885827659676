const words = new Intl.Segmenter('th', { granularity: 'word' });
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * SARA AM drawn as NIKHAHIT + SARA AA, the nikhahit before any tone mark (as HarfBuzz does): the font
 * then stacks the tone mark above the nikhahit, and text copied out of the PDF reads as the same
 * letters (the compatibility decomposition of U+0E33) instead of gaining a stray SARA AA.
 */
export const forDrawing = (text: string): string => text.replace(/([\u0E48-\u0E4B]?)\u0E33/g, '\u0E4D$1\u0E32');

const OPENING = /[([{“‘"]$/;
const CLOSING = /^[)\]}”’",.;:!?%ๆฯ]/;

/** The units a line may break between: Thai words (Intl.Segmenter's dictionary) and spaces; kept names stay whole, brackets and stops cling to their word. */
function tokens(paragraph: string, keepTogether: readonly string[]): string[] {
  const out = [...words.segment(paragraph)].map((s) => s.segment);
  // A kept name the dictionary split into words is joined again, the longest name first.
  const names = [...keepTogether].sort((a, b) => b.length - a.length);
  const joined: string[] = [];
  for (let i = 0; i < out.length; i += 1) {
    let merged = false;
    for (const name of names) {
      if (!name.startsWith(out[i]) || out[i] === name) continue;
      let text = out[i];
      let j = i;
      while (text.length < name.length && j + 1 < out.length && name.startsWith(text + out[j + 1])) text += out[++j];
      if (text === name) {
        joined.push(text);
        i = j;
        merged = true;
        break;
      }
    }
    if (!merged) joined.push(out[i]);
  }
  const glued: string[] = [];
  for (const token of joined) {
    const last = glued.length - 1;
    if (
      last >= 0 &&
      ((CLOSING.test(token) && token.trim() !== '') ||
        (OPENING.test(glued[last]) && glued[last].trim() !== '' && token.trim() !== ''))
    )
      glued[last] += token;
    else glued.push(token);
  }
  return glued;
}

/**
 * Breaks text into lines no wider than `width`, between Thai words (Thai writes no spaces between
 * words) and at spaces; a word wider than a line is broken between grapheme clusters, never inside
 * one, so a tone mark stays on its consonant.
 */
export function breakLines(
  text: string,
  width: number,
  measure: (s: string) => number,
  keepTogether: readonly string[] = [],
): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineWidth = 0;
    const push = () => {
      out.push(line.trimEnd());
      line = '';
      lineWidth = 0;
    };
    for (const token of tokens(paragraph, keepTogether)) {
      const w = measure(token);
      if (lineWidth + w <= width) {
        line += token;
        lineWidth += w;
        continue;
      }
      if (token.trim() === '') {
        if (line !== '') push();
        continue;
      }
      if (line !== '') push();
      if (w <= width) {
        line = token;
        lineWidth = w;
        continue;
      }
      for (const { segment: g } of graphemes.segment(token)) {
        const gw = measure(g);
        if (lineWidth + gw > width && line !== '') push();
        line += g;
        lineWidth += gw;
      }
    }
    if (line !== '' || out.length === 0) push();
  }
  return out;
}
