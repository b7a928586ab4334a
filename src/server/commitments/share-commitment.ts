/**
 * @module A commitment's share link and its QR code: the absolute address of its page (built from PUBLIC_URL, as mail
 * links are) drawn as an SVG by the `qrcode` library, so it prints sharp at any size and can be cached.
 */
import QRCode from 'qrcode';
import type { RequestScope } from '../core/http/scope.ts';
import type { Deps } from '../core/unit-of-work.ts';
import { commitmentLink } from './deliver.ts';
import { loadCommitment } from './store.ts';
import { requireVisible } from './view-commitment.ts';

/** The absolute address of a commitment's page, the one its QR code and share button give. */
export const shareUrl = (publicUrl: string, slug: string, id: string) => `${publicUrl}${commitmentLink(slug, id)}`;

export interface CommitmentQr {
  svg: string;
  url: string;
  /** Whether anyone may see the commitment (not a community's): only then may shared caches keep the image. */
  public: boolean;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The QR code of a commitment's page as SVG, with a `<title>` naming the address for screen readers and print.
 * Error correction M (15 %) survives a creased poster; the quiet zone is 2 modules.
 * @example (await commitmentQr(deps, scope, { id: '7' })).svg // '<svg xmlns=… role="img" …><title>…/engagements/7</title>…'
 */
export async function commitmentQr(deps: Pick<Deps, 'db'> & { config: Pick<Deps['config'], 'publicUrl'> }, { territory, viewer }: Pick<RequestScope, 'territory' | 'viewer'>, input: { id: string }): Promise<CommitmentQr> {
  const { row } = await loadCommitment(deps.db, territory.id, input.id);
  await requireVisible(deps.db, row, viewer);
  const url = shareUrl(deps.config.publicUrl, territory.slug, row.id);
  const drawn = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const svg = drawn.replace('<svg ', `<svg role="img" aria-label="${escapeXml(url)}" `).replace(/(<svg[^>]*>)/, `$1<title>${escapeXml(url)}</title>`);
  return { svg, url, public: row.community_id === null };
}
