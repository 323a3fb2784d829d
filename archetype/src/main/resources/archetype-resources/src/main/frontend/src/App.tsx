import { useState, type FormEvent } from 'react';
import { useAddTask, useSetDone, useTasks } from './mizan';

/**
 * The page. `./mizan` is generated from Tasks.java when the project compiles: change a method there,
 * and this file type-checks against the new signature.
 */
export function App() {
  const tasks = useTasks();
  const addTask = useAddTask();
  const setDone = useSetDone();
  const [title, setTitle] = useState('');

  const add = (e: FormEvent) => {
    e.preventDefault();
    // after the call, the runtime refetches `tasks` (the method says affects = "tasks")
    addTask.mutate({ title }, { onSuccess: () => setTitle('') });
  };

  return (
    <main>
      <h1>Tasks</h1>
      <form onSubmit={add}>
        <input value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Something to do" />
        <button disabled={addTask.isPending}>Add</button>
        {addTask.error && <p role="alert">{addTask.error.fieldError('title') ?? addTask.error.title}</p>}
      </form>
      <ul>
        {(tasks.data ?? []).map((task) => (
          <li key={task.id}>
            <label>
              <input
                type="checkbox"
                checked={task.done}
                onChange={(e) => setDone.mutate({ id: task.id, done: e.target.checked })}
              />
              {task.title}
            </label>
          </li>
        ))}
      </ul>
    </main>
  );
}
