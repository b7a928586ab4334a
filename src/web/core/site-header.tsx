/**
 * @module Site header: wordmark, territory name, notifications, and the menu (main navigation, language switch,
 * sign-out). On a phone the menu is a disclosure behind one « Menu » button, so the header stays one line; from 48rem
 * (768 px) the whole menu shows, without the button.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { translate } from '../i18n/translate.ts';
import { useI18n } from './i18n.tsx';
import { announce } from './announce.ts';
import { paths } from './paths.ts';
import { useSession } from './session.tsx';
import { toApiError } from './api-error.ts';
import { describeApiError } from './error-message.ts';
import { useUnreadCount } from '../notifications/use-unread-count.ts';
import { incentivePaths } from '../incentives/paths.ts';
import { volunteeringPaths } from '../volunteering/paths.ts';
import { aidPaths } from '../mutual-aid/paths.ts';
import { checkInPaths } from '../check-ins/paths.ts';
import { moderationPaths } from '../moderation/paths.ts';
import { mediationPaths } from '../mediation/paths.ts';
import { adminPaths } from '../admin/paths.ts';
import { observatoryPaths } from '../observatory/paths.ts';

function NavLink({ href, label, current, exactOnly }: { href: string; label: string; current: string; exactOnly?: boolean }) {
  const exact = current === href;
  const within = !exact && !exactOnly && href.split('/').length > 3 && current.startsWith(`${href}/`);
  return (
    <li>
      <a href={href} aria-current={exact ? 'page' : within ? 'true' : undefined}>
        {label}
      </a>
    </li>
  );
}

interface GroupLink {
  href: string;
  label: string;
  exactOnly?: boolean;
}

/**
 * A disclosure of related links (the mobility pages), so the bar stays one or two lines on a phone.
 * It closes on navigation, on Escape (focus back on its button) and on a click elsewhere.
 */
function NavGroup({ label, links, current }: { label: string; links: readonly GroupLink[]; current: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [current]);
  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !ref.current?.open) return;
    event.stopPropagation(); // Escape closes this group first, the phone menu on the next press
    ref.current.open = false;
    ref.current.querySelector('summary')?.focus();
  };
  const within = links.some((link) => current === link.href || current.startsWith(`${link.href}/`));
  return (
    <li class="nav-group">
      <details ref={ref} onToggle={() => setOpen(Boolean(ref.current?.open))} onKeyDown={onKeyDown}>
        <summary class={within ? 'nav-summary nav-summary-current' : 'nav-summary'}>{label}</summary>
        <ul class="nav-sublist">
          {links.map((link) => (
            <NavLink key={link.href} href={link.href} label={link.label} current={current} exactOnly={link.exactOnly} />
          ))}
        </ul>
      </details>
    </li>
  );
}

export function SiteHeader({ slug, territoryName }: { slug: string | null; territoryName: string | undefined }) {
  const { t, tp, locale, setLocale } = useI18n();
  const { me, signOut } = useSession();
  const { path, route } = useLocation();
  const roles = (slug && me?.territories.find((territory) => territory.slug === slug)?.roles) || [];
  const unread = useUnreadCount(Boolean(me), path);
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  // A link followed closes the phone menu.
  useEffect(() => setMenuOpen(false), [path]);
  useEffect(() => {
    if (!menuOpen) return;
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !menuButton.current?.contains(target)) setMenuOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [menuOpen]);
  const onMenuKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  };

  const switchLanguage = () => {
    const next = locale === 'fr' ? 'en' : 'fr';
    setLocale(next);
    announce(translate(next, 'lang.changed'));
  };
  const handleSignOut = () => {
    signOut().then(
      () => {
        announce(t('nav.signedOut'));
        route(slug ? paths.home(slug) : paths.root());
      },
      (error: unknown) => announce(describeApiError(toApiError(error), t)),
    );
  };

  return (
    <header class="site-header">
      <div class="header-inner">
        <p class="brand">
          <a class="wordmark" href={slug ? paths.home(slug) : paths.root()}>
            {t('app.name')}
          </a>
          {territoryName ? <span class="territory-name">{territoryName}</span> : null}
        </p>
        {me ? (
          <a
            class="button button-quiet header-notifications"
            href={paths.notifications()}
            aria-current={path === paths.notifications() ? 'page' : undefined}
            data-testid="header-notifications"
          >
            {t('nav.notifications')}
            {unread ? (
              <>
                {' '}
                <span class="badge" aria-hidden="true">{unread}</span>
                <span class="visually-hidden">{`, ${tp('nav.unread', unread)}`}</span>
              </>
            ) : null}
          </a>
        ) : null}
        <button
          ref={menuButton}
          type="button"
          class="button menu-button"
          aria-expanded={menuOpen}
          aria-controls="site-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {t('nav.menu')}
          <span class="menu-arrow" aria-hidden="true" />
        </button>
        <div id="site-menu" ref={menu} class={menuOpen ? 'site-menu site-menu-open' : 'site-menu'} onKeyDown={onMenuKeyDown}>
          <div class="header-tools">
            <button type="button" class="button button-quiet" lang={t('lang.switchToCode')} onClick={switchLanguage}>
              {t('lang.switchTo')}
            </button>
            {me ? (
              <button type="button" class="button button-quiet" onClick={handleSignOut}>
                {t('nav.signOut')}
              </button>
            ) : null}
          </div>
          {slug ? (
            <nav aria-label={t('nav.label')}>
              <ul class="nav-list">
                <NavLink href={paths.home(slug)} label={t('nav.home')} current={path} />
                <NavLink href={paths.directory(slug)} label={t('nav.communities')} current={path} />
                <NavLink href={paths.myCommunities(slug)} label={t('nav.mine')} current={path} />
                <NavGroup
                  label={t('nav.mobility')}
                  current={path}
                  links={[
                    { href: paths.commute(slug), label: t('nav.commute') },
                    { href: paths.carpool(slug), label: t('nav.carpool') },
                    { href: paths.corridors(slug), label: t('nav.corridors') },
                    { href: paths.engagements(slug), label: t('nav.engagements') },
                    ...(me ? [{ href: paths.myEngagements(slug), label: t('nav.myEngagements') }] : []),
                    { href: paths.myImpact(slug), label: t('nav.myImpact'), exactOnly: true },
                    { href: paths.territoryImpact(slug), label: t('nav.territoryImpact') },
                    ...(roles.includes('operator') || roles.includes('admin') ? [{ href: paths.reviews(slug), label: t('nav.reviews') }] : []),
                  ]}
                />
                <NavGroup
                  label={t('nav.rewards')}
                  current={path}
                  links={[
                    { href: incentivePaths.campaigns(slug), label: t('nav.campaigns') },
                    ...(me ? [{ href: incentivePaths.wallet(slug), label: t('nav.wallet') }] : []),
                    ...(roles.includes('merchant') ? [{ href: incentivePaths.merchant(slug), label: t('nav.merchant') }] : []),
                  ]}
                />
                <NavGroup
                  label={t('nav.volunteering')}
                  current={path}
                  links={[
                    { href: volunteeringPaths.search(slug), label: t('nav.volunteeringSearch'), exactOnly: true },
                    ...(me ? [{ href: volunteeringPaths.myParticipations(slug), label: t('nav.volunteeringMine') }] : []),
                    { href: volunteeringPaths.myOrganisation(slug), label: t('nav.volunteeringOrganisation') },
                    ...(roles.includes('operator') || roles.includes('admin') ? [{ href: volunteeringPaths.validation(slug), label: t('nav.volunteeringValidation') }] : []),
                  ]}
                />
                <NavGroup
                  label={t('nav.mutualAid')}
                  current={path}
                  links={[
                    { href: aidPaths.ask(slug), label: t('nav.aidAsk') },
                    ...(me ? [{ href: aidPaths.mine(slug), label: t('nav.aidMine') }, { href: aidPaths.nearby(slug), label: t('nav.aidNearby') }] : []),
                    { href: aidPaths.helper(slug), label: t('nav.aidHelper') },
                    { href: aidPaths.offers(slug), label: t('nav.aidOffers') },
                  ]}
                />
                {me ? (
                  <NavGroup
                    label={t('nav.checkIns')}
                    current={path}
                    links={[
                      { href: checkInPaths.bonjour(slug), label: t('nav.bonjour'), exactOnly: true },
                      { href: checkInPaths.referent(slug), label: t('nav.bonjourReferent') },
                      ...(roles.some((r) => r === 'mediator' || r === 'operator' || r === 'admin') ? [{ href: checkInPaths.duty(slug), label: t('nav.bonjourDuty') }] : []),
                    ]}
                  />
                ) : null}
                {roles.includes('mediator') ? <NavLink href={mediationPaths.mediation(slug)} label={t('nav.mediation')} current={path} /> : null}
                {roles.includes('admin') ? <NavLink href={adminPaths.home(slug)} label={t('nav.admin')} current={path} /> : null}
                {roles.includes('admin') ? <NavLink href={mediationPaths.audit(slug)} label={t('nav.audit')} current={path} /> : null}
                {roles.some((r) => r === 'operator' || r === 'commander' || r === 'admin') ? <NavLink href={observatoryPaths.page(slug)} label={t('nav.observatory')} current={path} /> : null}
                {roles.includes('operator') || roles.includes('admin') ? <NavLink href={moderationPaths.queue(slug)} label={t('nav.moderation')} current={path} /> : null}
                {me ? (
                  <NavLink href={paths.account(slug)} label={t('nav.account')} current={path} />
                ) : (
                  <NavLink href={paths.signIn(slug)} label={t('nav.signIn')} current={path} />
                )}
              </ul>
            </nav>
          ) : null}
        </div>
      </div>
    </header>
  );
}
