/**
 * The `k` best items of a stream, best first, without sorting the whole stream: a binary heap
 * whose root is the worst item kept. `better(p, q)` must be a strict total order.
 */
export class TopK<T> {
  private readonly heap: T[] = [];

  constructor(
    private readonly k: number,
    private readonly better: (p: T, q: T) => boolean,
  ) {}

  push(item: T): void {
    const heap = this.heap;
    if (heap.length < this.k) {
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.better(heap[parent]!, heap[i]!)) break;
        [heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
        i = parent;
      }
    } else if (this.k > 0 && this.better(item, heap[0]!)) {
      heap[0] = item;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let worst = i;
        if (left < heap.length && this.better(heap[worst]!, heap[left]!)) worst = left;
        if (right < heap.length && this.better(heap[worst]!, heap[right]!)) worst = right;
        if (worst === i) break;
        [heap[worst], heap[i]] = [heap[i]!, heap[worst]!];
        i = worst;
      }
    }
  }

  /** The items kept, best first. */
  sorted(): T[] {
    return [...this.heap].sort((p, q) => (this.better(p, q) ? -1 : this.better(q, p) ? 1 : 0));
  }
}
