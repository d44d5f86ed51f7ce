// A credit code as people paste it: spaces before, after and inside (also full-width), lower case. Every space goes
// before the length is checked, so the check character is never lost; an absurdly long value is refused as such.
import { describe, expect, it } from 'vitest';
import { enterpriseInput, usccSchema } from '../../shared/enterprise/schemas';

describe('usccSchema', () => {
  it.each([' 9144030071526726XG', '9144030071526726XG\t', '91440300 71526726 XG', '\u30009144030071526726xg\u3000', '9144 0300 7152 6726 XG'])(
    'keeps %j as the 18-character code',
    (v) => expect(usccSchema.parse(v)).toBe('9144030071526726XG'),
  );
  it('still refuses a wrong length or check character after the spaces are gone', () => {
    expect(usccSchema.safeParse(' 9144030071526726X').error?.issues.map((i) => i.message)).toEqual(['v.uscc.format']);
    expect(usccSchema.safeParse(' 9144030071526726XA ').error?.issues.map((i) => i.message)).toEqual(['v.uscc.checksum']);
    expect(usccSchema.safeParse('9'.repeat(500)).error?.issues.map((i) => i.message)).toEqual(['v.tooLong']);
    expect(enterpriseInput.safeParse({ name: '甲', uscc: ' 9144030071526726XG', headcount: 1 }).success).toBe(true);
  });
});
