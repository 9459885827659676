import { breakLines, forDrawing } from './thai-text';

/** One unit a character: enough to test where lines break. */
const measure = (s: string) => [...s].length;

describe('Thai line breaking', () => {
  it('breaks between Thai words, never inside one, and keeps every character', () => {
    const text = 'ประชารัฐร่วมใจขจัดภัยค้ามนุษย์ในเด็กสตรีและครอบครัว';
    const lines = breakLines(text, 12, measure);
    expect(lines.join('')).toBe(text);
    expect(lines.length).toBeGreaterThan(2);
    const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(text)].map((s) => s.segment);
    const boundaries = new Set<number>();
    words.reduce((at, w) => (boundaries.add(at + w.length), at + w.length), 0);
    let at = 0;
    for (const line of lines.slice(0, -1)) {
      at += line.length;
      expect(boundaries.has(at)).toBe(true);
    }
  });

  it('keeps a district name whole and a bracket with its word', () => {
    const lines = breakLines('พื้นที่ อำเภอคลองหาด อำเภอโคกสูง (คน)', 14, measure, ['อำเภอโคกสูง', 'อำเภอคลองหาด']);
    expect(lines).toContain('อำเภอโคกสูง');
    expect(lines.some((l) => l.endsWith('('))).toBe(false);
  });

  it('breaks a word wider than the line between grapheme clusters, so tone marks stay on their consonant', () => {
    const lines = breakLines('ผู้ที่ได้รับผลกระทบ', 3, measure);
    for (const line of lines) expect(line).not.toMatch(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/);
  });

  it('draws SARA AM as NIKHAHIT and SARA AA, the nikhahit before the tone mark', () => {
    expect(forDrawing('น้ำ')).toBe('น\u0E4D\u0E49\u0E32');
    expect(forDrawing('ประจำปี')).toBe('ประจ\u0E4D\u0E32ปี');
  });
});
