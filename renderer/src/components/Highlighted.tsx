import type { SnippetPart } from '../../../shared/domain';

/** Search snippet parts as text, matches in <mark>. Never HTML from the backend. */
export function Highlighted({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}
