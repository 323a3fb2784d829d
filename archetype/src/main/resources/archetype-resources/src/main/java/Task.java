package ${package};

/** One thing to do. In TypeScript: {@code interface Task { id: number; title: string; done: boolean }}. */
public record Task(long id, String title, boolean done) {}
