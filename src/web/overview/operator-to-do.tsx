/** @module The operator's to-do list on the home page: each queue with how many items wait, linking to it. */
import { paths } from '../core/paths.ts';
import { checkInPaths } from '../check-ins/paths.ts';
import { incentivePaths } from '../incentives/paths.ts';
import { moderationPaths } from '../moderation/paths.ts';
import { observatoryPaths } from '../observatory/paths.ts';
import { volunteeringPaths } from '../volunteering/paths.ts';
import type { ToDo, ToDoItem } from './types.ts';
import { useOverviewI18n } from './use-overview-i18n.ts';

function hrefOf(slug: string, kind: ToDoItem['kind']): string {
  switch (kind) {
    case 'organisations':
    case 'missions':
      return volunteeringPaths.validation(slug);
    case 'flagged_carpools':
      return paths.reviews(slug);
    case 'reports':
      return moderationPaths.queue(slug);
    case 'shops_owed':
      return incentivePaths.merchantBooks(slug);
    case 'check_in_alerts':
      return checkInPaths.duty(slug);
    case 'observatory_alerts':
      return observatoryPaths.page(slug);
  }
}

export function OperatorToDo({ slug, todo }: { slug: string; todo: ToDo }) {
  const { o, formatNumber } = useOverviewI18n();
  const waiting = todo.items.filter((i) => i.count > 0);
  return (
    <section aria-labelledby="todo-title" class="overview-todo">
      <h2 id="todo-title">{o('todo.title')}</h2>
      {waiting.length === 0 ? <p>{o('todo.empty')}</p> : null}
      <ul class="todo-list" role="list">
        {todo.items.map((item) => (
          <li key={item.kind} data-todo={item.kind} class={item.count > 0 ? 'todo-waiting' : 'todo-empty'}>
            <a href={hrefOf(slug, item.kind)}>
              <span class="todo-count">{formatNumber(item.count)}</span> {o(`todo.${item.kind}`)}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
