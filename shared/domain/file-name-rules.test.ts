import { describe, expect, it } from 'vitest';
import { fileNameProblem } from './file-name-rules';

describe('fileNameProblem', () => {
  it('accepts ordinary names in any script', () => {
    expect(fileNameProblem('Report 2012 (final).pdf')).toBeNull();
    expect(fileNameProblem('Rapport — Côte d’Ivoire.docx')).toBeNull();
    expect(fileNameProblem('تقرير.pdf')).toBeNull();
  });

  it('refuses folders, traversal, controls and direction overrides', () => {
    expect(fileNameProblem('../secret.pdf')).toBe('folder');
    expect(fileNameProblem('a\\b.pdf')).toBe('folder');
    expect(fileNameProblem('line\nbreak.pdf')).toBe('control');
    expect(fileNameProblem('report\u202Efdp.exe')).toBe('bidi');
    expect(fileNameProblem('..')).toBe('dots');
    expect(fileNameProblem('   ')).toBe('empty');
    expect(fileNameProblem(`${'a'.repeat(252)}.pdf`)).toBe('too-long');
  });
});
