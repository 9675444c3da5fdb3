import { describe, expect, it } from 'vitest';
import { forwardInput, forwardProblems, recipientOptions } from './forward';

describe('forwarding a common issue', () => {
  it('needs at least one recipient and at most ten, each a department code or the management representative', () => {
    expect(forwardProblems({ topic: '证书邮寄', recipients: [] })).toEqual([{ field: 'recipients', problem: 'recipients-required' }]);
    expect(forwardProblems({ topic: '证书邮寄', recipients: ['audit-scheduling', 'management-representative'] })).toEqual([]);
    const eleven = Array.from({ length: 11 }, (_, i) => `dept-${i}`);
    expect(forwardProblems({ topic: 't', recipients: eleven })).toEqual([{ field: 'recipients', problem: 'recipients-too-many' }]);
    expect(forwardProblems({ topic: 't', recipients: ['审核计划部'] })).toEqual([{ field: 'recipients', problem: 'recipients-code', value: '审核计划部' }]);
  });

  it('counts a recipient chosen twice once, and keeps the note within 5000 characters', () => {
    expect(forwardProblems({ topic: 't', recipients: Array(11).fill('finance') })).toEqual([]);
    expect(forwardProblems({ topic: 't', recipients: ['finance'], note: '字'.repeat(5000) })).toEqual([]);
    expect(forwardProblems({ topic: 't', recipients: ['finance'], note: '字'.repeat(5001) })).toEqual([{ field: 'note', problem: 'note-too-long' }]);
    expect(forwardProblems({ topic: ' ', recipients: ['finance'] })).toEqual([{ field: 'topic', problem: 'topic-required' }]);
  });

  it('sends each recipient once in the list order, the management representative last, a blank note left out', () => {
    const order = ['market', 'audit-scheduling', 'technical-committee', 'finance'];
    expect(forwardInput({ topic: '证书邮寄', recipients: ['management-representative', 'finance', 'audit-scheduling', 'finance'], note: '  ' }, order))
      .toEqual({ topic: '证书邮寄', recipients: ['audit-scheduling', 'finance', 'management-representative'] });
    expect(forwardInput({ topic: 't', recipients: ['finance'], note: ' 请于两周内答复 ' }, order)).toEqual({ topic: 't', recipients: ['finance'], note: '请于两周内答复' });
  });

  it('offers every department but the market department itself', () => {
    expect(recipientOptions([{ value: 'market' }, { value: 'finance' }, { value: 'management-representative' }]).map((o) => o.value))
      .toEqual(['finance', 'management-representative']);
  });
});
