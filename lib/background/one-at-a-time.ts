/**
 * Runs tasks one after another, in the order they were asked for: a run that reads some state,
 * changes it and writes it back must not interleave with another doing the same. Each task's
 * outcome (or failure) is its caller's; a failure does not stop the tasks queued after it.
 */
export type OneAtATime = <T>(task: () => Promise<T>) => Promise<T>;

export function oneAtATime(): OneAtATime {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = last.then(task);
    last = run.catch(() => undefined);
    return run;
  };
}
