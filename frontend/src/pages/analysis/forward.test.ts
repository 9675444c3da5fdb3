import { describe, expect, it } from 'vitest';
import { answerModes, forwardInput, forwardProblems, recipientOptions } from './forward';

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

describe('who answers a forwarding', () => {
  const forwarding = (answered: Record<string, boolean>) => ({
    recipients: Object.entries(answered).map(([department, a]) => ({ department, answered: a })),
  });

  it('lets a department answer for itself while a department recipient waits, the leader for the management representative', () => {
    const both = forwarding({ 'audit-scheduling': false, 'management-representative': false });
    expect(answerModes(both, ['department'])).toEqual(['department']);
    expect(answerModes(both, ['leader'])).toEqual(['representative']);
    expect(answerModes(forwarding({ 'audit-scheduling': false }), ['leader'])).toEqual([]);
    expect(answerModes(forwarding({ 'management-representative': false }), ['department'])).toEqual([]);
  });

  it('lets market record an answer on behalf of any recipient still waiting, and nobody once all have answered', () => {
    expect(answerModes(forwarding({ finance: true, 'audit-scheduling': false }), ['market'])).toEqual(['onBehalf']);
    const done = forwarding({ finance: true, 'management-representative': true });
    for (const roles of [['market'], ['leader'], ['department']] as const) {
      expect(answerModes(done, [...roles])).toEqual([]);
    }
  });
});
