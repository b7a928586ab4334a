/** @module A campaign's rules in plain words, grouped (who, how much, boosted days, caps), with community and commune names. */
import { useEffect, useState } from 'preact/hooks';
import { getApi, territoryPath } from '../core/api.ts';
import { useCommunes } from '../commute/use-communes.ts';
import { describeRules, type RuleWords } from './describe-rules.ts';
import type { CampaignMode, Rule } from './types.ts';
import { useIncentivesI18n, type IncentivesI18n } from './use-incentives-i18n.ts';

const communityCache = new Map<string, Promise<Map<string, string>>>();

function loadCommunityNames(slug: string): Promise<Map<string, string>> {
  let entry = communityCache.get(slug);
  if (!entry) {
    entry = getApi<{ items: { id: string; name: string }[] }>(territoryPath(slug, '/communities?limit=100')).then(
      (page) => new Map(page.items.map((c) => [c.id, c.name])),
    );
    communityCache.set(slug, entry);
    entry.catch(() => communityCache.delete(slug));
  }
  return entry;
}

/** Names of the communities the rules name (fetched once per territory, only when a community rule exists). */
function useCommunityNames(slug: string, wanted: boolean): Map<string, string> {
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    loadCommunityNames(slug).then(
      (loaded) => live && setNames(loaded),
      () => undefined, // ids stay readable without names
    );
    return () => {
      live = false;
    };
  }, [slug, wanted]);
  return names;
}

export function useRuleWords(slug: string, mode: CampaignMode, rules: readonly Rule[]): RuleWords {
  const i18n = useIncentivesI18n();
  const communes = useCommunes(slug);
  const communities = useCommunityNames(slug, rules.some((r) => r.type === 'in_communities'));
  return ruleWords(i18n, mode, (code) => communes?.find((c) => c.code === code)?.name, (id) => communities.get(id));
}

export function ruleWords(
  i18n: IncentivesI18n, mode: CampaignMode, communeName?: (code: string) => string | undefined, communityName?: (id: string) => string | undefined,
): RuleWords {
  return {
    locale: i18n.locale,
    c: i18n.c,
    amount: mode === 'lottery' ? (cents) => i18n.cp('points', cents) : i18n.euros,
    day: i18n.day,
    ...(communeName ? { communeName } : {}),
    ...(communityName ? { communityName } : {}),
  };
}

export function RulesInWords({ slug, mode, rules, headingLevel = 3 }: { slug: string; mode: CampaignMode; rules: readonly Rule[]; headingLevel?: 3 | 4 }) {
  const { c } = useIncentivesI18n();
  const words = useRuleWords(slug, mode, rules);
  const groups = describeRules(rules, words);
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div class="rule-groups">
      {groups.some((g) => g.group === 'who') ? null : <p>{c('rules.everyone')}</p>}
      {groups.map((g) => (
        <div key={g.group}>
          <Heading>{c(`rules.group.${g.group}`)}</Heading>
          <ul>
            {g.sentences.map((sentence, i) => (
              <li key={i}>{sentence}</li>
            ))}
          </ul>
        </div>
      ))}
      <p class="rule-note">{c('rules.order')}</p>
    </div>
  );
}
