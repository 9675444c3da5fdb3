/**
 * Topics as feedback-service keeps them (Topics.normalise): NFKC — so the full-width "ＩＳＯ\u3000９００１" a Chinese
 * input method types is "ISO 9001" — every run of white space one space, stripped; at most 40 characters (code
 * points); case kept; duplicates after normalisation count once; at most 10 per item. The editor shows the tags as
 * the service will store them, before saving, and says what it cannot take.
 */
export const TOPIC_MAX = 40;
export const TOPICS_PER_ITEM = 10;

export function normaliseTopic(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\p{Z}]+/gu, ' ').trim();
}

export type TopicProblem = 'too-long' | 'control' | 'too-many';

export interface NormalisedTopics {
  /** The topics to send: normalised, blank ones dropped, duplicates merged, sorted as the service answers them. */
  topics: string[];
  /** Typed forms that became another (shown so the user sees what is kept): raw → normalised. */
  changed: { raw: string; topic: string }[];
  /** What the service would refuse. */
  problems: { topic: string; problem: TopicProblem }[];
}

const CONTROL = /\p{Cc}/u;

export function normaliseTopics(raw: readonly string[]): NormalisedTopics {
  const seen = new Set<string>();
  const changed: NormalisedTopics['changed'] = [];
  const problems: NormalisedTopics['problems'] = [];
  for (const r of raw) {
    const topic = normaliseTopic(r);
    if (!topic) continue;
    if (topic !== r) changed.push({ raw: r, topic });
    if (seen.has(topic)) continue;
    seen.add(topic);
    if ([...topic].length > TOPIC_MAX) problems.push({ topic, problem: 'too-long' });
    else if (CONTROL.test(topic)) problems.push({ topic, problem: 'control' });
  }
  const topics = [...seen].sort();
  if (topics.length > TOPICS_PER_ITEM) problems.push({ topic: '', problem: 'too-many' });
  return { topics, changed, problems };
}
