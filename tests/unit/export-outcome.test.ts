import { describe, expect, it } from 'vitest';
import { attentionSummary } from '../../shared/export/formats';

describe('what an export says about claims that need attention', () => {
  it('nothing when there are none, or when the format keeps records as they are', () => {
    expect(attentionSummary('brat', { claimsNeedingAttention: 0, linksLeftOut: 0 })).toBeNull();
    expect(attentionSummary('json', { claimsNeedingAttention: 3, linksLeftOut: 0 })).toBeNull();
    expect(attentionSummary('sqlite', { claimsNeedingAttention: 3, linksLeftOut: 0 })).toBeNull();
  });

  it('how many, and what the format did with them, in one line', () => {
    const reason = 'attention (offsets or quote do not hold on the article text)';
    expect(attentionSummary('w3c', { claimsNeedingAttention: 1, linksLeftOut: 0 })).toBe(`1 claim needs ${reason}: left out.`);
    expect(attentionSummary('refi', { claimsNeedingAttention: 1, linksLeftOut: 1 })).toBe(`1 claim needs ${reason}: left out, as was the link attached to it.`);
    expect(attentionSummary('brat', { claimsNeedingAttention: 2, linksLeftOut: 3 })).toBe(`2 claims need ${reason}: left out, as were the 3 links attached to them.`);
    expect(attentionSummary('csv', { claimsNeedingAttention: 2, linksLeftOut: 0 })).toBe(`2 claims need ${reason}: their rows have no start and end, and needs_attention is "yes".`);
    expect(attentionSummary('report', { claimsNeedingAttention: 4, linksLeftOut: 0 })).toBe(`4 claims need ${reason}: marked in the report.`);
  });
});
