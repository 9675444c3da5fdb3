import { describe, expect, it } from 'vitest';
import { normaliseTopic, normaliseTopics } from './topics';

describe('topics as the service keeps them', () => {
  it('turns full-width letters, digits and spaces into ordinary ones, one space between words', () => {
    expect(normaliseTopic('ＩＳＯ\u3000９００１')).toBe('ISO 9001');
    expect(normaliseTopic('  审核\t\n时间   安排 ')).toBe('审核 时间 安排');
    expect(normaliseTopic('Audit Schedule')).toBe('Audit Schedule'); // case kept
  });

  it('merges duplicates after normalisation, drops blanks, sorts, and says what it changed', () => {
    const n = normaliseTopics(['证书邮寄', 'ＩＳＯ\u3000９００１', 'ISO 9001', '  ', '证书邮寄 ']);
    expect(n.topics).toEqual(['ISO 9001', '证书邮寄'].sort());
    expect(n.changed).toEqual([{ raw: 'ＩＳＯ\u3000９００１', topic: 'ISO 9001' }, { raw: '证书邮寄 ', topic: '证书邮寄' }]);
    expect(n.problems).toEqual([]);
  });

  it('counts characters as people do (40 code points) and refuses an eleventh topic', () => {
    expect(normaliseTopics(['字'.repeat(40)]).problems).toEqual([]);
    expect(normaliseTopics(['𠀀'.repeat(40)]).problems).toEqual([]); // beyond the BMP: one character each
    expect(normaliseTopics(['字'.repeat(41)]).problems).toEqual([{ topic: '字'.repeat(41), problem: 'too-long' }]);
    expect(normaliseTopics(Array.from({ length: 11 }, (_, i) => `t${i}`)).problems).toEqual([{ topic: '', problem: 'too-many' }]);
  });
});
