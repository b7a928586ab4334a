/** @module /t/:territory/admin — the admins' hub: roles, corridors, factor editions and the audit log. */
import { mediationPaths } from '../mediation/paths.ts';
import { AdminGate } from './admin-gate.tsx';
import { adminPaths } from './paths.ts';
import { useAdminI18n } from './use-admin-i18n.ts';

export function AdminPage({ territory: slug }: { territory: string }) {
  const { a } = useAdminI18n();
  const links = [
    { href: adminPaths.roles(slug), label: a('admin.link.roles') },
    { href: adminPaths.corridors(slug), label: a('admin.link.corridors') },
    { href: adminPaths.factors(slug), label: a('admin.link.factors') },
    { href: mediationPaths.audit(slug), label: a('admin.link.audit') },
  ];
  return (
    <AdminGate slug={slug} title={a('admin.title')} roles={['admin']} back={false}>
      <p>{a('admin.intro')}</p>
      <ul class="admin-list">
        {links.map((link) => (
          <li key={link.href} class="admin-item">
            <a href={link.href}>{link.label}</a>
          </li>
        ))}
      </ul>
    </AdminGate>
  );
}
