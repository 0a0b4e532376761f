/** A whole percentage, 0 to 100 in steps of 5, as the confidence filters take it; anything else typed becomes 0 or is clamped. */
export function PercentInput({ value, onChange, label }: { value: number; onChange: (percent: number) => void; label: string }) {
  return <input type="number" min={0} max={100} step={5} value={value} aria-label={label} onChange={(e) => onChange(Math.max(0, Math.min(100, Number(e.target.value) || 0)))} />;
}
