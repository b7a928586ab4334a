/** @module "2 membres": visible text and accessible name, updated politely when someone joins or leaves. */
import { useI18n } from '../core/i18n.tsx';

export function MemberCount({ count }: { count: number }) {
  const { tp } = useI18n();
  const text = tp('members', count);
  return (
    <p class="member-count" role="status" aria-label={text} data-count={count}>
      {text}
    </p>
  );
}
