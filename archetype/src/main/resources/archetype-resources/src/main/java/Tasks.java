package ${package};

import io.mizan.Client;
import io.mizan.MizanException;
import io.mizan.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's server functions. Each {@code @Client} method becomes a typed function and a React
 * hook in src/main/frontend/src/mizan when the project compiles: {@code useTasks()},
 * {@code useAddTask()}, {@code useSetDone()}.
 */
@ApplicationScoped
public class Tasks {

    private final Map<Long, Task> tasks = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** Every task, oldest first. */
    @Client(context = Scope.GLOBAL)
    public List<Task> tasks() {
        return List.copyOf(tasks.values());
    }

    /** Adds a task; the pages showing the tasks refresh. */
    @Client(affects = "tasks")
    public Task addTask(@NotBlank @Size(max = 200) String title) {
        Task task = new Task(ids.incrementAndGet(), title.strip(), false);
        tasks.put(task.id(), task);
        return task;
    }

    /** Marks a task done, or not done. */
    @Client(affects = "tasks")
    public Task setDone(long id, boolean done) {
        Task task = tasks.computeIfPresent(id, (k, t) -> new Task(t.id(), t.title(), done));
        if (task == null) {
            throw new MizanException(404, "There is no task " + id);
        }
        return task;
    }
}
