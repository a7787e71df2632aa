import { describe, expect, it } from '@jest/globals';
import { revisionsInIfMatch } from './if-match';

describe('revisionsInIfMatch', () => {
  it.each([
    ['"3"', [3n]],
    ['W/"3"', [3n]],
    ['3', [3n]],
    ['"3-AbC_d-9"', [3n]],
    // RFC 9110 §13.1.1: a list of entity tags, strong or weak, as one header or several joined by Node with ", ".
    ['"3", "4"', [3n, 4n]],
    ['W/"3", "4"', [3n, 4n]],
    ['"4-AbC",W/"3-dEf"', [4n, 3n]],
    ['  "3" ,\t"4"  ', [3n, 4n]],
    // Empty elements are accepted (§5.6.1); a revision named twice, by two representations, is one.
    ['"3", , "4",', [3n, 4n]],
    ['"3", "3-AbC", W/"3"', [3n]],
  ])('reads %j as the revisions %p', (header, revisions) => expect(revisionsInIfMatch(header)).toEqual(revisions));

  it('reads * alone as "the treaty exists"', () => {
    expect(revisionsInIfMatch('*')).toBe('*');
    expect(revisionsInIfMatch(' * ')).toBe('*');
  });

  it.each([
    '',
    ' ',
    ',',
    'yesterday',
    '"3", *',
    '*, "3"',
    '"3", "three"',
    // A comma inside quotes belongs to the tag (§8.8.3): one tag that is not ours, not "3" and "4".
    '"3,4"',
    '"3',
    '3"',
    'W/3',
    '"3" "4"',
    '"3"; "4"',
  ])('refuses %j (400 INVALID_IF_MATCH)', (header) => expect(revisionsInIfMatch(header)).toBeUndefined());
});
