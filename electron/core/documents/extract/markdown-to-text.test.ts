import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown-to-text';

describe('markdownToText', () => {
  it('keeps the words of headings, lists, quotes and task lists without their markers', () => {
    const markdown = ['# Title #', '## Sub', '> quoted **text**', '- item one', '* item two', '3. third', '- [x] done task'];
    expect(markdownToText(markdown.join('\n')).split('\n')).toEqual([
      'Title',
      'Sub',
      'quoted text',
      'item one',
      'item two',
      'third',
      'done task',
    ]);
  });

  it('keeps link texts and image descriptions, drops targets, reference definitions and footnote marks', () => {
    const markdown = [
      'See [the plan](https://example.org/plan "Plan") and ![a map of the region](map.png).',
      'Also [the report][r1] and <https://example.org/direct>.[^1]',
      '[r1]: https://example.org/report',
    ].join('\n');
    expect(markdownToText(markdown)).toBe(
      'See the plan and a map of the region.\nAlso the report and https://example.org/direct.\n',
    );
  });

  it('drops emphasis, strike-through and inline code marks, but keeps snake_case words', () => {
    expect(markdownToText('**bold** *it* _under_ ~~gone~~ `code_name` and focal_point_id')).toBe(
      'bold it under gone code_name and focal_point_id',
    );
  });

  it('keeps escaped characters literally', () => {
    expect(markdownToText('2 \\* 3 \\[not a link\\](x) \\_kept\\_')).toBe('2 * 3 [not a link](x) _kept_');
  });

  it('keeps code blocks verbatim and removes their fences', () => {
    expect(markdownToText('Run:\n```bash\nnpm run **build**\n```\nDone')).toBe('Run:\n\nnpm run **build**\n\nDone');
    expect(markdownToText('~~~\n# not a heading\n~~~')).toBe('\n# not a heading\n');
  });

  it('turns tables into their cell words and drops rules, HTML tags and comments', () => {
    const markdown = ['| Country | Focal point |', '| --- | :---: |', '| Ghana | Ama |', '', '***', '<b>bold</b><!-- hidden -->', 'Title', '====='];
    expect(markdownToText(markdown.join('\n')).split('\n').map((line) => line.replace(/\s+/g, ' ').trim())).toEqual([
      'Country Focal point',
      '',
      'Ghana Ama',
      '',
      '',
      'bold',
      'Title',
      '',
    ]);
  });

  it('decodes HTML entities', () => {
    expect(markdownToText('Fish &amp; chips &lt;3 &#233;t&#xE9; &nbsp;&unknown;')).toBe('Fish & chips <3 été  &unknown;');
  });
});
